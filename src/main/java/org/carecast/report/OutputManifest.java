package org.carecast.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code carecast-manifest.json}: the mark carecast leaves in every output folder it writes,
 * naming the command, the version, and every file with its size and SHA-256. A folder is
 * replaced later only when it still holds exactly these files, unchanged: so a file a user
 * added or edited there is never deleted or overwritten.
 *
 * @param carecast the version that wrote the folder
 * @param command  the command that wrote it ({@code run}, {@code compare}, {@code backtest})
 * @param files    relative path ('/'-separated) to size in bytes and SHA-256, in path order
 */
public record OutputManifest(String carecast, String command, Map<String, Entry> files) {

    /** The manifest's file name, at the top of an output folder. */
    public static final String FILE = "carecast-manifest.json";

    private static final JsonFactory JSON = new JsonFactory();

    /** The object mapper, made only when a manifest is read (replacing a folder), not on every write. */
    private static final class Mapper {
        static final ObjectMapper READER = new ObjectMapper();
    }

    /** One file of an output: its size in bytes and its SHA-256 in hex. */
    public record Entry(long bytes, String sha256) {
    }

    public OutputManifest {
        files = new TreeMap<>(files);
    }

    /** Describes every file under {@code folder} (the manifest itself excepted). */
    static OutputManifest of(Path folder, String version, String command) throws IOException {
        Map<String, Entry> files = new TreeMap<>();
        for (Path file : filesUnder(folder)) {
            files.put(relative(folder, file), new Entry(Files.size(file), sha256(file)));
        }
        return new OutputManifest(version, command, files);
    }

    void writeInto(Path folder) throws IOException {
        // Jackson's streaming writer, not the object mapper: the mapper's first use (introspecting
        // the record) costs about a tenth of a second, at the end of every command. Same bytes.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("carecast", carecast);
            json.writeStringField("command", command);
            json.writeObjectFieldStart("files");
            for (Map.Entry<String, Entry> file : files.entrySet()) {
                json.writeObjectFieldStart(file.getKey());
                json.writeNumberField("bytes", file.getValue().bytes());
                json.writeStringField("sha256", file.getValue().sha256());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        Files.write(folder.resolve(FILE), bytes.toByteArray());
    }

    /** The manifest in {@code folder}, or null when there is none or it is not one of ours. */
    static OutputManifest readFrom(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 16L << 20) {
                return null;
            }
            OutputManifest m = Mapper.READER.readValue(file.toFile(), OutputManifest.class);
            return m.command() == null || m.files() == null ? null : m;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What differs between {@code folder} and this manifest: files added, removed or changed
     * since carecast wrote them (at most a few, for a message); empty when it matches.
     */
    List<String> differences(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        Map<String, Entry> expected = new TreeMap<>(files);
        for (Path file : filesUnder(folder)) {
            String name = relative(folder, file);
            Entry entry = expected.remove(name);
            if (entry == null) {
                found.add(name + " (not written by carecast)");
            } else if (Files.size(file) != entry.bytes() || !sha256(file).equals(entry.sha256())) {
                found.add(name + " (changed since carecast wrote it)");
            }
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            // Links and other non-files carecast never writes.
            walk.filter(p -> !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> found.add(relative(folder, p) + " (not written by carecast)"));
        }
        expected.keySet().forEach(name -> found.add(name + " (missing)"));
        return found;
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.equals(folder.resolve(FILE)))
                    .sorted()
                    .toList();
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
