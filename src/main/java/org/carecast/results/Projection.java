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
 */
public record Projection(String scenario, LocalDate start, int months, int replications, List<Row> rows,
                         Map<String, String> labels) {

    public Projection {
        rows = List.copyOf(rows);
        labels = Map.copyOf(labels);
    }

    /** The readable name of a group, or the group id itself when it has none (e.g. "all"). */
    public String label(String group) {
        return labels.getOrDefault(group, group);
    }

    /**
     * One period of one series; {@code shareAboveZero} is the share of replications in which the
     * value was above zero (for pressure: the chance of an overspend).
     */
    public record Row(String table, String metric, String group, String unit, String period, Summary summary,
                      double shareAboveZero) {
    }

    public List<Row> table(String table) {
        return rows.stream().filter(r -> r.table().equals(table)).toList();
    }

    public Optional<Row> find(String table, String metric, String group, String period) {
        return rows.stream().filter(r -> r.table().equals(table) && r.metric().equals(metric)
                && r.group().equals(group) && r.period().equals(period)).findFirst();
    }

    public List<Row> series(String table, String metric, String group) {
        return rows.stream().filter(r -> r.table().equals(table) && r.metric().equals(metric)
                && r.group().equals(group)).toList();
    }
}
