package org.carecast.results;

/**
 * How much of a figure's spread over replications comes from the drawn assumptions and how
 * much from chance, by the law of total variance: Var(Y) = E[Var(Y | assumptions)] +
 * Var(E[Y | assumptions]). Replications come in pairs that share every drawn assumption and
 * differ only in chance, so half the mean squared difference within a pair estimates the first
 * term (chance); the rest of the total variance is the assumptions' part.
 *
 * @param table    the table of the figure
 * @param metric   the figure
 * @param group    its group ("all")
 * @param period   its period (a financial year, or a census month)
 * @param total    sample variance of the figure over all replications (its unit squared)
 * @param chance   estimated variance from chance alone: mean of (y1 - y2)^2 / 2 over pairs
 * @param pairs    pairs the chance part was estimated from
 */
public record VarianceSplit(Table table, OutputMetric metric, String group, String period, double total, double chance,
                            int pairs) {

    /** The share of the variance from the assumptions, 0 to 1 (estimates below 0 or above 1 are cut). */
    public double assumptionShare() {
        if (total <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - chance / total));
    }

    /** Folds a figure's values in replication order into a split. */
    static final class Accumulator {
        private final Table table;
        private final OutputMetric metric;
        private final String group;
        private final String period;
        private long n;
        private double mean;
        private double m2;
        private double pending = Double.NaN;
        private double pairSquares;
        private int pairs;

        Accumulator(Table table, OutputMetric metric, String group, String period) {
            this.table = table;
            this.metric = metric;
            this.group = group;
            this.period = period;
        }

        /** Adds the value of the next replication (replications 2k and 2k + 1 form a pair). */
        void add(double y) {
            n++;
            double delta = y - mean;
            mean += delta / n;
            m2 += delta * (y - mean);
            if (n % 2 == 1) {
                pending = y;
            } else {
                double d = y - pending;
                pairSquares += d * d / 2;
                pairs++;
            }
        }

        VarianceSplit split() {
            return new VarianceSplit(table, metric, group, period, n > 1 ? m2 / (n - 1) : 0,
                    pairs > 0 ? pairSquares / pairs : 0, pairs);
        }
    }
}
