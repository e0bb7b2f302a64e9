package org.carecast.results;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6: running ten times more replications must not grow the heap the aggregation keeps.
 * A small model with a long horizon has many cells (series x months), so storing every
 * replication's value would show as tens of megabytes.
 */
class AggregationMemoryTest {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void retainedHeapDoesNotGrowWithReplications() {
        Model model = Scenarios.compile(Scenarios.queue("4", 0.05, 200, 120));
        // A first run settles what is not the aggregation's: garbage an earlier test left
        // reachable only from threads still shutting down (a web server's buffer pool, say)
        // would otherwise be counted before the first run and be gone after it.
        retainedBy(model, 100);
        long small = retainedBy(model, 1_500);
        long large = retainedBy(model, 15_000);
        int cells = OutputSeries.of(model).stream().mapToInt(series -> series.periods().length).sum();
        // What keeping every value would have cost for the extra replications.
        long linear = 13_500L * cells * Double.BYTES;
        System.out.printf("aggregation heap: %d cells, %.1f MB after 1,500 replications, %.1f MB after 15,000"
                + " (keeping every value would add %.0f MB)%n", cells, small / 1e6, large / 1e6, linear / 1e6);
        assertTrue(linear > 50_000_000, "the test model is too small to tell: " + linear);
        assertTrue(large - small < 8_000_000, "grew by " + (large - small) + " bytes");
    }

    /** Heap in use after a full collection while the finished aggregator is still reachable, minus before. */
    private static long retainedBy(Model model, int replications) {
        long before = usedAfterGc();
        Aggregator aggregator = new Aggregator(model, replications);
        Simulator.run(model, replications, 11, 2, aggregator, null);
        long after = usedAfterGc();
        assertEquals(replications, aggregator.cell(Table.MONTHLY, OutputMetric.CHILDREN, "all", 0).count());
        return after - before;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
