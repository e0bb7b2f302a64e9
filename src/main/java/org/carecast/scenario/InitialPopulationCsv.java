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
 * the scenario's means. Two columns are optional: {@code weekly_cost}, what the child's current
 * placement costs in pounds a week (a finance commitment: used until that placement ends,
 * uplifted each April as the type's price; empty for the type's price), and {@code uasc}
 * ({@code true}/{@code false}, or 1/0; empty is false) for unaccompanied asylum-seeking children.
 * A bad row is an error located at its line and cell: unlike an SSDA903
 * return, this file is the scenario's own data, and a child silently left out would change the
 * numbers.
 */
final class InitialPopulationCsv {

    static final List<String> HEADER = List.of("placement_type", "need", "age_years", "days_in_care", "days_in_placement");
    /** Columns a file may add: a child's own price, and whether it is an unaccompanied asylum seeker. */
    static final List<String> OPTIONAL = List.of("weekly_cost", "uasc");
    /** The dearest placement carecast takes as a child's own price, pounds a week (secure welfare is up to 32,000). */
    static final double MAX_WEEKLY_COST = 100_000;

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
        int costAt = table.column(OPTIONAL.get(0));
        int uascAt = table.column(OPTIONAL.get(1));
        if (table.header().size() != HEADER.size() + (costAt >= 0 ? 1 : 0) + (uascAt >= 0 ? 1 : 0)) {
            throw new ScenarioException(new SourceLocation(csv, 1, 1), "header", "expected the header "
                    + String.join(",", HEADER) + " (and optionally " + String.join(", ", OPTIONAL) + "), found "
                    + String.join(",", table.header()));
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
            double weekly = Double.NaN;
            if (costAt >= 0 && !row.cell(costAt).isEmpty()) {
                String value = row.cell(costAt);
                if (!value.matches("\\d+(\\.\\d*)?|\\.\\d+") || Double.parseDouble(value) > MAX_WEEKLY_COST) {
                    throw new ScenarioException(new SourceLocation(csv, (int) row.line(), row.column(costAt)), OPTIONAL.get(0),
                            "expected the placement's cost in pounds a week, 0 to 100,000, or empty for the type's price,"
                                    + " found '" + value + "'");
                }
                weekly = Double.parseDouble(value);
            }
            boolean uasc = false;
            if (uascAt >= 0) {
                String value = row.cell(uascAt).toLowerCase(java.util.Locale.ROOT);
                if (!List.of("", "true", "false", "1", "0").contains(value)) {
                    throw new ScenarioException(new SourceLocation(csv, (int) row.line(), row.column(uascAt)), OPTIONAL.get(1),
                            "expected true or false (or 1 or 0, or empty for false), found '" + row.cell(uascAt) + "'");
                }
                uasc = value.equals("true") || value.equals("1");
            }
            children.add(new InitialChild(type, need, age, care, placement, uasc, weekly));
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
