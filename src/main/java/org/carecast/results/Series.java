package org.carecast.results;

import org.carecast.engine.ReplicationResult;

/**
 * One output quantity over periods, e.g. "spend on council_foster per month" or "total spend
 * per financial year": how to read its value for one period from a replication, and how to
 * label it.
 *
 * @param table        the table it is reported in
 * @param metric       what it measures (its unit and id come from there)
 * @param group        placement type, exit reason, or {@code all}
 * @param periods      period labels: "2025-04" months or "2025/26" financial years
 * @param value        reads period {@code p} from one replication
 * @param fill         reads every period at once into an array (null: period by period through
 *                     {@code value}); for the large families of a run (a column of a tally laid
 *                     out month by month), where one call per cell would cost more than the read,
 *                     and for series derived from others (a yearly sum, the net cost), which read
 *                     the cells of the series before them, already filled; it gives exactly the
 *                     doubles {@code value} gives
 */
public record Series(Table table, OutputMetric metric, String group, String[] periods, Value value, Fill fill) {

    public Series(Table table, OutputMetric metric, String group, String[] periods, Value value) {
        this(table, metric, group, periods, value, null);
    }

    /** Reads one period's value from one replication's tallies. */
    @FunctionalInterface
    public interface Value {
        double of(ReplicationResult result, int period);
    }

    /**
     * Reads every period of a series into {@code out} from {@code offset}; the cells before
     * {@code offset} hold the same replication's earlier series and may be read.
     */
    @FunctionalInterface
    public interface Fill {
        void into(ReplicationResult result, double[] out, int offset);
    }

    /**
     * A series read all periods at a time by {@code fill}, which reads nothing but the
     * replication (not other series' cells). A run reads it that way, a loop the compiler can
     * specialise; a single period, rarely wanted, is read by filling them all.
     */
    static Series filled(Table table, OutputMetric metric, String group, String[] periods, Fill fill) {
        return new Series(table, metric, group, periods, (r, p) -> {
            double[] all = new double[periods.length];
            fill.into(r, all, 0);
            return all[p];
        }, fill);
    }

    /** Column {@code column} of a tally of {@code width} columns a row per period (census by type, say). */
    static Series column(Table table, OutputMetric metric, String group, String[] periods,
                         java.util.function.Function<ReplicationResult, int[]> tally, int column, int width) {
        int n = periods.length;
        return new Series(table, metric, group, periods, (r, p) -> tally.apply(r)[p * width + column], (r, out, offset) -> {
            int[] a = tally.apply(r);
            for (int p = 0, i = column; p < n; p++, i += width) {
                out[offset + p] = a[i];
            }
        });
    }

    /** As {@link #column(Table, OutputMetric, String, String[], java.util.function.Function, int, int)}, for a tally of amounts. */
    static Series amounts(Table table, OutputMetric metric, String group, String[] periods,
                          java.util.function.Function<ReplicationResult, double[]> tally, int column, int width) {
        int n = periods.length;
        return new Series(table, metric, group, periods, (r, p) -> tally.apply(r)[p * width + column], (r, out, offset) -> {
            double[] a = tally.apply(r);
            for (int p = 0, i = column; p < n; p++, i += width) {
                out[offset + p] = a[i];
            }
        });
    }
}
