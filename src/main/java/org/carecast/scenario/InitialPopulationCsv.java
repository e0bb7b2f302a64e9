package org.carecast.scenario;

import org.carecast.scenario.Scenario.InitialChild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads individual children in care at the start from a CSV with the header
 * {@code placement_type,need,age_years,days_in_care,days_in_placement}. The two day columns may
 * be left empty to draw them from the scenario's means. Values are plain (no quoting needed:
 * identifiers and numbers only).
 */
final class InitialPopulationCsv {

    static final List<String> HEADER = List.of("placement_type", "need", "age_years", "days_in_care", "days_in_placement");

    private InitialPopulationCsv() {
    }

    static List<InitialChild> read(Path csv, Collection<String> types, Collection<String> needs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new SourceLocation(csv, 1, 1), "", "file not found");
        } catch (IOException e) {
            throw new ScenarioException(new SourceLocation(csv, 1, 1), "", "cannot read file: " + e.getMessage());
        }
        if (lines.isEmpty() || !List.of(lines.get(0).trim().split(",", -1)).equals(HEADER)) {
            throw new ScenarioException(new SourceLocation(csv, 1, 1), "header", "expected the header " + String.join(",", HEADER));
        }
        List<InitialChild> children = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int row = i + 1;
            if (cells.length != HEADER.size()) {
                throw new ScenarioException(new SourceLocation(csv, row, 1), "",
                        "expected " + HEADER.size() + " columns, found " + cells.length);
            }
            String type = identifier(csv, row, line, 0, cells, types);
            String need = identifier(csv, row, line, 1, cells, needs);
            double age = number(csv, row, line, 2, cells, false, 18);
            double care = number(csv, row, line, 3, cells, true, 18 * 366);
            double placement = number(csv, row, line, 4, cells, true, 18 * 366);
            if (care > age * 365.25 + 1) {
                throw new ScenarioException(new SourceLocation(csv, row, column(line, 3)), HEADER.get(3),
                        "days in care exceed the child's age");
            }
            if (placement > care) {
                throw new ScenarioException(new SourceLocation(csv, row, column(line, 4)), HEADER.get(4),
                        "days in placement exceed days in care");
            }
            children.add(new InitialChild(type, need, age, care, placement));
        }
        return children;
    }

    private static String identifier(Path csv, int row, String line, int col, String[] cells, Collection<String> allowed) {
        String value = cells[col].trim();
        if (!allowed.contains(value)) {
            String hint = Suggestions.closest(value, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(new SourceLocation(csv, row, column(line, col)), HEADER.get(col),
                    "unknown value '" + value + "', expected one of " + allowed + hint);
        }
        return value;
    }

    private static double number(Path csv, int row, String line, int col, String[] cells, boolean optional, double max) {
        String value = cells[col].trim();
        if (value.isEmpty() && optional) {
            return Double.NaN;
        }
        try {
            double x = Double.parseDouble(value);
            if (x >= 0 && x < max) {
                return x;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the column
        }
        throw new ScenarioException(new SourceLocation(csv, row, column(line, col)), HEADER.get(col),
                "expected a number from 0 to below " + (int) max + (optional ? " (or empty)" : "") + ", found '" + value + "'");
    }

    /** 1-based column at which cell {@code col} starts. */
    private static int column(String line, int col) {
        int at = 0;
        for (int c = 0; c < col; c++) {
            at = line.indexOf(',', at) + 1;
        }
        return at + 1;
    }
}
