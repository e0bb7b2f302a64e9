package org.carecast.results;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.scenario.ScenarioException;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Budgets, income and pressure: exact identities that must hold in every replication, checked
 * on a queue whose market placements cost 1,400 a week with no inflation and no fixed costs.
 */
class FinanceTest {

    /** Budgets on two lines and every kind of income line (also read by {@link SeriesFillTest}). */
    static final String FINANCE = """
            finance:
              budgetGrowthPerYear: 0.10
              budgetLines:
                - {id: own, types: [council], byYear: {"2025/26": 1000000}}
                - {id: bought, types: [market], byYear: {"2025/26": 2000000, "2027/28": 500000}}
              income:
                - {id: grant, kind: per_child_week, weeklyAmount: 700, share: 0.5, types: [market]}
                - {id: health, kind: share_of_spend, share: 0.25, types: [market], budgetByYear: {"2025/26": 100000}}
                - {id: fixed, kind: annual, annualAmount: 365000, annualInflation: 0.2}
            """;

    private static Projection run(String yaml, int replications) {
        Model model = Scenarios.compile(yaml);
        Aggregator aggregator = new Aggregator(model, replications);
        Simulator.run(model, replications, 3, 2, aggregator, null);
        return aggregator.projection();
    }

    private static Summary yearly(Projection p, OutputMetric metric, String group, String year) {
        return p.find(Table.YEARLY, metric, group, year).orElseThrow().summary();
    }

    @Test
    void budgetsIncomeAndPressureAddUp() {
        Projection p = run(Scenarios.queue("5", 0.1, 200, 36) + FINANCE, 30);
        // Budgets: the stated year, then uplifted 10% a year from the last stated one.
        assertEquals(1_000_000 + 2_000_000 - 100_000, yearly(p, OutputMetric.BUDGET, "all", "2025/26").p50(), 1e-6);
        assertEquals((1_000_000 + 2_000_000 - 100_000) * 1.0, yearly(p, OutputMetric.BUDGET, "all", "2025/26").p5(), 1e-6);
        assertEquals(1_100_000, yearly(p, OutputMetric.BUDGET, "own", "2026/27").p50(), 1e-6);
        assertEquals(500_000, yearly(p, OutputMetric.BUDGET, "bought", "2027/28").p50(), 1e-6);
        assertEquals(2_200_000, yearly(p, OutputMetric.BUDGET, "bought", "2026/27").p50(), 1e-6);
        // A grant of 700 a week for half the market children is a quarter of market spend at
        // 1,400 a week, exactly, in every replication; as is the health share.
        for (String year : new String[] {"2025/26", "2026/27", "2027/28"}) {
            Summary spend = yearly(p, OutputMetric.SPEND, "market", year);
            assertEquals(spend.mean() * 0.25, yearly(p, OutputMetric.INCOME, "grant", year).mean(), 1e-6 * spend.mean());
            assertEquals(spend.mean() * 0.25, yearly(p, OutputMetric.INCOME, "health", year).mean(), 1e-6 * spend.mean());
        }
        assertEquals(365_000, yearly(p, OutputMetric.INCOME, "fixed", "2025/26").p50(), 1e-6);
        assertEquals(365_000 * 1.2, yearly(p, OutputMetric.INCOME, "fixed", "2026/27").p50(), 1e-6);
        // Means add: pressure = spend - income - budget, and the lines' pressures sum to it.
        for (String year : new String[] {"2025/26", "2026/27", "2027/28"}) {
            double spend = yearly(p, OutputMetric.SPEND, "all", year).mean();
            double income = yearly(p, OutputMetric.INCOME, "all", year).mean();
            double budget = yearly(p, OutputMetric.BUDGET, "all", year).mean();
            assertEquals(spend - income, yearly(p, OutputMetric.NET_COST, "all", year).mean(), 1e-6 * spend);
            assertEquals(spend - income - budget, yearly(p, OutputMetric.PRESSURE, "all", year).mean(), 1e-6 * spend);
            double lines = 0;
            for (String line : new String[] {"own", "bought", "unbudgeted", "grant", "health", "fixed"}) {
                lines += yearly(p, OutputMetric.PRESSURE, line, year).mean();
            }
            assertEquals(yearly(p, OutputMetric.PRESSURE, "all", year).mean(), lines, 1e-6 * spend);
        }
        // The year-to-date pressure at March is the year's pressure.
        assertEquals(yearly(p, OutputMetric.PRESSURE, "all", "2025/26").mean(),
                p.find(Table.MONTHLY, OutputMetric.PRESSURE_YEAR_TO_DATE, "all", "2026-03").orElseThrow().summary().mean(), 1e-3);
    }

    @Test
    void aBudgetMustStartByTheFirstYearAndCoverEachTypeOnce() {
        String late = Scenarios.queue("5", 0.1, 200, 36) + FINANCE.replace("\"2025/26\": 1000000", "\"2026/27\": 1000000");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.compile(late));
        assertTrue(e.getMessage().contains("expected a budget for 2025/26"), e.getMessage());
        assertEquals("finance.budgetLines[0].byYear", e.field());

        String twice = Scenarios.queue("5", 0.1, 200, 36) + FINANCE.replace("types: [council]", "types: [market]");
        e = assertThrows(ScenarioException.class, () -> Scenarios.compile(twice));
        assertTrue(e.getMessage().contains("already in budget line 'own'"), e.getMessage());

        String badYear = Scenarios.queue("5", 0.1, 200, 36) + FINANCE.replace("\"2027/28\"", "\"2027/29\"");
        e = assertThrows(ScenarioException.class, () -> Scenarios.compile(badYear));
        assertTrue(e.getMessage().contains("financial year written like 2025/26, found '2027/29'"), e.getMessage());
        assertTrue(e.location().line() > 20, e.getMessage());
    }
}
