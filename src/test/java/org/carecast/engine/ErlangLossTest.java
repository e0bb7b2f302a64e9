package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against queueing theory. One limited placement type with c places, Poisson
 * entries and exponential stays, overflowing to the market, is an M/M/c/c loss system: the
 * share of entries that overflow is Erlang's B(c, a) with offered load a = lambda / mu, and the
 * mean occupancy is lambda (1 - B) / mu by Little's law. Each replication gives one estimate
 * after a warm-up; the tolerance is 3.5 standard errors across replications (alpha about
 * 5e-4, and the seed is fixed so the test is deterministic) plus a small allowance for the
 * warm-up bias.
 */
class ErlangLossTest {

    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    @ParameterizedTest(name = "c={0}, lambda={1}/day, mean stay={2} days")
    @CsvSource({"5, 0.1, 60", "20, 0.5, 36", "10, 0.2, 30"})
    void overflowShareMatchesErlangBAndOccupancyMatchesLittlesLaw(int places, double lambda, double meanStay) {
        int months = 60;
        int warmUp = 6;
        int replications = 200;
        Model model = Scenarios.compile(Scenarios.queue(Integer.toString(places), lambda, meanStay, months));
        Replication replication = new Replication(model);
        double[] blocked = new double[replications];
        double[] occupancy = new double[replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult result = replication.run(11, r);
            double entries = 0;
            double spill = 0;
            double childDays = 0;
            double days = model.time().monthStartDay()[months] - model.time().monthStartDay()[warmUp];
            for (int m = warmUp; m < months; m++) {
                entries += result.entries[m];
                spill += result.spillOver[m * 2 + 1];
                childDays += result.childDays[m * 2];
            }
            blocked[r] = spill / entries;
            occupancy[r] = childDays / days;
        }
        double a = lambda * meanStay;
        double expectedB = erlangB(places, a);
        double expectedL = a * (1 - expectedB);
        assertWithin(blocked, expectedB, 0.003, "overflow share vs Erlang B");
        assertWithin(occupancy, expectedL, 0.02 * places, "mean occupancy vs Little's law");
    }

    static void assertWithin(double[] estimates, double expected, double bias, String what) {
        double mean = 0;
        for (double x : estimates) {
            mean += x;
        }
        mean /= estimates.length;
        double var = 0;
        for (double x : estimates) {
            var += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(var / (estimates.length - 1) / estimates.length);
        double tolerance = 3.5 * se + bias;
        assertTrue(Math.abs(mean - expected) <= tolerance,
                String.format("%s: simulated %.5f, expected %.5f, tolerance %.5f (se %.5f)", what, mean, expected, tolerance, se));
    }
}
