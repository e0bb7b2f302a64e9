package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.results.Comparison.Metric;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paired comparisons: exact zeros for no-op changes, variance reduction, and the effect of new places. */
class ComparisonTest {

    static final String BASE = Scenarios.queue("20", 0.5, 60, 48)
            .replace("breakdownRatePerYear: 0}\n  - {id: market", "breakdownRatePerYear: 0.6, turnover: {placesGainedPerYear: 4, shareLostPerYear: 0.2}}\n  - {id: market")
            .replace("weeklyCost: 1400, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}",
                    "weeklyCost: 1400, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0.3}");

    static String withInterventions(String base, String interventions) {
        return base + "interventions:\n" + interventions;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "  - {id: none, kind: demand_change, start: 2025-06-01, factor: 1}\n",
        "  - {id: none, kind: new_home, like: council, start: 2025-06-01, places: 0, fixedAnnualCost: 0}\n",
        "  - {id: none, kind: mockingbird, fosterType: council, start: 2025-06-01, hubs: 0, satelliteHouseholds: 8,"
                + " childrenPerHousehold: 1, annualCostPerHub: 0, breakdownMultiplier: 0.5}\n",
        "  - {id: none, kind: foster_recruitment, fosterType: council, start: 2025-06-01, extraPlacesPerYear: 0}\n",
        "  - {id: none, kind: local_commissioning, before: market, category: independent_fostering,"
                + " start: 2025-06-01, places: 0, weeklyPrice: 900}\n",
        "  - {id: none, kind: step_forward, like: council, from: [market], start: 2025-06-01, places: 0,"
                + " extraWeeklyCost: 100, minimumStayDays: 30, probability: 1}\n",
    })
    void anInterventionWithNoEffectChangesNothingInAnyReplication(String intervention) {
        Model base = Scenarios.compile(BASE);
        Model same = Scenarios.compile(withInterventions(BASE, intervention));
        Comparison comparison = new Comparison(List.of(base, same), 40);
        Simulator.runPaired(List.of(base, same), 40, 3, 2, comparison, null);
        for (Metric metric : Metric.values()) {
            if (metric == Metric.PAYBACK_MONTHS) {
                continue;
            }
            for (String period : comparison.periods()) {
                if (metric == Metric.CUMULATIVE_SAVING && period.equals("all")) {
                    continue;  // years only: over the horizon it is the saving itself
                }
                QuantileSketch d = comparison.distribution(0, metric, period);
                assertEquals(0.0, d.min(), 0.0, metric + " " + period);
                assertEquals(0.0, d.max(), 0.0, metric + " " + period);
            }
        }
    }

    /**
     * Common random numbers make the difference between two scenarios far less noisy than
     * comparing independent runs: measured here for a recruitment drive.
     */
    @Test
    void commonRandomNumbersShrinkTheVarianceOfTheDifference() {
        Model base = Scenarios.compile(BASE);
        Model drive = Scenarios.compile(withInterventions(BASE,
                "  - {id: drive, kind: foster_recruitment, fosterType: council, start: 2025-06-01, extraPlacesPerYear: 4,"
                        + " lossMultiplier: 0.8, annualCost: 20000}\n"));
        int n = 200;
        Comparison paired = new Comparison(List.of(base, drive), n);
        Simulator.runPaired(List.of(base, drive), n, 5, 2, paired, null);
        double crnVariance = paired.distribution(0, Metric.SAVING, "all").variance();

        double[] baseSpend = new double[n];
        double[] driveSpend = new double[n];
        Simulator.run(base, n, 5, 2, (i, r) -> baseSpend[i] = total(r), null);
        Simulator.run(drive, n, 6, 2, (i, r) -> driveSpend[i] = total(r), null);
        double[] independent = new double[n];
        for (int i = 0; i < n; i++) {
            independent[i] = baseSpend[i] - driveSpend[i];
        }
        double ratio = crnVariance / variance(independent);
        // Reported so the README's figure can be reproduced: mvn -B test -Dtest=ComparisonTest
        System.out.printf("variance of the paired saving, CRN / independent streams: %.3f%n", ratio);
        assertTrue(ratio < 0.2, "variance with CRN / independent = " + ratio);
    }

    /**
     * A new home of N places, in a system where the council type is always full and the
     * market takes the rest, moves N children from the market in steady state: children's
     * stays do not depend on where they live here, so the total is unchanged.
     */
    @Test
    void aNewHomeOfNPlacesTakesAboutNChildrenFromTheMarket() {
        String base = Scenarios.queue("10", 1.0, 90, 36);  // offered load 90 >> 10 + N places
        int places = 6;
        Model before = Scenarios.compile(base);
        Model after = Scenarios.compile(withInterventions(base,
                "  - {id: home, kind: new_home, like: council, start: 2025-04-01, places: " + places
                        + ", fixedAnnualCost: 300000}\n"));
        int n = 60;
        Comparison comparison = new Comparison(List.of(before, after), n);
        Simulator.runPaired(List.of(before, after), n, 9, 2, comparison, null);
        double mean = comparison.distribution(0, Metric.EXTERNAL_AVOIDED, "2027/28").mean();
        assertEquals(places, mean, 0.25, "external placements avoided in the last year");
    }

    private static double total(ReplicationResult r) {
        double total = 0;
        for (int m = 0; m < r.months; m++) {
            total += r.totalSpend(m);
        }
        return total;
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
