package org.carecast.results;

import org.carecast.engine.PairedSink;
import org.carecast.engine.ReplicationResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One-at-a-time sensitivity: each ranged assumption set to its low and then its high value,
 * every other at its central value, run against the central case with common random numbers
 * (the same seed, so the same children and chance draws in every case). An assumption's effect
 * on an output is the mean over replications of its paired difference from the central case;
 * chance mostly cancels in the difference, so a few hundred replications rank assumptions well.
 *
 * <p>Cases are numbered: 0 the central case, then 2a + 1 and 2a + 2 the low and high case of
 * assumption a. Values are kept per replication (outputs x cases x replications doubles) and
 * written by replication index, so the result is the same whatever the thread count.
 */
public final class Sensitivity implements PairedSink {

    /**
     * One assumption's swing on one output.
     *
     * @param assumption  the assumption's canonical path
     * @param range       how its range is written, e.g. "pert 5,200 to 7,400, central 6,100"
     * @param lowValue    the value of the low case, as written
     * @param highValue   the value of the high case
     * @param output      the output
     * @param central     the output's mean in the central case
     * @param lowEffect   mean change from the central case when the assumption is low
     * @param highEffect  mean change when it is high
     * @param lowError    standard error of {@code lowEffect} (paired)
     * @param highError   standard error of {@code highEffect}
     * @param firstOrder  the share of the output's variance, with every range drawn, that this
     *                    assumption explains alone (first-order Sobol index, 0 to 1); NaN when not measured
     */
    public record Swing(String assumption, String range, String lowValue, String highValue, SensitivityOutput output,
                        double central, double lowEffect, double highEffect, double lowError, double highError,
                        double firstOrder) {

        /** The width of the swing: how far apart the low and high cases put the output. */
        public double width() {
            return Math.abs(highEffect - lowEffect);
        }
    }

    /**
     * An assumption as the run swings it.
     *
     * @param uniforms the uniform its range took in each replication of the run with every range
     *                 drawn (by replication), for its first-order index; null when not measured
     */
    public record Assumption(String path, String range, String lowValue, String highValue, double[] uniforms) {
    }

    /** Equal-probability bins of an assumption's uniform for the first-order estimator. */
    public static final int BINS = 10;

    private final List<Assumption> assumptions;
    private final List<SensitivityOutput> outputs;
    private final int replications;
    /** [output][case][replication]. */
    private final double[][][] values;

    public Sensitivity(List<Assumption> assumptions, List<SensitivityOutput> outputs, int replications) {
        this.assumptions = List.copyOf(assumptions);
        this.outputs = List.copyOf(outputs);
        this.replications = replications;
        // The last case is the run with every range drawn, for the first-order indices.
        this.values = new double[outputs.size()][2 + 2 * assumptions.size()][replications];
    }

    /**
     * Cases in the order {@link #accept} expects them: central, then low and high of each
     * assumption, then every range drawn.
     */
    public int cases() {
        return 2 + 2 * assumptions.size();
    }

    @Override
    public void accept(int replication, ReplicationResult[] results) {
        for (int o = 0; o < outputs.size(); o++) {
            for (int c = 0; c < results.length; c++) {
                values[o][c][replication] = outputs.get(o).of(results[c]);
            }
        }
    }

    /** The swings of every assumption on output {@code o}, widest first (ties in the order written). */
    public List<Swing> swings(int o) {
        List<Swing> out = new ArrayList<>();
        double[] central = values[o][0];
        for (int a = 0; a < assumptions.size(); a++) {
            Assumption x = assumptions.get(a);
            double[] low = difference(values[o][2 * a + 1], central);
            double[] high = difference(values[o][2 * a + 2], central);
            out.add(new Swing(x.path(), x.range(), x.lowValue(), x.highValue(), outputs.get(o), mean(central), low[0], high[0],
                    low[1], high[1], x.uniforms() == null ? Double.NaN : firstOrder(values[o][cases() - 1], x.uniforms())));
        }
        out.sort((p, q) -> Double.compare(q.width(), p.width()));
        return out;
    }

    /**
     * The first-order index of an assumption from the run with every range drawn, by the
     * "given data" estimator: the replication pairs (which share every draw) sorted into
     * {@value #BINS} equal-probability bins of the assumption's uniform, Var(E[Y | bin]) from the
     * pairs' means less the noise of the bin means (the mean within-bin variance over the pairs
     * per bin), over Var(Y) of the replications. Cut to [0, 1]; NaN when
     * the output does not vary.
     */
    static double firstOrder(double[] y, double[] u) {
        int n = y.length;
        double total = 0;
        for (double v : y) {
            total += v;
        }
        double mean = total / n;
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n - 1;
        if (!(variance > 0) || n < 2 * BINS) {
            return Double.NaN;
        }
        // Replications 2k and 2k + 1 share their draws: each pair is one draw, its mean one value.
        int pairs = n / 2;
        double[] sum = new double[BINS];
        double[] squares = new double[BINS];
        int[] count = new int[BINS];
        double pairTotal = 0;
        for (int k = 0; k < pairs; k++) {
            double v = (y[2 * k] + y[2 * k + 1]) / 2;
            int b = Math.min(BINS - 1, (int) (u[2 * k] * BINS));
            sum[b] += v;
            squares[b] += v * v;
            count[b]++;
            pairTotal += v;
        }
        double pairMean = pairTotal / pairs;
        double between = 0;
        double noise = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] < 2) {
                continue;
            }
            double m = sum[b] / count[b];
            double within = (squares[b] - count[b] * m * m) / (count[b] - 1);
            between += count[b] * (m - pairMean) * (m - pairMean) / pairs;
            noise += within / pairs;
        }
        return Math.max(0, Math.min(1, (between - noise) / variance));
    }

    /** The outputs ranked by. */
    public List<SensitivityOutput> outputs() {
        return outputs;
    }

    public int replications() {
        return replications;
    }

    /** Mean and standard error of the paired differences {@code a - b}. */
    static double[] difference(double[] a, double[] b) {
        int replications = a.length;
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < replications; i++) {
            double d = a[i] - b[i];
            double delta = d - mean;
            mean += delta / (i + 1);
            m2 += delta * (d - mean);
        }
        double se = replications > 1 ? Math.sqrt(m2 / (replications - 1) / replications) : Double.NaN;
        return new double[] {mean, se};
    }

    private double mean(double[] x) {
        double total = 0;
        for (int i = 0; i < replications; i++) {
            total += x[i];
        }
        return total / replications;
    }
}
