package org.carecast.results;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constant-memory distribution agrees with exact percentiles, exactly up to its limit and within a bin after. */
class QuantileSketchTest {

    private static double[] skewed(int n, long seed) {
        // Right-skewed like spend and spill-over, and shifted so the range is not anchored at zero.
        GammaDistribution gamma = new GammaDistribution(new Well19937c(seed), 2.0, 3.0e5);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3.0e7 + gamma.sample();
        }
        return x;
    }

    @Test
    void isExactUpToItsLimit() {
        double[] x = skewed(500, 1);
        QuantileSketch sketch = new QuantileSketch(500);
        Arrays.stream(x).forEach(sketch::add);
        assertTrue(sketch.isExact());
        assertEquals(Summary.of(x), sketch.summary());
    }

    @Test
    void agreesWithExactPercentilesWithinABinAfterItsLimit() {
        double[] x = skewed(40_000, 2);
        QuantileSketch sketch = new QuantileSketch(200);
        Arrays.stream(x).forEach(sketch::add);
        assertFalse(sketch.isExact());

        Percentile exact = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        exact.setData(x);
        double min = Arrays.stream(x).min().orElseThrow();
        double max = Arrays.stream(x).max().orElseThrow();
        // The first 200 values span much less than 40,000 do, so the bins have doubled at least
        // once: allow two initial bin widths of the whole range.
        double tolerance = 2 * 1.5 * (max - min) / QuantileSketch.BINS;
        Summary s = sketch.summary();
        assertEquals(exact.evaluate(5), s.p5(), tolerance);
        assertEquals(exact.evaluate(25), s.p25(), tolerance);
        assertEquals(exact.evaluate(50), s.p50(), tolerance);
        assertEquals(exact.evaluate(75), s.p75(), tolerance);
        assertEquals(exact.evaluate(95), s.p95(), tolerance);

        double mean = Arrays.stream(x).average().orElseThrow();
        double variance = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        assertEquals(mean, s.mean(), 1e-9 * mean);
        assertEquals(variance, sketch.variance(), 1e-9 * variance);
        assertEquals(min, sketch.min());
        assertEquals(max, sketch.max());
    }

    @Test
    void theMeanAndVarianceOfMillionsWithASmallSpreadStayExactPastTheLimit() {
        // Spend in pounds: a mean of 40 million, a spread of a thousand, drifting upwards after
        // the kept values, so the later values' shift is not their mean. Naive sums of squares
        // would lose every digit of this variance.
        java.util.Random random = new java.util.Random(5);
        double[] x = new double[30_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4e7 + (i < 500 ? 0 : 2_000) + 1_000 * random.nextGaussian();
        }
        QuantileSketch sketch = new QuantileSketch(500);
        Arrays.stream(x).forEach(sketch::add);
        assertFalse(sketch.isExact());
        double mean = Arrays.stream(x).average().orElseThrow();
        double variance = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        assertEquals(mean, sketch.mean(), 1e-12 * mean);
        assertEquals(variance, sketch.variance(), 1e-9 * variance);
    }

    @Test
    void theShareAboveZeroIsCountedExactlyInBothModes() {
        for (int limit : new int[] {10_000, 50}) {
            QuantileSketch pressure = new QuantileSketch(limit);
            for (int i = 0; i < 1000; i++) {
                pressure.add(i % 10 < 3 ? 1e6 + i : (i % 10 == 3 ? 0 : -5e5 - i));  // 30% overspent, 10% exactly on budget
            }
            assertEquals(0.3, pressure.shareAboveZero(), 0.0, "limit " + limit);
        }
    }

    @Test
    void infinityRanksAboveEveryFiniteValueInBothModes() {
        for (int limit : new int[] {10_000, 50}) {
            QuantileSketch payback = new QuantileSketch(limit);
            for (int i = 0; i < 1000; i++) {
                payback.add(i % 10 < 3 ? Double.POSITIVE_INFINITY : 12 + i % 7);  // 30% never pay back
            }
            Summary s = payback.summary();
            assertEquals(Double.POSITIVE_INFINITY, s.p95(), "limit " + limit);
            assertEquals(Double.POSITIVE_INFINITY, s.p75(), "limit " + limit);
            assertTrue(s.p50() >= 12 && s.p50() <= 18, "limit " + limit + ": " + s.p50());
            assertEquals(Double.POSITIVE_INFINITY, s.mean());
        }
    }

    @Test
    void aConstantCellStaysExactAndAFarLaterValueCostsAtMostABin() {
        QuantileSketch zeros = new QuantileSketch(100);
        for (int i = 0; i < 5000; i++) {
            zeros.add(0);
        }
        assertEquals(new Summary(0, 0, 0, 0, 0, 0), zeros.summary());
        zeros.add(1e9);
        // The bins have doubled until they reach 1e9, so the zeros now share one bin of about
        // 2e9 / BINS and are read as spread across it: the documented error of one bin width.
        assertEquals(0, zeros.summary().p95(), 2e9 / QuantileSketch.BINS);
        assertEquals(0, zeros.min());
        assertEquals(1e9, zeros.max());
    }

    private static double type7(double[] x, double percent) {
        Percentile exact = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        exact.setData(x);
        return exact.evaluate(percent);
    }

    @Test
    void countsStayExactPastTheKeptValues() {
        // Children in a type at a month's end: whole numbers, here Poisson around 40, and a rare
        // one (secure welfare) that is mostly 0 or 1; 20,000 replications against 200 kept.
        org.apache.commons.math3.distribution.PoissonDistribution children =
                new org.apache.commons.math3.distribution.PoissonDistribution(new Well19937c(3), 40, 1e-12, 10_000);
        org.apache.commons.math3.distribution.PoissonDistribution rare =
                new org.apache.commons.math3.distribution.PoissonDistribution(new Well19937c(4), 0.08, 1e-12, 10_000);
        for (var d : java.util.List.of(children, rare)) {
            double[] x = new double[20_000];
            for (int i = 0; i < x.length; i++) {
                x[i] = d.sample();
            }
            QuantileSketch sketch = new QuantileSketch(200);
            Arrays.stream(x).forEach(sketch::add);
            assertFalse(sketch.isExact());
            Summary s = sketch.summary();
            assertEquals(type7(x, 5), s.p5(), 1e-9);
            assertEquals(type7(x, 25), s.p25(), 1e-9);
            assertEquals(type7(x, 50), s.p50(), 1e-9);
            assertEquals(type7(x, 75), s.p75(), 1e-9);
            assertEquals(type7(x, 95), s.p95(), 1e-9);
        }
        // A 95th percentile of a count that is 1 in about one replication in twelve is 1, not
        // a spread across the bin; checked on its own so the test fails if bins spread.
        QuantileSketch secure = new QuantileSketch(100);
        for (int i = 0; i < 10_000; i++) {
            secure.add(i % 12 == 0 ? 1 : 0);
        }
        assertEquals(1.0, secure.summary().p95(), 0.0);
        assertEquals(0.0, secure.summary().p75(), 0.0);
    }

    @Test
    void aCountThatStopsBeingWholeOrOutgrowsItsBinsIsReadWithinABin() {
        QuantileSketch halves = new QuantileSketch(100);
        for (int i = 0; i < 5_000; i++) {
            halves.add(i < 2_000 ? i % 20 : (i % 20) + 0.5);
        }
        double[] x = new double[5_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 2_000 ? i % 20 : (i % 20) + 0.5;
        }
        Summary s = halves.summary();
        for (double[] pair : new double[][] {{5, s.p5()}, {50, s.p50()}, {95, s.p95()}}) {
            assertEquals(type7(x, pair[0]), pair[1], 1.0, "within one bin (one whole number wide)");
        }
        QuantileSketch growing = new QuantileSketch(100);
        for (int i = 0; i < 5_000; i++) {
            growing.add(i < 100 ? i % 10 : i);  // the bins must widen to take 4,999
        }
        assertEquals(4_999 * 0.95, growing.summary().p95(), 2 * 4_999.0 * 2 / QuantileSketch.BINS);
        assertEquals(0, growing.min());
        assertEquals(4_999, growing.max());
    }

    @Test
    void aBlockAddsExactlyWhatItsValuesAddOneByOne() {
        // Past the kept values, a block is folded with the running figures in locals: the same
        // doubles as adding each value, including values off the bins (which widen them) and infinities.
        java.util.Random random = new java.util.Random(11);
        for (boolean whole : new boolean[] {true, false}) {
            QuantileSketch one = new QuantileSketch(50);
            QuantileSketch block = new QuantileSketch(50);
            double[][] rows = new double[64][3];
            for (int b = 0; b < 60; b++) {
                for (int r = 0; r < 64; r++) {
                    double x = whole ? random.nextInt(30) : 1e6 + 1e4 * random.nextGaussian();
                    if (b > 20 && r == 7) {
                        x = whole ? 50_000 + b : -1e9 * b;  // off the bins: widen
                    }
                    if (r == 9 && b % 5 == 0) {
                        x = Double.POSITIVE_INFINITY;
                    }
                    if (whole && r == 11 && b > 40) {
                        // Both zeros, in either order, at the least value: the extremes must
                        // come out as Math.min and Math.max give them (-0.0 and 0.0).
                        x = b % 2 == 0 ? -0.0 : 0.0;
                    }
                    rows[r][1] = x;
                    one.add(x);
                }
                block.addColumn(rows, 64, 1);
            }
            assertEquals(one.summary(), block.summary());
            assertEquals(one.mean(), block.mean(), 0.0);
            assertEquals(one.variance(), block.variance(), 0.0);
            assertEquals(Double.valueOf(one.min()), Double.valueOf(block.min()));
            assertEquals(Double.valueOf(one.max()), Double.valueOf(block.max()));
            assertEquals(one.shareAboveZero(), block.shareAboveZero(), 0.0);
            assertEquals(one.count(), block.count());
        }
        // A cell that never varies takes a block of its one value at once: the same figures as
        // adding each, for zeros of either sign, whole numbers, fractions; and when a block
        // brings another value (here from a row of block 5 on), the cell goes on as any other,
        // its percentiles read from counts the earlier blocks made.
        for (double v : new double[] {0.0, -0.0, 3.0, 2.5, -7.25, 1e9, 4e15}) {
            for (int other : new int[] {-1, 0, 30, 63}) {
                QuantileSketch one = new QuantileSketch(50);
                QuantileSketch block = new QuantileSketch(50);
                double[][] rows = new double[64][2];
                for (int b = 0; b < 8; b++) {
                    for (int r = 0; r < 64; r++) {
                        rows[r][1] = b >= 5 && r >= other && other >= 0 ? v + 1 : v;
                        one.add(rows[r][1]);
                    }
                    block.addColumn(rows, 64, 1);
                }
                String what = v + " (another value from row " + other + " of block 5)";
                assertEquals(one.summary(), block.summary(), what);
                assertEquals(Double.doubleToRawLongBits(one.mean()), Double.doubleToRawLongBits(block.mean()), what);
                assertEquals(Double.doubleToRawLongBits(one.variance()), Double.doubleToRawLongBits(block.variance()), what);
                assertEquals(Double.valueOf(one.min()), Double.valueOf(block.min()), what);
                assertEquals(Double.valueOf(one.max()), Double.valueOf(block.max()), what);
                assertEquals(one.shareAboveZero(), block.shareAboveZero(), 0.0, what);
                assertEquals(one.count(), block.count(), what);
            }
        }
        // A cell of zeros past the kept values: -0.0 and 0.0 in every order the blocks bring them.
        for (double[] zeros : new double[][] {{0.0, -0.0}, {-0.0, 0.0}, {-0.0, -0.0}, {0.0, 0.0}}) {
            QuantileSketch one = new QuantileSketch(2);
            QuantileSketch block = new QuantileSketch(2);
            double[][] rows = new double[64][1];
            for (int b = 0; b < 3; b++) {
                for (int r = 0; r < 64; r++) {
                    // The first block (through add) all of the first zero, then both.
                    rows[r][0] = b == 0 ? zeros[0] : zeros[(b + r / 32) % 2];
                    one.add(rows[r][0]);
                }
                block.addColumn(rows, 64, 0);
            }
            String what = Arrays.toString(zeros);
            assertEquals(Double.valueOf(one.min()), Double.valueOf(block.min()), what);
            assertEquals(Double.valueOf(one.max()), Double.valueOf(block.max()), what);
        }
    }

    @Test
    void keptValuesGiveWhatThePlainValuesGiveBitForBit() {
        // Every figure of the kept values must be what the plain values give, bit for bit,
        // through add and through blocks of any size: runs of one value, counts, money, -0.0,
        // the edges of int, whole numbers past it.
        double[][] cases = {
            {0, 0, 0, 0, 0, 0},
            {0, 0, -0.0, 0, 0},                                      // -0.0 is not an int's 0
            {-0.0, -0.0, 1},
            {7, 7, 7, 3, 9, 7, 2.5, 7, 1e9, -4},                     // constant, ints, doubles
            {Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648.0, 1},   // 2^31 is whole but no int
            {-3, -3, -2, -1, 0.1},
            {1.5, 1.5, 1.5},
            {4e15, 4e15 + 1, 3},
        };
        java.util.Random random = new java.util.Random(5);
        for (int t = 0; t < 200; t++) {
            double[] x = new double[1 + random.nextInt(300)];
            int mode = random.nextInt(3);
            for (int i = 0; i < x.length; i++) {
                // Runs of one value, then counts, then money, with the switch at a random place.
                x[i] = i < x.length / 3 ? 12 : mode == 0 ? random.nextInt(40) - 5 : mode == 1 && i < 2 * x.length / 3
                        ? random.nextInt(1000) : 1e6 * random.nextGaussian();
            }
            cases = Arrays.copyOf(cases, cases.length + 1);
            cases[cases.length - 1] = x;
        }
        for (double[] x : cases) {
            QuantileSketch one = new QuantileSketch(1000, 4);
            QuantileSketch blocks = new QuantileSketch(1000, 1000);
            Arrays.stream(x).forEach(one::add);
            int i = 0;
            while (i < x.length) {
                int size = Math.min(x.length - i, 1 + random.nextInt(70));
                double[][] rows = new double[size][2];
                for (int r = 0; r < size; r++) {
                    rows[r][1] = x[i + r];
                }
                blocks.addColumn(rows, size, 1);
                i += size;
            }
            // Welford over the plain values: the figures the kept values must give.
            double mean = 0;
            double m2 = 0;
            for (int k = 0; k < x.length; k++) {
                double delta = x[k] - mean;
                mean += delta / (k + 1);
                m2 += delta * (x[k] - mean);
            }
            String what = Arrays.toString(Arrays.copyOf(x, Math.min(12, x.length)));
            for (QuantileSketch sketch : new QuantileSketch[] {one, blocks}) {
                assertTrue(sketch.isExact(), what);
                assertEquals(Summary.of(x.clone()), sketch.summary(), what);
                assertEquals(Double.doubleToRawLongBits(mean), Double.doubleToRawLongBits(sketch.mean()), what);
                assertEquals(x.length > 1 ? m2 / (x.length - 1) : 0, sketch.variance(), 0.0, what);
                // Bit for bit: -0.0 is the least of {0, -0.0} and must not come back as 0.
                assertEquals(Double.valueOf(Arrays.stream(x).min().getAsDouble()), Double.valueOf(sketch.min()), what);
                assertEquals(Double.valueOf(Arrays.stream(x).max().getAsDouble()), Double.valueOf(sketch.max()), what);
                assertEquals(Arrays.stream(x).filter(v -> v > 0).count() / (double) x.length, sketch.shareAboveZero(), 0.0, what);
                assertEquals(x.length, sketch.count(), what);
            }
        }
        // A value no sketch can rank is refused in every way of storing.
        for (double[] start : new double[][] {{1, 1}, {1, 2}, {1, 2.5}}) {
            for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
                QuantileSketch sketch = new QuantileSketch(100);
                Arrays.stream(start).forEach(sketch::add);
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sketch.add(bad));
                double[][] rows = {{start[1]}, {bad}};
                QuantileSketch block = new QuantileSketch(100);
                block.add(start[0]);
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> block.addColumn(rows, 2, 0));
            }
        }
    }
}
