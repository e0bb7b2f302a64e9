package org.carecast.scenario;

import org.carecast.scenario.Scenario.InitialChild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads individual children in care at the start from a CSV with the columns
 * {@code placement_type,need,age_years,days_in_care,days_in_placement} (in any order, any case,
 * as {@link CsvTable} reads every CSV). The two day columns may be left empty to draw them from
 * the scenario's means. A bad row is an error located at its line and cell: unlike an SSDA903
 * return, this file is the scenario's own data, and a child silently left out would change the
 * numbers.
 */
final class InitialPopulationCsv {

    static final List<String> HEADER = List.of("placement_type", "need", "age_years", "days_in_care", "days_in_placement");

    private InitialPopulationCsv() {
    }

    static List<InitialChild> read(Path csv, Collection<String> types, Collection<String> needs) {
        CsvTable table = CsvTable.read(csv, InputFile.Kind.DATA);
        int[] at = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            at[c] = table.column(HEADER.get(c));
            if (at[c] < 0) {
                throw new ScenarioException(new SourceLocation(csv, 1, 1), "header", "missing column '" + HEADER.get(c)
                        + "'; expected the header " + String.join(",", HEADER) + ", found " + String.join(",", table.header()));
            }
        }
        if (table.header().size() != HEADER.size()) {
            throw new ScenarioException(new SourceLocation(csv, 1, 1), "header", "expected the header "
                    + String.join(",", HEADER) + ", found " + String.join(",", table.header()));
        }
        List<InitialChild> children = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.problem() != null) {
                throw new ScenarioException(new SourceLocation(csv, (int) row.line(), 1), "", row.problem());
            }
            String type = identifier(csv, row, at, 0, types);
            String need = identifier(csv, row, at, 1, needs);
            double age = number(csv, row, at, 2, false, 18);
            double care = number(csv, row, at, 3, true, 18 * 366);
            double placement = number(csv, row, at, 4, true, 18 * 366);
            if (care > age * org.carecast.model.TimeGrid.DAYS_PER_YEAR + 1) {
                throw new ScenarioException(location(csv, row, at, 3), HEADER.get(3), "days in care exceed the child's age");
            }
            if (placement > care) {
                throw new ScenarioException(location(csv, row, at, 4), HEADER.get(4), "days in placement exceed days in care");
            }
            children.add(new InitialChild(type, need, age, care, placement));
        }
        return children;
    }

    private static SourceLocation location(Path csv, CsvTable.Row row, int[] at, int col) {
        return new SourceLocation(csv, (int) row.line(), row.column(at[col]));
    }

    private static String identifier(Path csv, CsvTable.Row row, int[] at, int col, Collection<String> allowed) {
        String value = row.cell(at[col]);
        if (!allowed.contains(value)) {
            String hint = Suggestions.closest(value, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(location(csv, row, at, col), HEADER.get(col),
                    "unknown value '" + value + "', expected one of " + allowed + hint);
        }
        return value;
    }

    private static double number(Path csv, CsvTable.Row row, int[] at, int col, boolean optional, double max) {
        String value = row.cell(at[col]);
        if (value.isEmpty() && optional) {
            return Double.NaN;
        }
        if (value.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            double x = Double.parseDouble(value);
            if (x >= 0 && x < max) {
                return x;
            }
        }
        throw new ScenarioException(location(csv, row, at, col), HEADER.get(col),
                "expected a number from 0 to below " + (int) max + (optional ? " (or empty)" : "") + ", found '" + value + "'");
    }
}
