package org.carecast.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one way carecast reads a text file a user gives it (a scenario, a file it extends, a
 * data CSV, a placement mapping, an SSDA903 return): only a regular file, only up to a size
 * fitting its kind (so a device such as {@code /dev/zero} or a huge file is refused before
 * reading), and only UTF-8 text. A file saved as UTF-16, Latin-1 or binary gets an error that
 * says so and what to do; a UTF-8 byte-order mark (as Excel writes) is accepted and dropped.
 */
public final class InputFile {

    /** What a file is read as: its name in messages and the largest size accepted. */
    public enum Kind {
        SCENARIO("scenario", 4L << 20),
        DATA("data file", 256L << 20),
        MAPPING("placement mapping", 4L << 20),
        RETURN("SSDA903 return", 1L << 30);

        private final String label;
        private final long maxBytes;

        Kind(String label, long maxBytes) {
            this.label = label;
            this.maxBytes = maxBytes;
        }
    }

    private InputFile() {
    }

    /**
     * The text of {@code file}.
     *
     * @throws ScenarioException located at the file (or the first bad byte) when it cannot be read
     *                           as UTF-8 text of its kind
     */
    public static String read(Path file, Kind kind) {
        SourceLocation start = new SourceLocation(file, 1, 1);
        if (!Files.exists(file)) {
            throw new ScenarioException(start, "", "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ScenarioException(start, "", "is a folder; expected a " + kind.label + " file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(start, "", "is not a regular file (a device or pipe?); expected a " + kind.label + " file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > kind.maxBytes) {
                throw tooLarge(start, kind, size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Read at most one byte more than allowed, in case the file grows while read.
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, kind.maxBytes + 1));
            }
            if (bytes.length > kind.maxBytes) {
                throw tooLarge(start, kind, bytes.length);
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(start, "", "file not found");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(start, "", "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(start, "", "cannot read the file: " + e.getMessage());
        }
        return decode(file, bytes, kind);
    }

    /** UTF-8 text from {@code bytes}, or an error saying what the bytes look like instead. */
    static String decode(Path file, byte[] bytes, Kind kind) {
        SourceLocation start = new SourceLocation(file, 1, 1);
        String other = otherEncoding(bytes);
        if (other != null) {
            throw new ScenarioException(start, "", "not UTF-8 text; looks like " + other + ": save it as UTF-8");
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ScenarioException(at(file, bytes, offset, i), "",
                        "not text: the file holds binary data (a zero byte); expected a " + kind.label + " saved as UTF-8 text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            CharBuffer text = decoder.decode(in);
            return text.toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes, offset);
            throw new ScenarioException(at(file, bytes, offset, bad), "", String.format(Locale.ROOT,
                    "not UTF-8 text (byte 0x%02X); it looks like Latin-1 or Windows-1252: save it as UTF-8",
                    bytes[bad] & 0xFF));
        }
    }

    private static ScenarioException tooLarge(SourceLocation start, Kind kind, long size) {
        return new ScenarioException(start, "", String.format(Locale.ROOT,
                "the file is too large for a %s (%,d bytes; at most %,d MB are read)", kind.label, size, kind.maxBytes >> 20));
    }

    /** "UTF-16" or "UTF-32" when the bytes carry that byte-order mark or its zero-byte pattern. */
    private static String otherEncoding(byte[] b) {
        if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0))) {
            return "UTF-32";
        }
        if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            return "UTF-16";
        }
        // Without a mark: ASCII text in UTF-16 has a zero in every other byte.
        int pairs = Math.min(b.length / 2, 256);
        int zeroHigh = 0;
        int zeroLow = 0;
        for (int i = 0; i < pairs; i++) {
            zeroHigh += b[2 * i] == 0 && b[2 * i + 1] != 0 ? 1 : 0;
            zeroLow += b[2 * i + 1] == 0 && b[2 * i] != 0 ? 1 : 0;
        }
        return pairs >= 2 && (zeroHigh > pairs * 0.4 || zeroLow > pairs * 0.4) ? "UTF-16" : null;
    }

    private static int firstMalformed(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Line and column of byte {@code index}, counting characters of the valid text before it. */
    private static SourceLocation at(Path file, byte[] bytes, int from, int index) {
        int line = 1;
        int column = 1;
        for (int i = from; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }
}
