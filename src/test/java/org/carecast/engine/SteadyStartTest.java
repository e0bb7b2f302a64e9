package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.model.SteadyState;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start drawn from the steady state stays there: when the children at the start number what
 * the flows sustain in each age band, and their ages within the band and times in care so far
 * come from the steady state (no meanYearsInCare), the expected number in care is the same at
 * every month. Exits depend on age and time in care here as in the shipped baseline, so this
 * checks the steady-state calculation, the stock profile and the engine's exit clocks together.
 * The control gives every child a short time in care instead, as a naive start would: children
 * then leave faster than they arrive and the count falls well outside the same tolerance.
 */
class SteadyStartTest {

    private static final int REPLICATIONS = 200;
    private static final int[] MONTHS = {12, 24, 36, 48};

    @ParameterizedTest(name = "newbornShare {0}")
    @ValueSource(doubles = {0, 0.5})
    void aSteadyStartStaysLevelAndANaiveStartDoesNot(double newbornShare) {
        Model probe = Scenarios.compile(scenario("", new long[5], newbornShare));
        double[] byBand = SteadyState.of(probe).childrenByBand();
        long[] counts = new long[byBand.length];
        long total = 0;
        for (int b = 0; b < byBand.length; b++) {
            counts[b] = Math.round(byBand[b]);
            total += counts[b];
        }
        // The count in care is close to Poisson; the mean of n replications has standard error
        // about sqrt(total / n). Four of them, plus one for rounding each band to whole children.
        double tolerance = 4 * Math.sqrt(total / (double) REPLICATIONS) + 2.5;

        double[] steady = meanInCare(Scenarios.compile(scenario("", counts, newbornShare)));
        for (int i = 0; i < MONTHS.length; i++) {
            assertTrue(Math.abs(steady[i] - total) < tolerance, String.format(Locale.ROOT,
                    "month %d: mean %.1f in care against %d at the start (tolerance %.1f)", MONTHS[i], steady[i], total, tolerance));
        }
        double[] naive = meanInCare(Scenarios.compile(scenario("  meanYearsInCare: 0.25\n", counts, newbornShare)));
        System.out.printf(Locale.ROOT, "SteadyStartTest (newbornShare %s): %d at the start; mean in care at months 12, 24, 36, 48: steady start %s, "
                + "naive start %s (tolerance %.1f)%n", newbornShare, total, Arrays.toString(round(steady)), Arrays.toString(round(naive)), tolerance);
        assertTrue(total - naive[1] > 3 * tolerance, String.format(Locale.ROOT,
                "a start with three months in care each should fall: %.1f at month 24 against %d", naive[1], total));
    }

    private static double[] round(double[] x) {
        return Arrays.stream(x).map(v -> Math.round(v * 10) / 10.0).toArray();
    }

    private static double[] meanInCare(Model model) {
        Replication replication = new Replication(model);
        double[] mean = new double[MONTHS.length];
        for (int r = 0; r < REPLICATIONS; r++) {
            ReplicationResult result = replication.run(11, r);
            for (int i = 0; i < MONTHS.length; i++) {
                mean[i] += result.childrenInCare(MONTHS[i]) / (double) REPLICATIONS;
            }
        }
        return mean;
    }

    /** Baseline-like flows and exit hazard, one unlimited placement type, the given counts by band. */
    private static String scenario(String meanYearsInCare, long[] counts, double newbornShare) {
        return String.format(Locale.ROOT, """
                name: steady start
                start: 2025-04-01
                horizon: 48
                replications: %d
                seed: 11
                ageBands: [0, 1, 5, 10, 16]
                needLevels:
                  - {id: standard, entryShare: 1}
                placementTypes:
                  - {id: foster, category: council_foster, provider: council, location: in_borough,
                     weeklyCost: 500, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                initialPopulation:
                %s  meanYearsInPlacement: 1
                  groups:
                    - type: foster
                      need: standard
                      byAgeBand: {"0": %d, "1-4": %d, "5-9": %d, "10-15": %d, "16-17": %d}
                entries:
                  monthlyRate: 20
                  ageShares: {"0": 0.15, "1-4": 0.15, "5-9": 0.15, "10-15": 0.26, "16-17": 0.29}
                  newbornShare: %s
                matching:
                  - order: [foster]
                exits:
                  ratePerYear: {"0": 0.55, "1-4": 0.45, "5-9": 0.3, "10-15": 0.12, "16-17": 0.17}
                  timeInCare:
                    - {fromYears: 0, multiplier: 1.5}
                    - {fromYears: 1, multiplier: 1.0}
                    - {fromYears: 3, multiplier: 0.6}
                  reasons:
                    "0": {return_home: 1}
                    "1-4": {return_home: 1}
                    "5-9": {return_home: 1}
                    "10-15": {return_home: 1}
                    "16-17": {return_home: 1}
                """, REPLICATIONS, meanYearsInCare, counts[0], counts[1], counts[2], counts[3], counts[4], newbornShare);
    }
}
