package org.carecast.ssda903;

import java.nio.file.Path;

/**
 * A row of an SSDA903 file that could not be used as it stands, and why. Rows are never
 * dropped silently: each becomes a problem, counted by kind and reported with its file and
 * row number (the header line is row 1, so row numbers match a spreadsheet's). A message never
 * holds a child's identifier: the file and row find the child for whoever holds the returns, and
 * nothing carecast prints or keeps (a log, a web job's page) then carries one.
 */
public record Problem(Kind kind, Path file, long row, String message) {

    /** What was wrong with a row. */
    public enum Kind {
        /** A date that is neither dd/mm/yyyy nor yyyy-mm-dd, or a required date left empty. */
        BAD_DATE("unparseable date"),
        /** A code (placement, provider, reason, ...) that is not in the SSDA903 specification. */
        UNKNOWN_CODE("unknown code"),
        /** An episode that ends before it starts. */
        ENDS_BEFORE_START("episode ends before it starts"),
        /** An episode that starts before the child's previous episode has ended. */
        OVERLAP("overlapping episodes"),
        /** Episodes of a child with no header row in any header file. */
        NO_HEADER("child with no header row"),
        /** A line that is not a CSV row of the file's columns (an unbalanced quote, extra cells). */
        MALFORMED_ROW("malformed CSV row"),
        /** A row without a child identifier. */
        MISSING_CHILD("row with no CHILD");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return file + ":" + row + ": " + kind.label() + ": " + message;
    }
}
