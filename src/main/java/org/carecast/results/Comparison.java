package org.carecast.results;

import org.carecast.engine.PairedSink;
import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;
import org.carecast.model.Provider;
import org.carecast.model.TimeGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Paired differences between a base scenario and each alternative, replication by replication.
 * Replication {@code i} of every scenario sees the same children and draws (common random
 * numbers), so a difference measures the change itself rather than luck; its band is as
 * narrow as the method allows. Every metric is oriented so that a positive value is what the
 * alternative buys (so no row of a table reads the other way round), except
 * {@link Metric#PAYBACK_MONTHS}.
 *
 * <p>Periods are the financial years of the horizon and "all" (the whole horizon; for
 * average-stock metrics the average over it). Replications are folded in index order into one
 * {@link QuantileSketch} per alternative, metric and period, so memory does not grow with the
 * number of replications and the figures do not depend on the thread count.
 */
public final class Comparison implements PairedSink {

    /** What a comparison reports, with its unit. */
    public enum Metric {
        /** Base spend minus the alternative's, in pounds, net of the alternative's own running and capital costs. */
        SAVING("saving", "pounds"),
        /** Saving from the start of the horizon to the end of each financial year, in pounds. Years only. */
        CUMULATIVE_SAVING("cumulative_saving", "pounds"),
        /** Average children placed out of borough, base minus alternative. */
        KEPT_IN_BOROUGH("children_kept_in_borough", "children"),
        /** Average children in external (bought) placements, base minus alternative. */
        EXTERNAL_AVOIDED("external_placements_avoided", "children"),
        /** Placements that missed the first choice, base minus alternative. */
        SPILL_OVER_AVOIDED("spill_over_avoided", "placements"),
        /** Placement breakdowns, base minus alternative. */
        BREAKDOWNS_AVOIDED("breakdowns_avoided", "placements"),
        /** Average children with 3+ placements in the last 12 months, base minus alternative. */
        THREE_PLUS_PLACEMENTS_AVOIDED("three_plus_placements_avoided", "children"),
        /**
         * Months from the start until the cumulative saving turns non-negative for good: 0 when
         * the alternative never falls behind, infinite when it is still behind at the end of
         * the horizon. Horizon only.
         */
        PAYBACK_MONTHS("payback_months", "months");

        private final String id;
        private final String unit;

        Metric(String id, String unit) {
            this.id = id;
            this.unit = unit;
        }

        public String id() {
            return id;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * One metric for one period of one alternative: the distribution of the paired difference,
     * and the share of replications in which the alternative does better on it (costs less,
     * keeps more children local, fewer children with 3+ placements, pays back within the horizon).
     */
    public record Row(String scenario, Metric metric, String period, Summary summary, double probabilityBetter) {
    }

    private static final int METRICS = Metric.values().length;
    private static final int WINDOW = 64;

    private final Model base;
    private final List<Model> alternatives;
    private final int replications;
    private final String[] periods;
    private final int[] firstMonth;
    private final int[] endMonth;
    /** One cell per alternative, metric and period: index {@link #cell}. */
    private final QuantileSketch[] cells;
    /** Replications in which the alternative did better, per cell. */
    private final int[] better;
    private final ReplicationOrder<double[]> order;

    /** {@code models.get(0)} is the base; the rest are alternatives. All must share start and horizon. */
    public Comparison(List<Model> models, int replications) {
        this(models, replications, QuantileSketch.DEFAULT_EXACT_LIMIT);
    }

    /** @param exactLimit replications whose values are kept for exact percentiles (see {@link QuantileSketch}) */
    public Comparison(List<Model> models, int replications, int exactLimit) {
        this.base = models.get(0);
        this.alternatives = List.copyOf(models.subList(1, models.size()));
        this.replications = replications;
        TimeGrid time = base.time();
        int years = time.financialYearCount();
        periods = Arrays.copyOf(time.financialYears(), years + 1);
        periods[years] = "all";
        // Each financial year's months, then the whole horizon.
        firstMonth = Arrays.copyOf(time.yearFirstMonth(), years + 1);
        endMonth = Arrays.copyOf(time.yearEndMonth(), years + 1);
        firstMonth[years] = 0;
        endMonth[years] = time.months();
        cells = new QuantileSketch[alternatives.size() * METRICS * periods.length];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = new QuantileSketch(exactLimit, replications);
        }
        better = new int[cells.length];
        order = new ReplicationOrder<>(this::fold, WINDOW);
    }

    private int cell(int alternative, Metric metric, int period) {
        return (alternative * METRICS + metric.ordinal()) * periods.length + period;
    }

    /** Payback is a horizon-only metric, cumulative saving a years-only one; their other cells stay empty. */
    private boolean reported(Metric metric, int period) {
        boolean horizon = period == periods.length - 1;
        return switch (metric) {
            case PAYBACK_MONTHS -> horizon;
            case CUMULATIVE_SAVING -> !horizon;
            default -> true;
        };
    }

    @Override
    public void accept(int replication, ReplicationResult[] results) {
        order.deliver(replication, differences(results));
    }

    /** The number of paired figures a replication gives (alternatives x metrics x periods). */
    public int cells() {
        return cells.length;
    }

    /**
     * Folds paired figures computed elsewhere (a shard of the comparison, see {@link #differences})
     * as replication {@code replication}: in the same order, the same rows as a single run.
     */
    public void acceptDifferences(int replication, double[] differences) {
        if (differences.length != cells.length) {
            throw new IllegalArgumentException(differences.length + " figures for " + cells.length + " cells");
        }
        order.deliver(replication, differences);
    }

    /** One replication's paired figures, base first in {@code results}. */
    public double[] differences(ReplicationResult[] results) {
        double[] differences = new double[cells.length];
        double[] baseSpend = monthlySpend(results[0]);
        double[][] baseLevels = levels(base, results[0], baseSpend);
        for (int a = 0; a < alternatives.size(); a++) {
            double[] altSpend = monthlySpend(results[a + 1]);
            double[][] altLevels = levels(alternatives.get(a), results[a + 1], altSpend);
            for (Metric metric : Metric.values()) {
                if (metric == Metric.PAYBACK_MONTHS) {
                    continue;
                }
                int k = metric.ordinal();
                for (int p = 0; p < periods.length; p++) {
                    double difference = baseLevels[k][p] - altLevels[k][p];
                    differences[cell(a, metric, p)] = difference;
                }
            }
            differences[cell(a, Metric.PAYBACK_MONTHS, periods.length - 1)] = payback(baseSpend, altSpend);
        }
        return differences;
    }

    private void fold(double[] differences) {
        for (int a = 0; a < alternatives.size(); a++) {
            for (Metric metric : Metric.values()) {
                for (int p = 0; p < periods.length; p++) {
                    if (!reported(metric, p)) {
                        continue;
                    }
                    int c = cell(a, metric, p);
                    double d = differences[c];
                    cells[c].add(d);
                    boolean isBetter = switch (metric) {
                        case PAYBACK_MONTHS -> d < Double.POSITIVE_INFINITY;
                        default -> d > 0;
                    };
                    if (isBetter) {
                        better[c]++;
                    }
                }
            }
        }
    }

    /**
     * One scenario's own figures in one replication, per metric (indexed by ordinal, payback
     * excepted) and period, before differencing: spend, average children out of borough and in
     * external placements, spill-over, breakdowns, average children with 3+ placements.
     */
    private double[][] levels(Model model, ReplicationResult r, double[] spend) {
        double[][] out = new double[Metric.values().length][periods.length];
        for (int p = 0; p < periods.length; p++) {
            int from = firstMonth[p];
            int to = endMonth[p];
            out[Metric.SAVING.ordinal()][p] = sum(spend, from, to);
            out[Metric.CUMULATIVE_SAVING.ordinal()][p] = sum(spend, 0, to);
            out[Metric.KEPT_IN_BOROUGH.ordinal()][p] = averageIn(model, r, from, to, true);
            out[Metric.EXTERNAL_AVOIDED.ordinal()][p] = averageIn(model, r, from, to, false);
            out[Metric.SPILL_OVER_AVOIDED.ordinal()][p] = sum(r.spillOver, from * r.types, to * r.types);
            out[Metric.BREAKDOWNS_AVOIDED.ordinal()][p] = sum(r.breakdowns, from, to);
            out[Metric.THREE_PLUS_PLACEMENTS_AVOIDED.ordinal()][p] = sum(r.threePlusPlacements, from, to) / (to - from);
        }
        return out;
    }

    /** Every metric and period of every alternative, in order; every replication must have been delivered. */
    public List<Row> rows() {
        int delivered = order.delivered();
        if (delivered != replications) {
            throw new IllegalStateException(delivered + " of " + replications + " replications delivered in order");
        }
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < alternatives.size(); a++) {
            for (Metric metric : Metric.values()) {
                for (int p = 0; p < periods.length; p++) {
                    if (reported(metric, p)) {
                        int c = cell(a, metric, p);
                        rows.add(new Row(alternatives.get(a).name(), metric, periods[p], cells[c].summary(),
                                (double) better[c] / replications));
                    }
                }
            }
        }
        return rows;
    }

    /** The distribution so far of the paired difference for one alternative, metric and period. */
    public QuantileSketch distribution(int alternative, Metric metric, String period) {
        int p = Arrays.asList(periods).indexOf(period);
        if (p < 0 || !reported(metric, p)) {
            throw new IllegalArgumentException("no period " + period + " for " + metric.id());
        }
        return cells[cell(alternative, metric, p)];
    }

    public String[] periods() {
        return periods.clone();
    }

    public int replications() {
        return replications;
    }

    // ---- per-replication measures ----

    private static double[] monthlySpend(ReplicationResult r) {
        double[] spend = new double[r.months];
        for (int m = 0; m < r.months; m++) {
            spend[m] = r.totalSpend(m);
        }
        return spend;
    }

    /** Average number of children out of borough ({@code outOfBorough}) or in external provision, over months. */
    private static double averageIn(Model model, ReplicationResult r, int from, int to, boolean outOfBorough) {
        double childDays = 0;
        for (int t = 0; t < r.types; t++) {
            boolean external = model.placements().providers()[t] == Provider.EXTERNAL;
            for (int m = from; m < to; m++) {
                if (outOfBorough) {
                    childDays += r.outOfBoroughDays[m * r.types + t];
                } else if (external) {
                    childDays += r.childDays[m * r.types + t];
                }
            }
        }
        double days = model.time().monthStartDay()[to] - model.time().monthStartDay()[from];
        return childDays / days;
    }

    private static double sum(int[] a, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += a[i];
        }
        return total;
    }

    private static double sum(double[] a, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += a[i];
        }
        return total;
    }

    /**
     * Months until the alternative has paid for itself: the month after the last one in which
     * the cumulative saving is negative. Zero when it never falls behind; infinite when it is
     * still behind at the end of the horizon.
     */
    private static double payback(double[] baseSpend, double[] altSpend) {
        double cumulative = 0;
        int lastBehind = -1;
        for (int m = 0; m < baseSpend.length; m++) {
            cumulative += baseSpend[m] - altSpend[m];
            if (cumulative < 0) {
                lastBehind = m;
            }
        }
        if (cumulative < 0) {
            return Double.POSITIVE_INFINITY;
        }
        return lastBehind + 1;
    }
}
