package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of councils that share places, replication by replication, by financial year:
 * each council's children at the year's end, spend, net cost and spill-over, its children in
 * the shared types (one figure, summed over them) and, against a base region of the same
 * councils, the net cost it saves and the spill-over it avoids; and the region's, the
 * councils' figures summed in council order within each replication. Each council's own output
 * cells are folded into its {@link Aggregator} on the way (its report is a run's), and the
 * figures are read from those cells, so a council's figure here is the one its report gives.
 *
 * <p>Per replication the figures are one array, {@code [council, or the region at index n][figure][year]},
 * folded in replication order ({@link FigureSummaries}): the same summaries whatever the thread
 * count. A figure a council's scenario has no series for is absent, for it and for the region.
 */
public final class RegionFigures {

    /** A figure's name in region.csv and its unit. */
    public record Figure(String name, String unit) {
    }

    /** A yearly series of every council, read from its cells and summed for the region. */
    private record Total(String name, OutputMetric metric) {
    }

    private static final List<Total> TOTALS = List.of(
            new Total("children_at_year_end", OutputMetric.CHILDREN_AT_YEAR_END),
            new Total("spend", OutputMetric.SPEND),
            new Total("net_cost", OutputMetric.NET_COST),
            new Total("spill_over", OutputMetric.SPILL_OVER));
    private static final int NET_COST = 2;
    private static final int SPILL_OVER = 3;

    private final List<Aggregator> councils;
    private final int n;
    private final String[] years;
    private final List<Figure> figures = new ArrayList<>();
    /** Where each council's figures sit in its cells: [council][total, then each shared type][year], -1 where it has none. */
    private final int[][][] cells;
    /** Whether there is a figure "children in the shared types" (the region pools any). */
    private final boolean shared;
    /** Against a base region: each council's yearly net cost and spill-over there, read from its replication's tallies; else null. */
    private final Series[] baseCost;
    private final Series[] baseSpill;
    private final boolean[][][] absent;
    private final int figureCells;
    private final FigureSummaries summaries;

    /**
     * @param councils     each council's aggregator, in the region's council order
     * @param base         each council's model in the base region (its central draw: the
     *                     series' shape), in the same order; empty when there is no base
     * @param pooledTypes  the types whose places the councils share
     * @param replications replications the run will give
     */
    public RegionFigures(List<Aggregator> councils, List<Model> base, List<String> pooledTypes, int replications) {
        this.councils = List.copyOf(councils);
        this.n = councils.size();
        this.years = councils.get(0).periods(Table.YEARLY, OutputMetric.NET_COST, "all");
        for (Total total : TOTALS) {
            figures.add(new Figure(total.name(), total.metric().unit()));
        }
        cells = new int[n][][];
        for (int k = 0; k < n; k++) {
            List<int[]> byFigure = new ArrayList<>();
            for (Total total : TOTALS) {
                byFigure.add(cellsOf(councils.get(k), total.metric(), "all"));
            }
            for (String type : pooledTypes) {
                byFigure.add(cellsOf(councils.get(k), OutputMetric.CHILDREN_PLACED_MEAN, type));
            }
            cells[k] = byFigure.toArray(new int[0][]);
        }
        shared = !pooledTypes.isEmpty();
        if (shared) {
            figures.add(new Figure("shared_places_children", "children"));
        }
        if (base.isEmpty()) {
            baseCost = null;
            baseSpill = null;
        } else {
            // Only two series of the base are wanted, so they are read from its tallies period by
            // period (the same doubles as its filled cells, SeriesFillTest), not all its cells.
            baseCost = new Series[n];
            baseSpill = new Series[n];
            for (int k = 0; k < n; k++) {
                List<Series> series = OutputSeries.of(base.get(k));
                baseCost[k] = find(series, OutputMetric.NET_COST);
                baseSpill[k] = find(series, OutputMetric.SPILL_OVER);
            }
            figures.add(new Figure("net_cost_saving", "pounds"));
            figures.add(new Figure("spill_over_avoided", "placements"));
        }
        figureCells = figures.size() * years.length;
        absent = new boolean[n + 1][figures.size()][years.length];
        for (int k = 0; k < n; k++) {
            for (int f = 0; f < TOTALS.size(); f++) {
                for (int y = 0; y < years.length; y++) {
                    absent[k][f][y] = cells[k][f][y] < 0;
                    absent[n][f][y] |= absent[k][f][y];
                }
            }
        }
        summaries = new FigureSummaries((n + 1) * figureCells, replications);
    }

    /** Where each year of one yearly series sits in a council's cells (-1: the council has no such series). */
    private int[] cellsOf(Aggregator a, OutputMetric metric, String group) {
        int[] at = new int[years.length];
        for (int y = 0; y < years.length; y++) {
            at[y] = a.cellIndex(Table.YEARLY, metric, group, y);
        }
        return at;
    }

    /** A yearly series every model reports; over the same years as this region's (RegionReader.checkSameCouncils). */
    private static Series find(List<Series> series, OutputMetric metric) {
        for (Series x : series) {
            if (x.table() == Table.YEARLY && x.metric() == metric && x.group().equals("all")) {
                return x;
            }
        }
        throw new IllegalStateException("no yearly " + metric.id() + " series");
    }

    /**
     * One replication: {@code results[k]} is council k's, and against a base
     * {@code results[n + k]} is council k's there. Folds each council's cells into its
     * aggregator and the figures into their summaries. Any thread, any order.
     */
    public void accept(int replication, ReplicationResult[] results) {
        double[] mine = new double[(n + 1) * figureCells];
        int sharedAt = TOTALS.size() * years.length;
        for (int k = 0; k < n; k++) {
            int at = k * figureCells;
            int[][] where = cells[k];
            councils.get(k).accept(replication, results[k], values -> {
                for (int f = 0; f < TOTALS.size(); f++) {
                    for (int y = 0; y < years.length; y++) {
                        mine[at + f * years.length + y] = where[f][y] < 0 ? 0 : values[where[f][y]];
                    }
                }
                for (int f = TOTALS.size(); f < where.length; f++) {
                    for (int y = 0; y < years.length; y++) {
                        mine[at + sharedAt + y] += where[f][y] < 0 ? 0 : values[where[f][y]];
                    }
                }
            });
            if (baseCost != null) {
                int saving = (TOTALS.size() + (shared ? 1 : 0)) * years.length;
                for (int y = 0; y < years.length; y++) {
                    mine[at + saving + y] = baseCost[k].value().of(results[n + k], y) - mine[at + NET_COST * years.length + y];
                    mine[at + saving + years.length + y] = baseSpill[k].value().of(results[n + k], y)
                            - mine[at + SPILL_OVER * years.length + y];
                }
            }
        }
        // The region's figures: the councils' summed in this replication, in council order.
        for (int c = 0; c < figureCells; c++) {
            double total = 0;
            for (int k = 0; k < n; k++) {
                total += mine[k * figureCells + c];
            }
            mine[n * figureCells + c] = total;
        }
        summaries.accept(replication, mine);
    }

    /** The financial years, in order. */
    public String[] years() {
        return years.clone();
    }

    /** The figures each council (and the region) has, in order. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Whether council {@code council} (n: the region) has figure {@code figure} in year {@code year}. */
    public boolean has(int council, int figure, int year) {
        return !absent[council][figure][year];
    }

    /** The distribution of one figure over the replications; every replication must have been given. */
    public Summary summary(int council, int figure, int year) {
        return summaries.summary(council * figureCells + figure * years.length + year);
    }
}
