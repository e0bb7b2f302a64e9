package org.carecast.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into a {@link YamlNode} tree that remembers line and column of every node,
 * using Jackson's streaming YAML parser (which reports token locations) rather than its tree
 * model (which does not). Syntax errors and duplicate keys become {@link ScenarioException}s.
 */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader() {
    }

    /** Reads and parses {@code file}; a missing or unreadable file is a {@link ScenarioException}. */
    public static YamlNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "", "file not found");
        } catch (IOException e) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "",
                    "cannot read file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses YAML text; {@code file} is only used to label locations. */
    public static YamlNode parse(Path file, String text) {
        try (Reader reader = new StringReader(text); JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(new SourceLocation(file, 1, 1), "", "the file is empty");
            }
            YamlNode root = readValue(parser, file, "");
            if (parser.nextToken() != null) {
                throw new ScenarioException(location(file, parser.currentTokenLocation()), "",
                        "expected a single YAML document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ScenarioException(where == null ? new SourceLocation(file, 1, 1) : location(file, where),
                    "", "malformed YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "", "cannot read YAML: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser, Path file, String path) throws IOException {
        JsonToken token = parser.currentToken();
        SourceLocation at = location(file, parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = location(file, parser.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new ScenarioException(keyAt, join(path, key),
                                "duplicate key (first given at line " + keys.get(key).line() + ")");
                    }
                    parser.nextToken();
                    entries.put(key, readValue(parser, file, join(path, key)));
                    keys.put(key, keyAt);
                }
                return new YamlNode.Mapping(at, path, entries, keys);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, path + "[" + index++ + "]"));
                }
                return new YamlNode.Sequence(at, path, items);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(at, path, null);
            default:
                return new YamlNode.Scalar(at, path, parser.getText());
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static SourceLocation location(Path file, JsonLocation where) {
        return new SourceLocation(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
