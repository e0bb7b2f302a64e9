package org.carecast.model;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * A child's breakdown proneness: a multiplier of mean 1 on its breakdown hazard, gamma
 * distributed with a given variance, found from one uniform by the inverse of the gamma's
 * distribution function. The inverse is tabulated once per model (commons-math3's
 * {@link GammaDistribution#inverseCumulativeProbability}, a root-finding of tens of
 * microseconds) and interpolated linearly, so a draw in the engine costs a table lookup: at
 * {@value #POINTS} equally spaced probabilities, and {@value #FINE} times finer in the lowest
 * cell and the highest {@value #TAIL} cells, where the quantile bends most. Only beyond the
 * finest points at either end (about one draw in a million) is it computed exactly.
 */
public final class Frailty {

    static final int POINTS = 4096;
    static final int FINE = 512;
    static final int TAIL = 8;

    private final GammaDistribution gamma;
    private final double[] quantile;
    private final double[] low;
    private final double[] high;

    private Frailty(GammaDistribution gamma, double[] quantile, double[] low, double[] high) {
        this.gamma = gamma;
        this.quantile = quantile;
        this.low = low;
        this.high = high;
    }

    /** The last tables made: a table takes milliseconds, and drawn assumptions compile a model per replication pair. */
    private static final java.util.Map<Double, Frailty> RECENT = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Double, Frailty> eldest) {
                    return size() > 8;
                }
            });

    /** The multiplier distribution with mean 1 and the given variance (shape 1/variance). */
    public static Frailty of(double variance) {
        Frailty known = RECENT.get(variance);
        if (known == null) {
            known = tabulate(variance);
            RECENT.put(variance, known);
        }
        return known;
    }

    private static Frailty tabulate(double variance) {
        // No generator is passed: inverseCumulativeProbability draws nothing.
        GammaDistribution gamma = new GammaDistribution(null, 1 / variance, variance);
        double[] quantile = new double[POINTS + 1];
        for (int i = 1; i < POINTS; i++) {
            quantile[i] = gamma.inverseCumulativeProbability(i / (double) POINTS);
        }
        double[] low = new double[FINE + 1];
        for (int j = 1; j <= FINE; j++) {
            low[j] = gamma.inverseCumulativeProbability(j / ((double) POINTS * FINE));
        }
        double[] high = new double[TAIL * FINE];
        double from = 1 - TAIL / (double) POINTS;
        for (int j = 0; j < high.length; j++) {
            high[j] = gamma.inverseCumulativeProbability(from + j / ((double) POINTS * FINE));
        }
        return new Frailty(gamma, quantile, low, high);
    }

    /** The multiplier at probability {@code u} in (0, 1). */
    public double at(double u) {
        double x = u * POINTS;
        int i = (int) x;
        if (i == 0) {
            double y = u * POINTS * FINE;
            // Below the first fine point (one draw in two million) the quantile is too steep to interpolate.
            return y < 1 ? gamma.inverseCumulativeProbability(u) : interpolate(low, y);
        }
        if (i >= POINTS - TAIL) {
            double y = (u - (1 - TAIL / (double) POINTS)) * POINTS * FINE;
            if (y >= high.length - 1) {
                return gamma.inverseCumulativeProbability(u);
            }
            return interpolate(high, Math.max(0, y));
        }
        return quantile[i] + (x - i) * (quantile[i + 1] - quantile[i]);
    }

    private static double interpolate(double[] table, double x) {
        int i = (int) x;
        return table[i] + (x - i) * (table[i + 1] - table[i]);
    }
}
