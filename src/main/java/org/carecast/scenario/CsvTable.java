package org.carecast.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file as carecast reads every CSV a user gives it (children at the start, SSDA903
 * returns): read through {@link InputFile} (UTF-8, a byte-order mark as Excel writes it
 * dropped), line endings LF or CRLF, fields quoted or not (Jackson's CSV parser), spaces around
 * fields trimmed, and column names matched whatever their case. Each line is one row, parsed on
 * its own, so a row with an unbalanced quote or more cells than the header is reported as that
 * row's problem and the rows after it are still read; blank lines are skipped.
 */
public final class CsvTable {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /**
     * One data row.
     *
     * @param line    line number in the file (the header is line 1), as a spreadsheet numbers rows
     * @param cells   the cells, as many as the header has columns (missing trailing cells are "")
     * @param columns 1-based character column at which each cell starts, for located errors
     * @param problem why the row cannot be used (unbalanced quote, too many cells), or null
     */
    public record Row(long line, List<String> cells, int[] columns, String problem) {

        /** The cell of column {@code index}, trimmed; "" when absent. */
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }

        /** Column at which cell {@code index} starts (1 when unknown). */
        public int column(int index) {
            return index >= 0 && index < columns.length ? columns[index] : 1;
        }
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Reads {@code file}; an unreadable file or a missing header is a {@link ScenarioException}. */
    public static CsvTable read(Path file, InputFile.Kind kind) {
        return parse(file, InputFile.read(file, kind));
    }

    static CsvTable parse(Path file, String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "", "the file is empty; expected a header line of column names");
        }
        Row head = row(file, first + 1, lines[first], Integer.MAX_VALUE);
        if (head.problem() != null) {
            throw new ScenarioException(new SourceLocation(file, first + 1, 1), "header", head.problem());
        }
        List<String> header = new ArrayList<>(head.cells());
        // A spreadsheet's stray trailing commas give empty column names: not columns.
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        header = List.copyOf(header);
        List<Row> rows = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(row(file, i + 1, lines[i], header.size()));
            }
        }
        return new CsvTable(file, header, rows);
    }

    public Path file() {
        return file;
    }

    /** The column names as written (trimmed). */
    public List<String> header() {
        return header;
    }

    /** Index of the column named {@code name}, ignoring case, or -1. */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The data rows in file order, including those with a {@link Row#problem()}. */
    public List<Row> rows() {
        return rows;
    }

    private static Row row(Path file, long number, String line, int width) {
        List<String> cells = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(line)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    cells.add(parser.getText().trim());
                    columns.add(Math.max(1, Math.min(line.length(), parser.currentTokenLocation().getColumnNr())));
                }
            }
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split("\n")[0];
            return new Row(number, List.of(), new int[0], why.toLowerCase(Locale.ROOT).contains("quote")
                    ? "a quote is opened and not closed on this line" : "not readable as CSV: " + why);
        } catch (IOException e) {
            return new Row(number, List.of(), new int[0], "not readable as CSV: " + e.getMessage());
        }
        // Trailing empty cells (a spreadsheet's stray commas) are not extra data.
        while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
            columns.remove(columns.size() - 1);
        }
        if (cells.size() > width) {
            return new Row(number, List.copyOf(cells), columns.stream().mapToInt(Integer::intValue).toArray(),
                    "expected at most " + width + " cells as in the header, found " + cells.size());
        }
        while (width != Integer.MAX_VALUE && cells.size() < width) {
            cells.add("");
            columns.add(line.length() + 1);
        }
        return new Row(number, List.copyOf(cells), columns.stream().mapToInt(Integer::intValue).toArray(), null);
    }
}
