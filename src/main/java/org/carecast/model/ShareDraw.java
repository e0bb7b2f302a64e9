package org.carecast.model;

import org.apache.commons.math3.distribution.GammaDistribution;

import java.util.function.IntToDoubleFunction;

/**
 * Shares (fractions summing to one: entries' ages or needs, the reasons children leave) drawn
 * with their estimation error: from the Dirichlet distribution whose concentration is the count
 * they were estimated from times each share. A replication pair draws one set, so the bands hold
 * how far the shares of a few hundred entries or exits could be from the true ones.
 */
public final class ShareDraw {

    private ShareDraw() {
    }

    /**
     * Each share an independent gamma variate of shape {@code count x share} (by the inverse of
     * its distribution function, at {@code uniform.applyAsDouble(j)}), divided by their sum. A
     * share of 0 stays 0. Each drawn share has mean the share and variance
     * share (1 - share) / (count + 1).
     *
     * @param shares  the estimated shares, summing to one
     * @param count   how many children they were counted from (the Dirichlet's total concentration)
     * @param uniform keyed uniforms in (0, 1), one per share index
     */
    public static double[] dirichlet(double[] shares, double count, IntToDoubleFunction uniform) {
        double[] out = new double[shares.length];
        double total = 0;
        for (int j = 0; j < shares.length; j++) {
            if (shares[j] > 0) {
                // No generator: only the inverse distribution function is used, on keyed uniforms.
                out[j] = new GammaDistribution(null, count * shares[j], 1, 1e-9).inverseCumulativeProbability(uniform.applyAsDouble(j));
                total += out[j];
            }
        }
        if (!(total > 0)) {
            return shares.clone();
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= total;
        }
        return out;
    }
}
