package org.carecast.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One text file that carecast writes (a calibrated scenario), with the same promises as
 * {@link OutputFolder}: it replaces only a file it wrote earlier (recognised by its text, for
 * example a first line carecast writes), never one of the command's own inputs; it appears
 * complete or not at all (written beside the target, then renamed over it); and it is created
 * with the default permissions, so it follows the user's umask.
 */
public final class OutputFile {

    private final Path target;
    private final String shown;

    private OutputFile(Path target, String shown) {
        this.target = target;
        this.shown = shown;
    }

    /**
     * Checks that {@code target} may be written: it is not one of {@code inputs}, and is absent or
     * a regular file whose text {@code ours} recognises as an earlier output.
     *
     * @param what a few words for messages, e.g. "a calibrated scenario"
     * @throws OutputLocationException saying what is there and what to do
     */
    public static OutputFile prepare(Path target, List<Path> inputs, Predicate<String> ours, String what) {
        Path absolute = target.toAbsolutePath().normalize();
        OutputFile file = new OutputFile(absolute, target.toString());
        for (Path input : inputs) {
            if (input != null && (input.toAbsolutePath().normalize().equals(absolute) || sameFile(input, absolute))) {
                throw new OutputLocationException(target + " is one of this command's input files; carecast will not"
                        + " overwrite it. Choose another file to write " + what + " to");
            }
        }
        if (Files.isSymbolicLink(absolute) || Files.isDirectory(absolute)
                || Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputLocationException(target + " exists and is not a plain file; choose another file to write " + what + " to");
        }
        if (Files.exists(absolute)) {
            String text;
            try {
                text = Files.size(absolute) > 16L << 20 ? "" : Files.readString(absolute, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                text = "";
            }
            if (!ours.test(text)) {
                throw new OutputLocationException(target + " exists and is not " + what + " carecast wrote; carecast will"
                        + " not overwrite it. Choose another file, or move it away yourself");
            }
        }
        Path parent = absolute.getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new OutputLocationException("cannot write " + target + ": " + existing + " is a file, not a folder");
        }
        return file;
    }

    /** Writes {@code text}, replacing an earlier output in one rename. */
    public void write(String text) {
        Path parent = target.getParent();
        Path temporary = parent.resolve("." + target.getFileName() + ".carecast-new-" + ProcessHandle.current().pid()
                + "-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(parent);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputLocationException("could not write " + shown + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()).toLowerCase(Locale.ROOT) + "; nothing was changed", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a temporary file carecast made; nothing of the user's
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
