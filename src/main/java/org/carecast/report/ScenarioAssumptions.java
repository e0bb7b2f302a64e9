package org.carecast.report;

import org.carecast.scenario.Overrides;
import org.carecast.scenario.ScenarioValues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's assumptions table: every value a scenario's files set, with the comment that
 * says where it comes from ({@link ScenarioValues}), and the values in words a reader takes in
 * (pounds as £1.10m, ranges as "6,600 (PERT 6,100 to 7,300)").
 */
public final class ScenarioAssumptions {

    private ScenarioAssumptions() {
    }

    /**
     * The values of the scenario at {@code scenario}, file by file (its own first), each marked
     * with whether it applies once {@code extends} and the {@code --set} values {@code settings}
     * (as given) are applied.
     */
    public static List<ScenarioValues.FileValues> of(Path scenario, List<String> settings) {
        return ScenarioValues.of(scenario, Overrides.parse(settings));
    }

    /**
     * One file's values as a report table (line, field, value, source), with a last column
     * saying whether each applies when {@code applies} (a scenario read from several files).
     */
    static List<List<String>> table(ScenarioValues.FileValues file, boolean applies) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(applies ? List.of("Line", "Field", "Value", "Source", "Applies") : List.of("Line", "Field", "Value", "Source"));
        for (ScenarioValues.Value v : file.values()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(v.line()), v.path(), inWords(v.path(), v.text()), v.source()));
            if (applies) {
                row.add(v.applies() ? "yes" : "no: set again in " + v.setAgainIn());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Fields whose numbers are pounds. */
    private static final java.util.regex.Pattern MONEY_FIELD =
            java.util.regex.Pattern.compile(".*(Cost|Amount|Price|CostPerHub|byYear|budgetByYear)$");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * A value as a reader takes it in: pounds as money ("1100000" as "£1.10m", "950" as "£950"),
     * budgets by year as "2025/26: £2.50m", a range as "6,600 (PERT 6,100 to 7,300)", large
     * counts with separators. Anything else as written.
     */
    public static String inWords(String field, String value) {
        boolean money = MONEY_FIELD.matcher(field).matches();
        String v = value.trim();
        if (NUMBER.matcher(v).matches()) {
            return number(Double.parseDouble(v), money);
        }
        if (v.startsWith("{") && v.endsWith("}")) {
            java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
            for (String part : v.substring(1, v.length() - 1).split(",")) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    return value;
                }
                parts.put(part.substring(0, colon).trim().replace("\"", ""), part.substring(colon + 1).trim());
            }
            if (parts.containsKey("central") && parts.containsKey("low") && parts.containsKey("high")
                    && NUMBER.matcher(parts.get("central")).matches() && NUMBER.matcher(parts.get("low")).matches()
                    && NUMBER.matcher(parts.get("high")).matches()) {
                String shape = parts.getOrDefault("distribution", "pert").toUpperCase(java.util.Locale.ROOT);
                return number(Double.parseDouble(parts.get("central")), money) + " (" + (shape.equals("PERT") ? "PERT" : shape.toLowerCase(java.util.Locale.ROOT))
                        + " " + number(Double.parseDouble(parts.get("low")), money) + " to "
                        + number(Double.parseDouble(parts.get("high")), money) + ")";
            }
            if (money && parts.keySet().stream().allMatch(k -> k.matches("\\d{4}/\\d{2}"))
                    && parts.values().stream().allMatch(x -> NUMBER.matcher(x).matches())) {
                List<String> years = new ArrayList<>();
                parts.forEach((year, amount) -> years.add(year + ": " + number(Double.parseDouble(amount), true)));
                return String.join("; ", years);
            }
        }
        return value;
    }

    private static String number(double x, boolean money) {
        if (money) {
            return Math.abs(x) >= 1e6 ? Format.millions(x) : (x < 0 ? "-£" : "£") + String.format(java.util.Locale.ROOT, "%,.0f", Math.abs(x));
        }
        if (Math.abs(x) >= 10_000 && x == Math.rint(x)) {
            return String.format(java.util.Locale.ROOT, "%,.0f", x);
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
