package org.carecast.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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

    /**
     * Reads and parses the scenario file {@code file}: a {@code .yaml} or {@code .yml} file of
     * UTF-8 text ({@link InputFile}); anything else is a {@link ScenarioException}.
     */
    public static YamlNode read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "",
                    "expected a scenario file ending in .yaml or .yml");
        }
        return parse(file, InputFile.read(file, InputFile.Kind.SCENARIO));
    }

    /** Parses YAML text; {@code file} is only used to label locations. */
    public static YamlNode parse(Path file, String text) {
        try (Reader reader = new StringReader(text); JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(new SourceLocation(file, 1, 1), "", "the file is empty");
            }
            YamlNode root = readValue(parser, file, "", text.split("\n", -1));
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

    private static YamlNode readValue(JsonParser parser, Path file, String path, String[] lines) throws IOException {
        JsonToken token = parser.currentToken();
        SourceLocation at = location(file, parser.currentTokenLocation());
        if (parser instanceof YAMLParser yaml) {
            // Jackson hands an alias over as its name ('*lab' would silently become "lab"),
            // so anchors, aliases and tags are refused by name rather than misread.
            if (yaml.isCurrentAlias()) {
                throw new ScenarioException(at, path, "YAML aliases ('*" + yaml.getText()
                        + "') are not supported: write the value out in full");
            }
            // Jackson reports anchors on mappings and lists only; a scalar's shows in the text.
            String anchor = yaml.getCurrentAnchor() != null ? yaml.getCurrentAnchor() : sourceWord(lines, at, '&');
            if (anchor != null) {
                throw new ScenarioException(at, path, "YAML anchors ('&" + anchor
                        + "') are not supported: write each value out in full, or use 'extends' to share a scenario");
            }
            if (yaml.getTypeId() != null || sourceWord(lines, at, '!') != null) {
                throw new ScenarioException(at, path, "YAML tags ('" + (sourceWord(lines, at, '!') != null ? sourceWord(lines, at, '!')
                        : "!" + yaml.getTypeId()) + "') are not supported: write plain values");
            }
        }
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
                    entries.put(key, readValue(parser, file, join(path, key), lines));
                    keys.put(key, keyAt);
                }
                return new YamlNode.Mapping(at, path, entries, keys);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, path + "[" + index++ + "]", lines));
                }
                return new YamlNode.Sequence(at, path, items);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(at, path, null);
            default:
                return new YamlNode.Scalar(at, path, parser.getText());
        }
    }

    /** The word at {@code at} in the source when it starts with {@code mark} ('&amp;' or '!'), else null. */
    private static String sourceWord(String[] lines, SourceLocation at, char mark) {
        if (at.line() > lines.length) {
            return null;
        }
        String line = lines[at.line() - 1];
        int from = at.column() - 1;
        if (from >= line.length() || line.charAt(from) != mark) {
            return null;
        }
        int to = from + 1;
        while (to < line.length() && !Character.isWhitespace(line.charAt(to))) {
            to++;
        }
        return mark == '&' ? line.substring(from + 1, to) : line.substring(from, to);
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
