package org.carecast.report;

/** Quoting of text fields in CSV files (RFC 4180): quoted only when they need it. */
final class Csv {

    private Csv() {
    }

    static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
