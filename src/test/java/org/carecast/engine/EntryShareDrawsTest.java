package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.model.ShareDraw;
import org.carecast.results.Aggregator;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entry shares drawn with their estimation error ({@code entries.uncertainty.shareCount}): the
 * Dirichlet draws have the closed-form marginal moments (mean s, variance s(1-s)/(n+1)); a count
 * of 0 changes nothing; with a count the run differs and stays reproducible.
 */
class EntryShareDrawsTest {

    @Test
    void drawnSharesHaveTheDirichletsMoments() {
        double[] shares = {0.1, 0.3, 0.6};
        double count = 40;
        int draws = 4000;
        double[] sum = new double[3];
        double[] squares = new double[3];
        for (int d = 0; d < draws; d++) {
            long key = RandomStreams.replicationKey(5, d);
            double[] x = ShareDraw.dirichlet(shares, count, j -> RandomStreams.uniform(key, RandomStreams.ASSUMPTION, j));
            assertEquals(1, x[0] + x[1] + x[2], 1e-9);
            for (int j = 0; j < 3; j++) {
                sum[j] += x[j];
                squares[j] += x[j] * x[j];
            }
        }
        for (int j = 0; j < 3; j++) {
            double mean = sum[j] / draws;
            double variance = squares[j] / draws - mean * mean;
            double expected = shares[j] * (1 - shares[j]) / (count + 1);
            assertEquals(shares[j], mean, 4 * Math.sqrt(expected / draws), "mean of share " + j);
            assertEquals(expected, variance, 0.15 * expected, "variance of share " + j);
        }
    }

    @Test
    void aCountOfZeroChangesNothingAndACountChangesTheRunReproducibly() {
        String base = Scenarios.queue("10", 0.1, 200, 12).replace("needLevels:\n  - {id: standard, entryShare: 1}",
                "needLevels:\n  - {id: standard, entryShare: 0.7}\n  - {id: complex, entryShare: 0.3}")
                .replace("ageShares: {\"0\": 1, \"1-17\": 0}", "ageShares: {\"0\": 0.5, \"1-17\": 0.5}");
        assertTrue(base.contains("complex"), base);
        String zero = base.replace("  ageShares: {\"0\": 0.5", "  uncertainty: {shareCount: 0}\n  ageShares: {\"0\": 0.5");
        String some = base.replace("  ageShares: {\"0\": 0.5", "  uncertainty: {shareCount: 30}\n  ageShares: {\"0\": 0.5");
        assertNotEquals(base, zero);
        assertEquals(run(base), run(zero));
        Object drawn = run(some);
        assertNotEquals(run(base), drawn);
        assertEquals(drawn, run(some), "reproducible");
    }

    /** Drawn exit reason shares change who leaves for which reason, never when anyone leaves. */
    @Test
    void drawnReasonSharesChangeTheReasonsNotTheExits() {
        String base = Scenarios.queue("10", 0.1, 200, 12).replace("\"0\": {return_home: 1}", "\"0\": {return_home: 0.6, adoption: 0.4}");
        assertTrue(base.contains("adoption"), base);
        String drawn = base.replace("  reasons:", "  uncertainty: {rateLogSd: 0, reasonCounts: {\"0\": 20}}\n  reasons:");
        assertNotEquals(base, drawn);
        Model plain = Scenarios.compile(base);
        Model uncertain = Scenarios.compile(drawn);
        Replication a = new Replication(plain);
        Replication b = new Replication(uncertain);
        int differ = 0;
        for (int r = 0; r < 20; r++) {
            ReplicationResult x = a.run(9, r);
            int[] exits = x.exits.clone();
            ReplicationResult y = b.run(9, r);
            int reasons = exits.length / x.months;
            for (int m = 0; m < x.months; m++) {
                int all = 0;
                int allDrawn = 0;
                for (int k = 0; k < reasons; k++) {
                    all += exits[m * reasons + k];
                    allDrawn += y.exits[m * reasons + k];
                }
                assertEquals(all, allDrawn, "exits in month " + m + " of replication " + r);
            }
            differ += java.util.Arrays.equals(exits, y.exits) ? 0 : 1;
        }
        assertTrue(differ > 10, "reasons differ in " + differ + " of 20 replications");
    }

    private static Object run(String yaml) {
        Model model = Scenarios.compile(yaml);
        Aggregator aggregator = new Aggregator(model, 40);
        Simulator.run(model, 40, 3, 2, aggregator, null);
        return aggregator.projection().rows();
    }
}
