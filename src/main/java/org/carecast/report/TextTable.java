package org.carecast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A titled plain-text table for the terminal whose columns widen to fit their widest cell. */
final class TextTable {
    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String title, List<String> columns) {
        this.title = title;
        this.header = new ArrayList<>(columns);
        this.header.add(0, "");
    }

    <K> void row(String label, List<K> keys, Function<K, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(label);
        for (K k : keys) {
            row.add(cell.apply(k));
        }
        rows.add(row);
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
        int labelWidth = header.get(0).length();
        int cellWidth = 0;
        for (List<String> r : rows) {
            labelWidth = Math.max(labelWidth, r.get(0).length());
        }
        for (List<String> r : rows) {
            for (String c : r.subList(1, r.size())) {
                cellWidth = Math.max(cellWidth, c.length());
            }
        }
        for (String h : header.subList(1, header.size())) {
            cellWidth = Math.max(cellWidth, h.length());
        }
        out.append(title).append('\n');
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            out.append(r.get(0)).append(" ".repeat(labelWidth - r.get(0).length()));
            for (String c : r.subList(1, r.size())) {
                out.append(" ".repeat(cellWidth + 2 - c.length())).append(c);
            }
            out.append('\n');
        }
        out.append('\n');
    }
}
