package org.carecast.ssda903;

import java.nio.file.Path;

/**
 * An SSDA903 input that cannot be read at all (missing file or column), or, with
 * {@code --strict}, the first bad row. The message names the file and row.
 */
public final class Ssda903Exception extends RuntimeException {

    private final Path file;
    private final long row;

    /** A problem at a place in a file given as "LINE:COLUMN" (or "" for the whole file). */
    public Ssda903Exception(Path file, String where, String message) {
        super(file + (where.isEmpty() ? "" : ":" + where) + ": " + message);
        this.file = file;
        this.row = where.isEmpty() ? 0 : Long.parseLong(where.substring(0, where.indexOf(':')));
    }

    public Ssda903Exception(Path file, long row, String message) {
        super(file + (row > 0 ? ":" + row : "") + ": " + message);
        this.file = file;
        this.row = row;
    }

    public Path file() {
        return file;
    }

    /** Row number in the file (header = 1), or 0 when the problem is the file itself. */
    public long row() {
        return row;
    }
}
