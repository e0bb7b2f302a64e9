package org.carecast.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes an output folder completely or not at all: files go to a hidden temporary folder
 * beside the target, which replaces the target in one rename only after every file is
 * written. A failure part-way leaves any previous output untouched and no partial folder.
 */
public final class OutputFolder {

    /** Writes files into a folder it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private OutputFolder() {
    }

    public static void write(Path target, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        try {
            contents.writeInto(temporary);
            Path previous = null;
            if (Files.exists(absolute)) {
                previous = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".previous-");
                Files.delete(previous);
                move(absolute, previous);
            }
            move(temporary, absolute);
            if (previous != null) {
                deleteTree(previous);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(temporary);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
