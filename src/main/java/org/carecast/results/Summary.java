package org.carecast.results;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The distribution of one output cell over replications: the mean and the 5th, 25th, 50th,
 * 75th and 95th percentiles (Hyndman and Fan type 7, as in R and spreadsheets), in the cell's
 * own unit.
 */
public record Summary(double mean, double p5, double p25, double p50, double p75, double p95) {

    /** Gives a distribution's percentile at a level in percent (5 for the 5th). */
    @FunctionalInterface
    public interface Percentiles {
        double at(int percent);
    }

    /** The one place the band's levels are chosen: every summary, exact or sketched, is made here. */
    public static Summary of(double mean, Percentiles percentiles) {
        return new Summary(mean, percentiles.at(5), percentiles.at(25), percentiles.at(50), percentiles.at(75),
                percentiles.at(95));
    }

    /** Summarises {@code values} (not modified). */
    public static Summary of(double[] values) {
        return ofFirst(values, values.length);
    }

    /**
     * Summarises the first {@code n} of {@code values} (not modified). The percentiles work on
     * one copy of them, the one {@link Percentile} keeps: a run's cells hand in the array they
     * keep their values in, so no copy of its own is made first (one copy fewer per cell at
     * the end of every run).
     */
    static Summary ofFirst(double[] values, int n) {
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values, 0, n);
        return of(sum / n, percentile::evaluate);
    }
}
