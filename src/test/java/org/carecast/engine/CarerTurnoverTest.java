package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Places gained as a Poisson process at rate g and each lost at hazard l form an
 * immigration-death process, whose number at time t is Poisson with mean
 * g/l + (c0 - g/l) e^(-l t) when started from c0 places (binomial survivors plus Poisson
 * newcomers); at any t its variance is g/l (1 - e^(-l t)) + c0 e^(-l t) (1 - e^(-l t)).
 * The test checks the simulated mean and variance of places at several months.
 */
class CarerTurnoverTest {

    @Test
    void placesFollowTheImmigrationDeathProcess() {
        double gain = 20;
        double loss = 0.5;
        int c0 = 10;
        String yaml = Scenarios.queue(Integer.toString(c0), 0.01, 30, 48).replace("breakdownRatePerYear: 0}\n  - {id: market",
                "breakdownRatePerYear: 0, turnover: {placesGainedPerYear: " + gain + ", shareLostPerYear: " + loss + "}}\n  - {id: market");
        Model model = Scenarios.compile(yaml);
        int n = 2000;
        int[] months = {6, 24, 48};
        double[][] places = new double[months.length][n];
        Replication replication = new Replication(model);
        for (int r = 0; r < n; r++) {
            ReplicationResult result = replication.run(1, r);
            for (int k = 0; k < months.length; k++) {
                places[k][r] = result.places[months[k] * result.types];
            }
        }
        for (int k = 0; k < months.length; k++) {
            double t = model.time().monthStartDay()[months[k]] / 365.25;
            double decay = Math.exp(-loss * t);
            double expectedMean = gain / loss + (c0 - gain / loss) * decay;
            double expectedVar = gain / loss * (1 - decay) + c0 * decay * (1 - decay);
            double mean = 0;
            for (double x : places[k]) {
                mean += x / n;
            }
            double var = 0;
            for (double x : places[k]) {
                var += (x - mean) * (x - mean) / (n - 1);
            }
            double seMean = Math.sqrt(expectedVar / n);
            // Variance of a sample variance of a near-Poisson count: about 2 var^2 / n (plus a small kurtosis term).
            double seVar = Math.sqrt((2 * expectedVar * expectedVar + expectedVar) / n);
            assertTrue(Math.abs(mean - expectedMean) < 4 * seMean,
                    "month " + months[k] + ": mean places " + mean + " expected " + expectedMean);
            assertTrue(Math.abs(var - expectedVar) < 4 * seVar,
                    "month " + months[k] + ": variance " + var + " expected " + expectedVar);
        }
    }
}
