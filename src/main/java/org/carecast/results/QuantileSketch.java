package org.carecast.results;

import java.util.Arrays;

/**
 * The distribution of one output cell (say, spend in 2026/27) over replications, in memory
 * that does not grow with the number of replications. Values must be added in replication
 * order (see {@link ReplicationOrder}) so that the summary is the same whatever the thread count.
 *
 * <p>Up to {@code exactLimit} values are kept and the percentiles are exact (type 7, as
 * {@link Summary#of(double[])}). Past that the kept values become a histogram of
 * {@value #BINS} equal bins spanning their range plus a quarter of it on each side; a later value
 * outside the bins doubles the bin width (merging neighbours) until it fits. A percentile is
 * then read by spreading each bin's values evenly across it, so its error is at most one bin
 * width: about 0.15% of the range of the first {@code exactLimit} values, far below the Monte
 * Carlo error of a 5th percentile estimated from that many replications. The mean, variance,
 * minimum and maximum stay exact.
 *
 * <p>Counts (children, moves, places) are whole numbers. When every kept value is one and they
 * span fewer than half the bins, each bin is one whole number wide, so it holds one value and
 * the percentiles stay exact past the kept values too (a count's 95th percentile is 1, not the
 * 1.006 that spreading would read). The first value that is not a whole number, or that makes
 * the bins widen, ends that, and the bins are read as above.
 *
 * <p>{@code +Infinity} is allowed (a payback that never happens) and ranks above every finite
 * value; NaN and {@code -Infinity} are rejected.
 */
public final class QuantileSketch {

    /** Replications kept exactly before switching to the histogram: more than any default run. */
    public static final int DEFAULT_EXACT_LIMIT = 1000;

    static final int BINS = 1024;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private final int exactLimit;
    private double[] exact;
    private int[] counts;
    private double low;
    private double width;
    /** Each bin is one whole number wide and every value so far is whole: a bin holds one value exactly. */
    private boolean wholeBins;

    private long n;
    /** Values already in the running statistics below: in exact mode they lag {@code n} until asked for. */
    private long settled;
    private long infinite;
    /** Values above zero (infinities included): the chance of an overspend, of a saving. */
    private long positive;
    /** Welford's mean and sum of squared deviations of the finite values while every value is kept. */
    private double mean;
    private double m2;
    /**
     * Past the kept values, finite values are summed as deviations from the kept values' mean
     * (their count, sum and sum of squares) and merged with Welford's figures when asked for: no
     * division on each value, and stable because the shift is close to the values.
     */
    private long laterCount;
    private double laterSum;
    private double laterSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public QuantileSketch() {
        this(DEFAULT_EXACT_LIMIT);
    }

    public QuantileSketch(int exactLimit) {
        this(exactLimit, 64);
    }

    /**
     * @param expected values the caller expects to add (a run's replications): room for them,
     *                 up to {@code exactLimit}, is made at once rather than grown by copying
     */
    public QuantileSketch(int exactLimit, int expected) {
        if (exactLimit < 2) {
            throw new IllegalArgumentException("exactLimit must be at least 2: " + exactLimit);
        }
        this.exactLimit = exactLimit;
        this.exact = new double[Math.max(2, Math.min(exactLimit, expected))];
    }

    public void add(double x) {
        if (!(x > Double.NEGATIVE_INFINITY)) {  // NaN or minus infinity
            throw new IllegalArgumentException("not a summarisable value: " + x);
        }
        if (exact != null) {
            if (n < exactLimit) {
                // Exact mode keeps the value and nothing else: the statistics are worked out from
                // the kept values when asked for (settle()), in the same order, so they are the
                // same doubles, without a division on every value of every cell of a run.
                if (n == exact.length) {
                    exact = Arrays.copyOf(exact, (int) Math.min(exactLimit, 2L * exact.length));
                }
                exact[(int) n++] = x;
                return;
            }
            toHistogram();
        }
        n++;
        summarise(x);
        if (x != Double.POSITIVE_INFINITY) {
            count(x);
        }
    }

    /**
     * Adds {@code rows[0][column]} to {@code rows[count - 1][column]}, in that order: the same as
     * adding each in turn, but while every value is kept, the checks and the room for them are
     * done once for the lot (an aggregator adds a block of replications to one cell at a time).
     */
    public void addColumn(double[][] rows, int count, int column) {
        if (exact == null) {
            addColumnToBins(rows, count, column);
            return;
        }
        if (n + count > exactLimit) {
            for (int i = 0; i < count; i++) {
                add(rows[i][column]);
            }
            return;
        }
        if (n + count > exact.length) {
            exact = Arrays.copyOf(exact, (int) Math.min(exactLimit, Math.max(n + count, 2L * exact.length)));
        }
        int at = (int) n;
        for (int i = 0; i < count; i++) {
            double x = rows[i][column];
            if (!(x > Double.NEGATIVE_INFINITY)) {  // NaN or minus infinity: one comparison
                throw new IllegalArgumentException("not a summarisable value: " + x);
            }
            exact[at + i] = x;
        }
        n += count;
    }

    /**
     * {@link #add} for each value in turn, past the kept values, with the running figures held in
     * locals for the block: the same arithmetic in the same order (the same doubles and bins). A
     * value off the bins (or infinite) goes through {@link #add}, which widens them.
     */
    private void addColumnToBins(double[][] rows, int count, int column) {
        if (addUnchangingBlock(rows, count, column)) {
            return;
        }
        int i = 0;
        while (i < count) {
            double from = low;
            double w = width;
            double to = low + width * BINS;
            double shift = mean;
            int[] bins = counts;
            boolean whole = wholeBins;
            long taken = 0;
            long above = positive;
            double smallest = min;
            double largest = max;
            double sum = laterSum;
            double squares = laterSquares;
            // Plain comparisons for the extremes: Math.min and Math.max also order -0.0 below
            // 0.0, which here costs more than the rest of the loop (a chain of blends each value
            // waits for; the 4-place model's fold 20% faster without). Which zeros came is
            // noted, and the extremes put right after the block: the same doubles as Math.min.
            boolean negativeZero = false;
            boolean positiveZero = false;
            for (; i < count; i++) {
                double x = rows[i][column];
                if (!(x >= from && x < to)) {
                    break;  // NaN, an infinity or off the bins: the general path below
                }
                taken++;
                if (x > 0) {
                    above++;
                }
                smallest = x < smallest ? x : smallest;
                largest = x > largest ? x : largest;
                long bits = Double.doubleToRawLongBits(x);
                negativeZero |= bits == NEGATIVE_ZERO;
                positiveZero |= bits == 0;
                double d = x - shift;
                sum += d;
                squares += d * d;
                whole = whole && x == Math.rint(x);
                bins[Math.min(BINS - 1, (int) ((x - from) / w))]++;
            }
            n += taken;
            settled += taken;
            laterCount += taken;
            positive = above;
            // Math.min over values with both zeros is -0.0, Math.max 0.0, whichever came first.
            min = negativeZero && smallest == 0 ? -0.0 : smallest;
            max = positiveZero && largest == 0 ? 0.0 : largest;
            laterSum = sum;
            laterSquares = squares;
            wholeBins = whole;
            if (i < count) {
                add(rows[i++][column]);
            }
        }
    }

    /**
     * A cell that has never varied (a budget, a type no child uses: a quarter of the baseline's
     * cells, 44% of a 4-place model's) given a block of that same value: what adding each would
     * do, done once. Each value's deviation from the mean is then exactly zero (the mean of equal
     * values is that value), so the sums gain a zero, and adding a zero once leaves them as
     * adding it any number of times would; every other figure changes by a count. Returns false, having
     * changed nothing, unless every value of the block has the bits of the one value so far.
     */
    private boolean addUnchangingBlock(double[][] rows, int count, int column) {
        long bits = Double.doubleToRawLongBits(min);
        if (count == 0 || infinite > 0 || Double.doubleToRawLongBits(max) != bits || min - mean != 0
                || !(min >= low && min < low + width * BINS)) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (Double.doubleToRawLongBits(rows[i][column]) != bits) {
                return false;
            }
        }
        double x = min;
        n += count;
        settled += count;
        laterCount += count;
        if (x > 0) {
            positive += count;
        }
        // Adding a zero once leaves a sum as adding it any number of times would (either sign).
        double d = x - mean;
        laterSum += d;
        laterSquares += d * d;
        // Whether the bins are whole numbers wide and every value whole does not change: this
        // value is the one every earlier value was.
        counts[Math.min(BINS - 1, (int) ((x - low) / width))] += count;
        return true;
    }

    /** Adds {@code x} to the running statistics (not to the kept values or the bins). */
    private void summarise(double x) {
        settled++;
        if (x > 0) {
            positive++;
        }
        if (x == Double.POSITIVE_INFINITY) {
            infinite++;
            return;
        }
        min = Math.min(min, x);
        max = Math.max(max, x);
        if (exact == null) {
            double d = x - mean;
            laterCount++;
            laterSum += d;
            laterSquares += d * d;
            return;
        }
        // Welford's update: stable when the mean (pounds in millions) dwarfs the spread.
        double delta = x - mean;
        mean += delta / (settled - infinite);
        m2 += delta * (x - mean);
    }

    /** Brings the running statistics up to date with the kept values not yet in them. */
    private void settle() {
        if (exact != null) {
            while (settled < n) {
                summarise(exact[(int) settled]);
            }
        }
    }

    /** Values added. */
    public long count() {
        return n;
    }

    /** The share of values above zero, counted exactly in either mode. */
    public double shareAboveZero() {
        if (exact != null) {
            // Counted from the kept values, without the running figures settle() brings up to
            // date (a division per value): the end of a run asks this of every cell.
            long above = 0;
            for (int i = 0; i < n; i++) {
                above += exact[i] > 0 ? 1 : 0;
            }
            return n == 0 ? 0 : (double) above / n;
        }
        settle();
        return n == 0 ? 0 : (double) positive / n;
    }

    /** Whether percentiles are still computed from every value. */
    public boolean isExact() {
        return exact != null;
    }

    /** Arithmetic mean; infinite if any value is. */
    public double mean() {
        settle();
        if (infinite > 0) {
            return Double.POSITIVE_INFINITY;
        }
        return laterCount == 0 ? mean : mean + laterSum / (settled - infinite);
    }

    /** Sample variance (n - 1 denominator) of the finite values. */
    public double variance() {
        settle();
        long finite = n - infinite;
        if (finite <= 1) {
            return 0;
        }
        if (laterCount == 0) {
            return m2 / (finite - 1);
        }
        // Chan et al.'s merge of the kept values' (Welford) and the later values' (shifted) figures.
        long early = finite - laterCount;
        double laterMean = laterSum / laterCount;
        double laterM2 = laterSquares - laterSum * laterMean;
        double delta = laterMean;
        return (m2 + laterM2 + delta * delta * early * laterCount / finite) / (finite - 1);
    }

    /** Smallest value, or +Infinity before any. */
    public double min() {
        settle();
        return infinite == n ? Double.POSITIVE_INFINITY : min;
    }

    /** Largest value. */
    public double max() {
        settle();
        return infinite > 0 ? Double.POSITIVE_INFINITY : max;
    }

    /** Mean and 5th to 95th percentiles. */
    public Summary summary() {
        if (n == 0) {
            throw new IllegalStateException("no values to summarise");
        }
        if (exact != null) {
            return exactSummary(exact, (int) n);
        }
        // percent / 100.0 is the same double as the literal 0.05, 0.25, ... 0.95.
        return Summary.of(mean(), percent -> quantile(percent / 100.0));
    }

    /**
     * Percentiles of values that may be infinite: infinities are sorted as the largest values,
     * so a percentile that reaches them is infinite too.
     */
    private static Summary exactSummary(double[] kept, int n) {
        boolean anyInfinite = false;
        for (int i = 0; i < n && !anyInfinite; i++) {
            anyInfinite = kept[i] == Double.POSITIVE_INFINITY;
        }
        if (!anyInfinite) {
            return Summary.ofFirst(kept, n);
        }
        // Rare (a share of nothing, say): the kept values stay as they are; a copy is changed.
        double[] values = Arrays.copyOf(kept, n);
        for (int i = 0; i < n; i++) {
            if (values[i] == Double.POSITIVE_INFINITY) {
                values[i] = Double.MAX_VALUE;
            }
        }
        Summary s = Summary.of(values);
        return new Summary(restore(s.mean()), restore(s.p5()), restore(s.p25()), restore(s.p50()), restore(s.p75()),
                restore(s.p95()));
    }

    private static double restore(double v) {
        return v > 1e300 || Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    /** Type 7 percentile from the histogram: interpolates between the estimated order statistics. */
    private double quantile(double p) {
        double h = (n - 1) * p;
        long j = (long) Math.floor(h);
        double lower = orderStatistic(j);
        if (h == j || j + 1 >= n) {
            return lower;
        }
        double upper = orderStatistic(j + 1);
        if (upper == Double.POSITIVE_INFINITY) {
            return upper;
        }
        return lower + (h - j) * (upper - lower);
    }

    /** The value of rank {@code j} (0 = smallest), assuming each bin's values are spread evenly. */
    private double orderStatistic(long j) {
        long finite = n - infinite;
        if (j >= finite) {
            return Double.POSITIVE_INFINITY;
        }
        if (j == 0) {
            return min;
        }
        if (j == finite - 1) {
            return max;
        }
        long before = 0;
        for (int b = 0; b < BINS; b++) {
            if (j < before + counts[b]) {
                if (wholeBins) {
                    return low + b;
                }
                double x = low + width * (b + (j - before + 0.5) / counts[b]);
                return Math.max(min, Math.min(max, x));
            }
            before += counts[b];
        }
        return max;
    }

    private void toHistogram() {
        settle();
        boolean anyFinite = infinite < n;
        double span = anyFinite ? max - min : 0;
        if (!(span > 0)) {
            // All finite values equal so far (or none): any small width will do, it doubles as needed.
            span = anyFinite ? Math.max(Math.abs(min) * 1e-6, 1e-6) : 1e-6;
        }
        boolean whole = anyFinite;
        for (int i = 0; i < n && whole; i++) {
            whole = exact[i] == Double.POSITIVE_INFINITY || exact[i] == Math.rint(exact[i]);
        }
        wholeBins = whole && max - min < BINS / 2 && Math.abs(min) < 1e15;
        if (wholeBins) {
            // Bins one whole number wide, [k, k + 1), with the kept values' range in the middle.
            width = 1;
            low = min - Math.floor((BINS - (max - min)) / 2);
        } else {
            width = span * 1.5 / BINS;
            low = (anyFinite ? min : 0) - span * 0.25;
        }
        counts = new int[BINS];
        for (int i = 0; i < n; i++) {
            if (exact[i] != Double.POSITIVE_INFINITY) {
                count(exact[i]);
            }
        }
        exact = null;
    }

    private void count(double x) {
        while (x < low) {
            widen(false);
        }
        while (x >= low + width * BINS) {
            widen(true);
        }
        if (wholeBins && x != Math.rint(x)) {
            wholeBins = false;
        }
        int b = (int) ((x - low) / width);
        counts[Math.min(BINS - 1, Math.max(0, b))]++;
    }

    /** Doubles the bin width, keeping the lower edge (growing upwards) or the upper edge fixed. */
    private void widen(boolean upwards) {
        wholeBins = false;
        int[] merged = new int[BINS];
        int offset = upwards ? 0 : BINS / 2;
        for (int b = 0; b < BINS; b += 2) {
            merged[offset + b / 2] = counts[b] + counts[b + 1];
        }
        if (!upwards) {
            low -= width * BINS;
        }
        width *= 2;
        counts = merged;
    }
}
