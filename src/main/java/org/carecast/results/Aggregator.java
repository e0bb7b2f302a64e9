package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.engine.ResultSink;
import org.carecast.model.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds replications into one {@link QuantileSketch} per output cell (series x period) as they
 * finish. Each worker reads its replication's cell values in parallel; the values are then
 * folded in replication order through a {@link ReplicationOrder}, so the projection is the
 * same whatever the thread count. Memory does not grow with the number of replications: cells
 * x at most {@link QuantileSketch#DEFAULT_EXACT_LIMIT} values, plus a window of replications
 * waiting for an earlier one and a block waiting to be added. Children's records are never kept.
 */
public final class Aggregator implements ResultSink {

    /** Replications a fast worker may run ahead of the oldest unfinished one. */
    private static final int WINDOW = 64;
    /**
     * Replications folded into the sketches together, cell by cell: adding one value to each of
     * thousands of sketches in turn misses the cache on every one; adding a block of values to
     * one sketch at a time does not.
     */
    private static final int BLOCK = 64;

    private final Model model;
    private final List<Series> series;
    /** First cell of each series; cells are numbered series by series, period by period. */
    private final int[] firstCell;
    private final QuantileSketch[] cells;
    private final ReplicationOrder<double[]> order;
    private final int replications;
    /** Replications delivered in order but not yet added to the sketches: the first {@code blocked} of {@link #BLOCK}. */
    private final double[][] block = new double[BLOCK][];
    private int blocked;
    /**
     * Cell arrays to fill again once folded (a replication's 3,500 cells are 28 KB: allocating and
     * zeroing one per replication is a sixth of the fold), and the arrays this aggregator filled
     * itself, the only ones it reuses. At most the window and a block of them are in use at once.
     */
    private final java.util.Queue<double[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Set<double[]> own = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The headline cells whose spread is split into assumptions and chance, and their accumulators. */
    private final int[] splitCells;
    private final VarianceSplit.Accumulator[] splits;

    public Aggregator(Model model, int replications) {
        this(model, replications, QuantileSketch.DEFAULT_EXACT_LIMIT);
    }

    /** @param exactLimit replications whose values are kept for exact percentiles (see {@link QuantileSketch}) */
    public Aggregator(Model model, int replications, int exactLimit) {
        this.model = model;
        this.replications = replications;
        this.series = OutputSeries.of(model);
        this.firstCell = new int[series.size() + 1];
        for (int s = 0; s < series.size(); s++) {
            firstCell[s + 1] = firstCell[s] + series.get(s).periods().length;
        }
        this.cells = new QuantileSketch[firstCell[series.size()]];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = new QuantileSketch(exactLimit, replications);
        }
        this.order = new ReplicationOrder<>(this::fold, WINDOW);
        List<Integer> tracked = new ArrayList<>();
        List<VarianceSplit.Accumulator> accumulators = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            boolean money = x.table() == Table.YEARLY && x.group().equals("all")
                    && (x.metric() == OutputMetric.NET_COST || x.metric() == OutputMetric.PRESSURE);
            boolean children = x.table() == Table.MONTHLY && x.group().equals("all") && x.metric() == OutputMetric.CHILDREN;
            for (int p = 0; p < x.periods().length; p++) {
                if (money || (children && p == x.periods().length - 1)) {
                    tracked.add(firstCell[s] + p);
                    accumulators.add(new VarianceSplit.Accumulator(x.table(), x.metric(), x.group(), x.periods()[p]));
                }
            }
        }
        this.splitCells = tracked.stream().mapToInt(Integer::intValue).toArray();
        this.splits = accumulators.toArray(new VarianceSplit.Accumulator[0]);
    }

    @Override
    public void accept(int replication, ReplicationResult result) {
        accept(replication, result, values -> { });
    }

    /**
     * As {@link #accept(int, ReplicationResult)}, letting {@code read} read the replication's
     * cell values ({@link #values}' order) first, in the calling thread: once handed on they may
     * be folded and their array reused at any moment.
     */
    public void accept(int replication, ReplicationResult result, java.util.function.Consumer<double[]> read) {
        double[] values = spare.poll();
        if (values == null) {
            values = new double[cells.length];
            own.add(values);
        }
        fill(result, values);
        read.accept(values);
        order.deliver(replication, values);
    }

    /** The number of output cells (series x periods) a replication gives. */
    public int cells() {
        return cells.length;
    }

    /** One replication's value of every output cell, in the order {@link #acceptValues} takes them. */
    public double[] values(ReplicationResult result) {
        return fill(result, new double[cells.length]);
    }

    /** Writes every cell of {@code values} (every series fills all its periods), so a used array will do. */
    private double[] fill(ReplicationResult result, double[] values) {
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            if (x.fill() != null) {
                x.fill().into(result, values, firstCell[s]);
                continue;
            }
            Series.Value value = x.value();
            for (int c = firstCell[s]; c < firstCell[s + 1]; c++) {
                values[c] = value.of(result, c - firstCell[s]);
            }
        }
        return values;
    }

    /**
     * Folds cell values computed elsewhere (a shard of the run, see {@link #values}) as
     * replication {@code replication}: the same figures, folded in the same order, give the
     * same projection as a single run.
     */
    public void acceptValues(int replication, double[] values) {
        if (values.length != cells.length) {
            throw new IllegalArgumentException(values.length + " values for " + cells.length + " cells");
        }
        order.deliver(replication, values);
    }

    /** Called in replication order (under the reorder buffer's lock). */
    private void fold(double[] values) {
        for (int i = 0; i < splitCells.length; i++) {
            splits[i].add(values[splitCells[i]]);
        }
        block[blocked++] = values;
        if (blocked == BLOCK) {
            flush();
        }
    }

    private void flush() {
        for (int c = 0; c < cells.length; c++) {
            cells[c].addColumn(block, blocked, c);
        }
        for (int i = 0; i < blocked; i++) {
            // Only arrays this aggregator filled itself go back for reuse (not a shard's, handed in).
            if (own.contains(block[i])) {
                spare.offer(block[i]);
            }
            block[i] = null;
        }
        blocked = 0;
    }

    /** Adds the last, partial block; called once the simulation has finished. */
    private void flushAll() {
        order.afterFolds(this::flush);
    }

    /** Where one series' period sits in {@link #values}, or -1 when the run has no such series. */
    public int cellIndex(Table table, OutputMetric metric, String group, int period) {
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            if (x.table() == table && x.metric() == metric && x.group().equals(group)) {
                return period < x.periods().length ? firstCell[s] + period : -1;
            }
        }
        return -1;
    }

    /** The periods of one series (financial years, months), or none when the run has no such series. */
    public String[] periods(Table table, OutputMetric metric, String group) {
        for (Series x : series) {
            if (x.table() == table && x.metric() == metric && x.group().equals(group)) {
                return x.periods();
            }
        }
        return new String[0];
    }

    /** The distribution so far of one series in one period. */
    public QuantileSketch cell(Table table, OutputMetric metric, String group, int period) {
        flushAll();
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            if (x.table() == table && x.metric() == metric && x.group().equals(group)) {
                return cells[firstCell[s] + period];
            }
        }
        throw new IllegalArgumentException("no series " + table + "/" + metric + "/" + group);
    }

    /** Percentile summaries of every series and period, on all cores; every replication must have been delivered. */
    public Projection projection() {
        return projection(Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #projection()}, on at most {@code threads} threads (a run's own thread count):
     * the figures are the same on any number.
     */
    public Projection projection(int threads) {
        int delivered = order.delivered();
        if (delivered != replications) {
            throw new IllegalStateException(delivered + " of " + replications + " replications delivered in order");
        }
        flushAll();
        // Each cell's percentiles on its own (a selection among a default run's 1,000 values per
        // cell, 3,611 cells for the baseline): spread over the cores, each cell's figures the
        // same on any thread, put back in cell order.
        Summary[] summaries = new Summary[cells.length];
        double[] above = new double[cells.length];
        java.util.function.IntConsumer summarise = c -> {
            summaries[c] = cells[c].summary();
            above[c] = cells[c].shareAboveZero();
        };
        if (threads <= 1) {
            for (int c = 0; c < cells.length; c++) {
                summarise.accept(c);
            }
        } else {
            // A parallel stream started from a pool's task runs in that pool: at most the run's threads.
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                pool.submit(() -> java.util.stream.IntStream.range(0, cells.length).parallel().forEach(summarise)).join();
            } finally {
                pool.shutdown();
            }
        }
        List<Projection.Row> rows = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            for (int p = 0; p < x.periods().length; p++) {
                int c = firstCell[s] + p;
                rows.add(new Projection.Row(x.table(), x.metric(), x.group(), x.periods()[p], summaries[c], above[c]));
            }
        }
        Map<String, String> labels = new HashMap<>();
        for (int t = 0; t < model.types(); t++) {
            labels.put(model.placements().ids()[t], model.placements().labels()[t]);
        }
        for (int l = 0; l < model.costLines().size(); l++) {
            labels.put(model.costLines().ids()[l], model.costLines().labels()[l]);
        }
        for (int l = 0; l < model.finance().lines(); l++) {
            labels.putIfAbsent(model.finance().lineIds()[l], model.finance().lineLabels()[l]);
        }
        for (int i = 0; i < model.finance().incomes(); i++) {
            labels.putIfAbsent(model.finance().incomeIds()[i], model.finance().incomeLabels()[i]);
        }
        labels.put(Money.UNBUDGETED, "Not in any budget line (new provision, interventions)");
        return new Projection(model.name(), model.time().start(), model.time().months(), replications, rows, labels,
                model.finance().placeholderBudgets(),
                java.util.Arrays.stream(splits).map(VarianceSplit.Accumulator::split).toList(), model.history());
    }
}
