package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.engine.ResultSink;
import org.carecast.model.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds replications into per-cell value arrays as they finish, storing each replication's
 * value at its own index so that the result is the same whatever order threads deliver
 * replications in. Memory is (cells x replications) doubles; children's records are never
 * kept. {@link #projection()} turns the arrays into percentile summaries.
 */
public final class Aggregator implements ResultSink {

    private final Model model;
    private final List<Series> series;
    /** values[s][period][replication]. */
    private final double[][][] values;
    private final int replications;

    public Aggregator(Model model, int replications) {
        this.model = model;
        this.replications = replications;
        this.series = OutputSeries.of(model);
        this.values = new double[series.size()][][];
        for (int s = 0; s < series.size(); s++) {
            values[s] = new double[series.get(s).periods().length][replications];
        }
    }

    @Override
    public void accept(int replication, ReplicationResult result) {
        for (int s = 0; s < series.size(); s++) {
            Series.Value value = series.get(s).value();
            double[][] cells = values[s];
            for (int p = 0; p < cells.length; p++) {
                cells[p][replication] = value.of(result, p);
            }
        }
    }

    /** The value of every replication for one series and period (a copy). */
    public double[] values(String table, String metric, String group, int period) {
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            if (x.table().equals(table) && x.metric().equals(metric) && x.group().equals(group)) {
                return values[s][period].clone();
            }
        }
        throw new IllegalArgumentException("no series " + table + "/" + metric + "/" + group);
    }

    /** Percentile summaries of every series and period. */
    public Projection projection() {
        List<Projection.Row> rows = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            for (int p = 0; p < x.periods().length; p++) {
                rows.add(new Projection.Row(x.table(), x.metric(), x.group(), x.unit(), x.periods()[p],
                        Summary.of(values[s][p])));
            }
        }
        Map<String, String> labels = new HashMap<>();
        for (int t = 0; t < model.types(); t++) {
            labels.put(model.placements().ids()[t], model.placements().labels()[t]);
        }
        for (int l = 0; l < model.costLines().size(); l++) {
            labels.put(model.costLines().ids()[l], model.costLines().labels()[l]);
        }
        return new Projection(model.name(), model.time().start(), model.time().months(), replications, rows, labels);
    }
}
