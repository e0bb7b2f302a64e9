package org.carecast.results;

/**
 * A fixed number of figures per replication (a region's totals by council and year, say),
 * folded in replication order into one {@link QuantileSketch} each, whatever order the workers
 * finish in: the same summaries whatever the thread count, and memory that does not grow with
 * the number of replications (each figure's values kept for exact percentiles up to the
 * sketch's limit, then a histogram), as for a run's own cells ({@link Aggregator}).
 */
public final class FigureSummaries {

    /** Replications a fast worker may run ahead of the oldest unfinished one. */
    private static final int WINDOW = 64;

    private final QuantileSketch[] sketches;
    private final ReplicationOrder<double[]> order;
    private final int replications;

    /** @param figures values each replication gives; @param replications how many replications will be given */
    public FigureSummaries(int figures, int replications) {
        this.replications = replications;
        sketches = new QuantileSketch[figures];
        for (int f = 0; f < figures; f++) {
            sketches[f] = new QuantileSketch(QuantileSketch.DEFAULT_EXACT_LIMIT, replications);
        }
        order = new ReplicationOrder<>(this::fold, WINDOW);
    }

    /** Replication {@code replication}'s figures, one value per figure, in any thread and any order. */
    public void accept(int replication, double[] values) {
        if (values.length != sketches.length) {
            throw new IllegalArgumentException(values.length + " values for " + sketches.length + " figures");
        }
        order.deliver(replication, values);
    }

    private void fold(double[] values) {
        for (int f = 0; f < values.length; f++) {
            sketches[f].add(values[f]);
        }
    }

    /** The mean and percentiles of figure {@code figure}; every replication must have been given. */
    public Summary summary(int figure) {
        int delivered = order.delivered();
        if (delivered != replications) {
            throw new IllegalStateException(delivered + " of " + replications + " replications given in order");
        }
        return sketches[figure].summary();
    }
}
