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
 */
public record Series(Table table, OutputMetric metric, String group, String[] periods, Value value) {

    /** Reads one period's value from one replication's tallies. */
    @FunctionalInterface
    public interface Value {
        double of(ReplicationResult result, int period);
    }
}
