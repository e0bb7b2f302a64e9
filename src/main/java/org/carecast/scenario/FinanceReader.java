package org.carecast.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario's {@code finance} section (budget lines by financial year, their growth, and
 * the income lines) with the located errors of every other section: a type in two lines, a
 * year written 2027/29, no budget for the first year of the horizon.
 */
final class FinanceReader {

    /** A financial year's label, such as 2025/26 (compiled once: budgets are read for every draw of a ranged scenario). */
    private static final java.util.regex.Pattern FINANCIAL_YEAR = java.util.regex.Pattern.compile("\\d{4}/\\d{2}");

    private final LocalDate start;
    private final Set<String> typeIds;

    /** @param start the scenario's start; @param typeIds the placement type ids a line may name */
    FinanceReader(LocalDate start, Set<String> typeIds) {
        this.start = start;
        this.typeIds = typeIds;
    }

    Scenario.Finance read(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the finance section (budget lines and income)");
        boolean placeholders = f.has("placeholderBudgets")
                && FieldReader.choice(f.optional("placeholderBudgets"), List.of("true", "false")).equals("true");
        double growth = f.optionalNumber("budgetGrowthPerYear", 0, -0.5, 1,
                "a yearly budget uplift as a fraction, e.g. 0.03");
        List<Scenario.BudgetLine> lines = new ArrayList<>();
        // Budget and income lines share one namespace: both are rows of the pressure table.
        Set<String> ids = new HashSet<>(Set.of("all", "unbudgeted"));
        YamlNode linesNode = f.optional("budgetLines");
        if (linesNode != null) {
            Map<String, String> lineOfType = new HashMap<>();
            for (YamlNode item : FieldReader.asSequence(linesNode, "a list of budget lines").items()) {
                FieldReader b = FieldReader.of(item, "a budget line");
                String id = uniqueId(b, ids);
                String label = b.optionalString("label", id);
                List<String> covered = new ArrayList<>();
                YamlNode typesNode = b.required("types", "a list of placement types the line pays for");
                for (YamlNode t : FieldReader.asSequence(typesNode, "a list of placement types").items()) {
                    String type = FieldReader.choice(t, typeIds);
                    String other = lineOfType.put(type, id);
                    if (other != null) {
                        throw new ScenarioException(t.location(), t.path(),
                                "placement type '" + type + "' is already in budget line '" + other
                                        + "'; each type's spend belongs to one line");
                    }
                    covered.add(type);
                }
                Map<String, Double> byYear = readBudgetYears(b.required("byYear",
                        "budgets by financial year, e.g. {\"2025/26\": 12000000}"));
                b.finish();
                lines.add(new Scenario.BudgetLine(id, label, covered, byYear));
            }
        }
        List<Scenario.IncomeLine> income = new ArrayList<>();
        YamlNode incomeNode = f.optional("income");
        if (incomeNode != null) {
            for (YamlNode item : FieldReader.asSequence(incomeNode, "a list of income lines").items()) {
                income.add(readIncome(FieldReader.of(item, "an income line"), ids));
            }
        }
        f.finish();
        return new Scenario.Finance(growth, lines, income, placeholders);
    }

    private Map<String, Double> readBudgetYears(YamlNode node) {
        FieldReader years = FieldReader.of(node, "budgets by financial year");
        String first = org.carecast.model.TimeGrid.financialYearOf(start);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : years.mapping().entries().entrySet()) {
            String year = e.getKey();
            // A label is valid when it is the one TimeGrid gives the April that starts it.
            boolean valid = FINANCIAL_YEAR.matcher(year).matches() && year.equals(
                    org.carecast.model.TimeGrid.financialYearOf(LocalDate.of(Integer.parseInt(year.substring(0, 4)), 4, 1)));
            if (!valid) {
                throw new ScenarioException(years.mapping().keyLocations().get(year), e.getValue().path(),
                        "expected a financial year written like 2025/26, found '" + year + "'");
            }
            out.put(year, FieldReader.number(years.optional(year), 0, 1e12, "a budget in pounds, 0 or more"));
        }
        if (out.keySet().stream().noneMatch(y -> y.compareTo(first) <= 0)) {
            throw new ScenarioException(node.location(), node.path(),
                    "expected a budget for " + first + " (the first financial year of the horizon) or earlier;"
                            + " later years are uplifted from the last one given, found only " + out.keySet());
        }
        years.finish();
        return out;
    }

    private Scenario.IncomeLine readIncome(FieldReader f, Set<String> ids) {
        String id = uniqueId(f, ids);
        String label = f.optionalString("label", id);
        Map<String, Scenario.IncomeKind> kinds = new LinkedHashMap<>();
        for (Scenario.IncomeKind k : Scenario.IncomeKind.values()) {
            kinds.put(k.id(), k);
        }
        Scenario.IncomeKind kind = kinds.get(f.choice("kind", kinds.keySet()));
        double amount = 0;
        double share = 1;
        List<String> types = new ArrayList<>();
        switch (kind) {
            case PER_CHILD_WEEK -> {
                amount = f.number("weeklyAmount", 0, 1e7, "pounds a week per child");
                share = f.optionalNumber("share", 1, 0, 1, "the share of children it is paid for, from 0 to 1");
            }
            case SHARE_OF_SPEND -> share = f.number("share", 0, 1, "the share of spend it covers, from 0 to 1");
            case ANNUAL -> amount = f.number("annualAmount", 0, 1e12, "pounds a year");
            case PER_UASC_CHILD_NIGHT -> amount = f.number("nightlyAmount", 0, 1e5, "pounds a night per UASC child");
        }
        if (kind != Scenario.IncomeKind.ANNUAL && kind != Scenario.IncomeKind.PER_UASC_CHILD_NIGHT && f.has("types")) {
            for (YamlNode t : FieldReader.asSequence(f.optional("types"), "a list of placement types").items()) {
                types.add(FieldReader.choice(t, typeIds));
            }
        }
        double inflation = kind == Scenario.IncomeKind.SHARE_OF_SPEND ? 0
                : f.optionalNumber("annualInflation", 0, -0.5, 1, "a yearly uplift as a fraction, e.g. 0.02");
        Map<String, Double> budget = f.has("budgetByYear") ? readBudgetYears(f.optional("budgetByYear")) : Map.of();
        f.finish();
        return new Scenario.IncomeLine(id, label, kind, amount, share, types, inflation, budget);
    }

    private static String uniqueId(FieldReader f, Set<String> ids) {
        YamlNode node = f.required("id", "an identifier");
        String id = FieldReader.text(node, "an identifier");
        if (!ids.add(id)) {
            throw new ScenarioException(node.location(), node.path(), "duplicate id '" + id
                    + "' (budget and income lines need distinct ids, and 'all' and 'unbudgeted' are reserved)");
        }
        return id;
    }
}
