package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With unlimited places, entries at rate lambda and exponential stays of mean 1/mu, the number
 * in care started from empty is exactly Poisson with mean (lambda/mu)(1 - exp(-mu t)) at every
 * t (an M/M/infinity queue). This checks entries, the exit-clock integration across an age-band
 * edge (children enter under 1 and the hazard is the same on both sides), and the census.
 */
class InfiniteServerTest {

    @Test
    void childrenInCareArePoissonWithTheTransientMean() {
        double lambda = 0.4;
        double meanStay = 200;
        int replications = 400;
        Model model = Scenarios.compile(Scenarios.queue("unlimited", lambda, meanStay, 36));
        Replication replication = new Replication(model);
        int[] months = {1, 3, 6, 12, 24, 36};
        double[][] counts = new double[months.length][replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult result = replication.run(3, r);
            for (int i = 0; i < months.length; i++) {
                counts[i][r] = result.childrenInCare(months[i]);
            }
        }
        for (int i = 0; i < months.length; i++) {
            double t = model.time().monthStartDay()[months[i]];
            double expected = lambda * meanStay * (1 - Math.exp(-t / meanStay));
            double mean = 0;
            for (double x : counts[i]) {
                mean += x;
            }
            mean /= replications;
            double var = 0;
            for (double x : counts[i]) {
                var += (x - mean) * (x - mean);
            }
            var /= replications - 1;
            // Mean: Poisson variance is the mean, so the standard error is sqrt(mean / n).
            double se = Math.sqrt(expected / replications);
            assertTrue(Math.abs(mean - expected) < 3.5 * se,
                    "month " + months[i] + ": mean " + mean + " vs Poisson mean " + expected);
            // Dispersion: for Poisson, variance / mean = 1; its standard error is about sqrt(2 / n).
            double dispersion = var / expected;
            assertTrue(Math.abs(dispersion - 1) < 3.5 * Math.sqrt(2.0 / replications),
                    "month " + months[i] + ": variance/mean " + dispersion + " vs 1 for Poisson");
        }
    }
}
