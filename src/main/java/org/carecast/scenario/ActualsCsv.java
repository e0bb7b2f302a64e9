package org.carecast.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario's actuals: what happened before the start, one row per month and placement
 * type (or "all"), with the columns {@code month,placement_type,children,spend}: the month as
 * {@code YYYY-MM}, the children in care on its first day, and the pounds spent in it (either
 * may be empty, not both). Months must come before the scenario's start; a month and type may
 * appear once. Every problem is an error at its line and cell, as for the scenario's own files.
 */
final class ActualsCsv {

    static final List<String> HEADER = List.of("month", "placement_type", "children", "spend");

    private ActualsCsv() {
    }

    static Scenario.Actuals read(Path csv, Collection<String> types, LocalDate start) {
        CsvTable table = CsvTable.read(csv, InputFile.Kind.DATA);
        int[] at = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            at[c] = table.column(HEADER.get(c));
        }
        if (table.header().size() != HEADER.size() || java.util.Arrays.stream(at).anyMatch(i -> i < 0)) {
            throw new ScenarioException(new SourceLocation(csv, 1, 1), "header", "expected the header "
                    + String.join(",", HEADER) + ", found " + String.join(",", table.header()));
        }
        YearMonth first = YearMonth.from(start);
        List<Scenario.ActualMonth> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.problem() != null) {
                throw new ScenarioException(new SourceLocation(csv, (int) row.line(), 1), "", row.problem());
            }
            YearMonth month;
            try {
                month = YearMonth.parse(row.cell(at[0]));
            } catch (DateTimeParseException e) {
                throw error(csv, row, at, 0, "expected a month written YYYY-MM, found '" + row.cell(at[0]) + "'");
            }
            if (!month.isBefore(first)) {
                throw error(csv, row, at, 0, "expected a month before the scenario's start (" + first
                        + "): actuals are what happened before the forecast, found " + month);
            }
            if (month.isBefore(first.minusYears(20))) {
                throw error(csv, row, at, 0, "expected a month within 20 years before the start, found " + month);
            }
            String type = row.cell(at[1]);
            if (!type.equals("all") && !types.contains(type)) {
                String hint = Suggestions.closest(type, types).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw error(csv, row, at, 1, "unknown placement type '" + type + "', expected 'all' or one of " + types + hint);
            }
            if (!seen.add(month + "/" + type)) {
                throw error(csv, row, at, 1, "a second row for " + month + " and " + type + "; each month and type appears once");
            }
            String children = row.cell(at[2]);
            String spend = row.cell(at[3]);
            if (children.isEmpty() && spend.isEmpty()) {
                throw error(csv, row, at, 2, "expected children, spend or both, found neither");
            }
            int count = -1;
            if (!children.isEmpty()) {
                if (!children.matches("\\d{1,7}")) {
                    throw error(csv, row, at, 2, "expected a whole number of children, 0 or more, or empty, found '" + children + "'");
                }
                count = Integer.parseInt(children);
            }
            double pounds = Double.NaN;
            if (!spend.isEmpty()) {
                if (!spend.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)") || Math.abs(Double.parseDouble(spend)) > 1e11) {
                    throw error(csv, row, at, 3, "expected the pounds spent in the month (a refund may be negative), or empty,"
                            + " found '" + spend + "'");
                }
                pounds = Double.parseDouble(spend);
            }
            out.add(new Scenario.ActualMonth(month, type, count, pounds));
        }
        return new Scenario.Actuals(csv, out);
    }

    private static ScenarioException error(Path csv, CsvTable.Row row, int[] at, int col, String problem) {
        return new ScenarioException(new SourceLocation(csv, (int) row.line(), row.column(at[col])), HEADER.get(col), problem);
    }
}
