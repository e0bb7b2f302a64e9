package org.carecast.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run projects: for every output series and period, the distribution over
 * replications. This is what reporters write; it holds no per-replication data.
 *
 * @param scenario     scenario name
 * @param start        first simulated day
 * @param months       horizon in months
 * @param replications replications summarised
 * @param rows         one row per series and period
 * @param labels       readable names of groups (placement types, intervention cost lines) by id
 * @param placeholderBudgets whether the budgets (and so pressure) are placeholders, not a council's budget book
 * @param splits       for the headline figures (yearly net cost and pressure, children in care at
 *                     the end), how much of their spread comes from drawn assumptions and how much from chance
 * @param history      what happened before the start (the scenario's actuals), for charts that continue the past
 */
public record Projection(String scenario, LocalDate start, int months, int replications, List<Row> rows,
                         Map<String, String> labels, boolean placeholderBudgets, List<VarianceSplit> splits,
                         org.carecast.model.History history, Map<String, List<Row>> index) {

    public Projection(String scenario, LocalDate start, int months, int replications, List<Row> rows,
                      Map<String, String> labels, boolean placeholderBudgets, List<VarianceSplit> splits,
                      org.carecast.model.History history) {
        this(scenario, start, months, replications, rows, labels, placeholderBudgets, splits, history, index(rows));
    }

    public Projection {
        rows = List.copyOf(rows);
        labels = Map.copyOf(labels);
        splits = List.copyOf(splits);
    }

    /** The same projection without variance splits: for a run that draws no assumption, where a split means nothing. */
    public Projection withoutSplits() {
        return new Projection(scenario, start, months, replications, rows, labels, placeholderBudgets, List.of(), history, index);
    }

    /** The variance split of one figure, if the run measured it. */
    public Optional<VarianceSplit> split(Table table, OutputMetric metric, String group, String period) {
        return splits.stream().filter(s -> s.table() == table && s.metric() == metric && s.group().equals(group)
                && s.period().equals(period)).findFirst();
    }

    /** Rows by table, metric and group, each series in period order: reporters look rows up by these. */
    private static Map<String, List<Row>> index(List<Row> rows) {
        Map<String, List<Row>> index = new java.util.HashMap<>();
        for (Row r : rows) {
            index.computeIfAbsent(key(r.table(), r.metric(), r.group()), k -> new java.util.ArrayList<>()).add(r);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(index);
    }

    private static String key(Table table, OutputMetric metric, String group) {
        return table.name() + '/' + metric.name() + '/' + group;
    }

    /** The readable name of a group, or the group id itself when it has none (e.g. "all"). */
    public String label(String group) {
        return labels.getOrDefault(group, group);
    }

    /**
     * One period of one series; {@code shareAboveZero} is the share of replications in which the
     * value was above zero (for pressure: the chance of an overspend).
     */
    public record Row(Table table, OutputMetric metric, String group, String period, Summary summary,
                      double shareAboveZero) {

        /** The metric's unit. */
        public String unit() {
            return metric.unit();
        }
    }

    /** Every row of one table, in the order reported. */
    public List<Row> table(Table table) {
        return rows.stream().filter(r -> r.table() == table).toList();
    }

    /** One period of one series, if the run reports it. */
    public Optional<Row> find(Table table, OutputMetric metric, String group, String period) {
        for (Row r : series(table, metric, group)) {
            if (r.period().equals(period)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** One series in period order; empty when the run does not report it (no budget, no income). */
    public List<Row> series(Table table, OutputMetric metric, String group) {
        return index.getOrDefault(key(table, metric, group), List.of());
    }
}
