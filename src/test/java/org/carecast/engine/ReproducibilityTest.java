package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.results.Aggregator;
import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Same scenario and seed give identical numbers whatever the thread count; other seeds differ. */
class ReproducibilityTest {

    private static Projection run(Model model, int replications, long seed, int threads) {
        Aggregator aggregator = new Aggregator(model, replications);
        Simulator.run(model, replications, seed, threads, aggregator, null);
        // The percentiles too are worked out on the run's threads.
        return aggregator.projection(threads);
    }

    @Test
    void identicalAcrossThreadCountsAndRuns() {
        Model model = Scenarios.baseline();
        Projection one = run(model, 24, 99, 1);
        Projection two = run(model, 24, 99, 2);
        Projection four = run(model, 24, 99, 4);
        Projection again = run(model, 24, 99, 2);
        assertEquals(one.rows(), two.rows());
        assertEquals(one.rows(), four.rows());
        assertEquals(two.rows(), again.rows());
    }

    @Test
    void differentSeedsGiveDifferentFutures() {
        Model model = Scenarios.baseline();
        Projection a = run(model, 8, 1, 2);
        Projection b = run(model, 8, 2, 2);
        assertNotEquals(a.find(Table.YEARLY, OutputMetric.SPEND, "all", "2026/27").orElseThrow().summary(),
                b.find(Table.YEARLY, OutputMetric.SPEND, "all", "2026/27").orElseThrow().summary());
    }

    @Test
    void eachReplicationDependsOnlyOnSeedAndIndex() {
        Model model = Scenarios.baseline();
        Replication fresh = new Replication(model);
        double spendOfFifth = sum(fresh.run(5, 4).spend);
        Replication reused = new Replication(model);
        reused.run(5, 0);
        reused.run(5, 9);
        assertEquals(spendOfFifth, sum(reused.run(5, 4).spend));
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
