package org.carecast.engine;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyed generator gives uniform and exponential variates, and the same key gives the same draw. */
class RandomStreamsTest {

    @Test
    void uniformsAreUniformAcrossChildrenAndDraws() {
        long replication = RandomStreams.replicationKey(1, 0);
        int bins = 50;
        long[] counts = new long[bins];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            // Vary both the child and the draw number, as the engine does.
            double u = RandomStreams.uniform(RandomStreams.entityKey(replication, i / 4), RandomStreams.BREAKDOWN, i % 4);
            assertTrue(u > 0 && u < 1);
            counts[(int) (u * bins)]++;
        }
        double[] expected = new double[bins];
        java.util.Arrays.fill(expected, n / (double) bins);
        assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > 0.001, "chi-square uniformity");
    }

    @Test
    void exponentialsPassKolmogorovSmirnov() {
        long key = RandomStreams.entityKey(RandomStreams.replicationKey(2, 3), 17);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = RandomStreams.exponential(key, RandomStreams.EXIT, i);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1.0), x);
        assertTrue(p > 0.001, "KS p-value " + p);
    }

    @Test
    void drawsAreAFunctionOfTheirKey() {
        long a = RandomStreams.entityKey(RandomStreams.replicationKey(5, 1), 100);
        long b = RandomStreams.entityKey(RandomStreams.replicationKey(5, 1), 100);
        assertEquals(RandomStreams.uniform(a, RandomStreams.EXIT, 0), RandomStreams.uniform(b, RandomStreams.EXIT, 0));
        assertNotEquals(RandomStreams.uniform(a, RandomStreams.EXIT, 0), RandomStreams.uniform(a, RandomStreams.BREAKDOWN, 0));
        assertNotEquals(RandomStreams.uniform(a, RandomStreams.EXIT, 0), RandomStreams.uniform(a, RandomStreams.EXIT, 1));
        assertNotEquals(RandomStreams.replicationKey(5, 1), RandomStreams.replicationKey(5, 2));
        assertNotEquals(RandomStreams.replicationKey(5, 1), RandomStreams.replicationKey(6, 1));
    }
}
