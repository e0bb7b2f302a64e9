package org.carecast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A titled plain-text table for the terminal whose columns widen to fit their widest cell, and
 * which fits {@value #WIDTH} columns: rows may carry a short label (a placement type's id) used
 * when the full labels do not fit, and columns that do not fit go to a second block below.
 */
final class TextTable {
    /** The width of a terminal that tables and notes fit. */
    static final int WIDTH = 80;

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    /** Per row: the short label, or null to keep the full one. */
    private final List<String> shortLabels = new ArrayList<>();
    private String shortNote;

    TextTable(String title, List<String> columns) {
        this.title = title;
        this.header = new ArrayList<>(columns);
        this.header.add(0, "");
    }

    <K> void row(String label, List<K> keys, Function<K, String> cell) {
        row(label, null, keys, cell);
    }

    /** A row whose label the terminal may shorten to {@code shortLabel} (null: never shortened). */
    <K> void row(String label, String shortLabel, List<K> keys, Function<K, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(label);
        for (K k : keys) {
            row.add(cell.apply(k));
        }
        rows.add(row);
        shortLabels.add(shortLabel);
    }

    /** What to say under the table when it had to use the short labels. */
    void whenShortened(String note) {
        this.shortNote = note;
    }

    String title() {
        return title;
    }

    /** The header (first cell empty) and the rows, for a table in another format. */
    List<List<String>> rows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    void renderTo(StringBuilder out) {
        int cellWidth = 0;
        for (List<String> r : rows) {
            for (String c : r.subList(1, r.size())) {
                cellWidth = Math.max(cellWidth, c.length());
            }
        }
        for (String h : header.subList(1, header.size())) {
            cellWidth = Math.max(cellWidth, h.length());
        }
        int columns = header.size() - 1;
        int longest = 0;
        for (List<String> r : rows) {
            longest = Math.max(longest, r.get(0).length());
        }
        // The full labels if they fit beside every column (or beside a block of at least three).
        int perBlock = Math.max(1, Math.min(columns, (WIDTH - longest) / (cellWidth + 2)));
        boolean shorten = perBlock < Math.min(columns, 3) || (perBlock < columns && shortLabels.stream().anyMatch(l -> l != null));
        List<String> labels = new ArrayList<>();
        labels.add(header.get(0));
        for (int r = 0; r < rows.size(); r++) {
            String shortLabel = shortLabels.get(r);
            labels.add(shorten && shortLabel != null ? shortLabel : rows.get(r).get(0));
        }
        int labelWidth = labels.stream().mapToInt(String::length).max().orElse(0);
        // Two spaces between columns, or one where that makes every column fit.
        int gap = labelWidth + columns * (cellWidth + 2) <= WIDTH || labelWidth + columns * (cellWidth + 1) > WIDTH ? 2 : 1;
        perBlock = Math.max(1, Math.min(columns, (WIDTH - labelWidth) / (cellWidth + gap)));
        out.append(ConsoleSummary.wrap(title, WIDTH)).append('\n');
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (int from = 1; from <= columns; from += perBlock) {
            int to = Math.min(columns, from + perBlock - 1);
            if (from > 1) {
                out.append('\n');
            }
            for (int r = 0; r < all.size(); r++) {
                String label = labels.get(r);
                out.append(label).append(" ".repeat(labelWidth - label.length()));
                for (String c : all.get(r).subList(from, to + 1)) {
                    out.append(" ".repeat(cellWidth + gap - c.length())).append(c);
                }
                out.append('\n');
            }
        }
        if (shorten && shortNote != null) {
            out.append(shortNote).append('\n');
        }
        out.append('\n');
    }
}
