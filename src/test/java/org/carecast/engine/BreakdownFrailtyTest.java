package org.carecast.engine;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.carecast.model.Frailty;
import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breakdown proneness that varies between children: each child's breakdown hazard is
 * multiplied by its own gamma draw of mean 1 and variance v. The share of children whose
 * first placement has not broken down by t is then the gamma's Laplace transform,
 * (1 + lambda v t)^(-1/v), not exp(-lambda t): fewer children move, some more often.
 */
class BreakdownFrailtyTest {

    @ParameterizedTest(name = "variance {0}")
    @ValueSource(doubles = {0.25, 1.0, 2.5})
    void keyedFrailtiesHaveMeanOneAndTheGivenVariance(double variance) {
        int n = 20_000;
        double[] x = new double[n];
        double mean = 0;
        Frailty frailty = Frailty.of(variance);
        for (int i = 0; i < n; i++) {
            x[i] = frailty.at(RandomStreams.uniform(RandomStreams.entityKey(RandomStreams.replicationKey(3, 0), i),
                    RandomStreams.FRAILTY, 0));
            mean += x[i] / n;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / (n - 1);
        }
        GammaDistribution truth = new GammaDistribution(1 / variance, variance);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(truth, x);
        System.out.printf(Locale.ROOT, "gamma frailty, variance %.2f: mean %.4f, variance %.4f, KS p-value %.3f%n", variance, mean, var, p);
        assertTrue(p > 0.001, "Kolmogorov-Smirnov p = " + p);
        assertEquals(1, mean, 4.5 * Math.sqrt(variance / n));
        for (double u : new double[] {1e-9, 0.001, 0.3, 0.5, 0.9, 0.99, 0.9997, 1 - 1e-9}) {
            // The table agrees with the exact quantile everywhere, tails included.
            double exact = truth.inverseCumulativeProbability(u);
            assertEquals(exact, frailty.at(u), 1e-3 * Math.max(1, exact), "quantile at " + u);
        }
    }

    @ParameterizedTest(name = "variance {0}")
    @ValueSource(doubles = {0, 1.0})
    void theShareNotYetBrokenDownFollowsTheGammaLaplaceTransform(double variance) {
        int children = 400;
        double perYear = 1.0;
        Model model = Scenarios.compile(firstBreakdownLeaves(children, perYear, variance));
        Replication replication = new Replication(model);
        int replications = 60;
        int[] months = {6, 12, 24};
        double[][] left = new double[months.length][replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult result = replication.run(21, r);
            for (int k = 0; k < months.length; k++) {
                left[k][r] = result.census[months[k] * 2];
            }
        }
        for (int k = 0; k < months.length; k++) {
            double years = model.time().monthStartDay()[months[k]] / 365.25;
            double share = variance == 0 ? Math.exp(-perYear * years) : Math.pow(1 + perYear * variance * years, -1 / variance);
            ErlangLossTest.assertWithin(left[k], children * share, 0,
                    String.format(Locale.ROOT, "children not yet broken down at month %d (variance %.1f)", months[k], variance));
        }
    }

    /** Children in an unlimited type whose first breakdown escalates them, for good, to another. */
    static String firstBreakdownLeaves(int children, double perYear, double variance) {
        return String.format(Locale.ROOT, """
                name: frailty
                start: 2025-04-01
                horizon: 24
                replications: 10
                seed: 7
                ageBands: [0, 1]
                needLevels:
                  - {id: settled, entryShare: 1, escalatesTo: moved, escalationProbability: 1}
                  - {id: moved, entryShare: 0}
                placementTypes:
                  - {id: first, category: council_foster, provider: council, location: in_borough,
                     weeklyCost: 500, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: %s}
                  - {id: next, category: independent_fostering, provider: external, location: in_borough,
                     weeklyCost: 900, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                breakdownFrailty: {variance: %s}
                initialPopulation:
                  meanYearsInCare: 0.5
                  meanYearsInPlacement: 0.5
                  groups:
                    - {type: first, need: settled, byAgeBand: {"0": %d}}
                entries:
                  monthlyRate: 0
                  ageShares: {"0": 1, "1-17": 0}
                matching:
                  - {needs: [settled], order: [first]}
                  - {needs: [moved], order: [next]}
                exits:
                  ratePerYear: {"0": 0, "1-17": 0}
                  reasons:
                    "0": {return_home: 1}
                    "1-17": {return_home: 1}
                """, perYear, variance, children);
    }
}
