package org.carecast.results;

import org.carecast.engine.PairedSink;
import org.carecast.engine.ReplicationResult;

import java.util.List;

/**
 * A batch of variants of one scenario run together, replication by replication, the first batch
 * with the scenario as written (the base) in front: every variant sees the same children and the
 * same luck as the base (each replication depends on the seed and its index alone, whichever batch
 * runs it), so its difference from the base measures the change and not chance. Per variant and
 * output it keeps each replication's value (outputs x variants x replications doubles), written
 * by index, so the figures do not depend on the thread count.
 */
public final class Sweep implements PairedSink {

    /**
     * One variant's figure for one output.
     *
     * @param summary    the output over the replications (mean and percentiles)
     * @param difference mean paired difference from the base (0 for the base itself)
     * @param error      standard error of that difference
     */
    public record Figure(Summary summary, double difference, double error) {
    }

    private final List<SensitivityOutput> outputs;
    private final double[][][] values;
    private final int first;

    /**
     * @param variants how many variants this batch runs, the base not counted
     * @param withBase whether the batch runs the base in front of its variants (the first batch
     *                 does; later ones reuse its values, which would come out the same)
     */
    public Sweep(List<SensitivityOutput> outputs, int variants, int replications, boolean withBase) {
        this.outputs = List.copyOf(outputs);
        this.first = withBase ? 1 : 0;
        this.values = new double[outputs.size()][variants + first][replications];
    }

    @Override
    public void accept(int replication, ReplicationResult[] results) {
        for (int o = 0; o < outputs.size(); o++) {
            for (int v = 0; v < results.length; v++) {
                values[o][v][replication] = outputs.get(o).of(results[v]);
            }
        }
    }

    /** The base's values of output {@code o}, by replication (a batch run with the base). */
    public double[] base(int o) {
        if (first == 0) {
            throw new IllegalStateException("this batch ran without the base");
        }
        return values[o][0];
    }

    /** Variant {@code v} (from 0, within this batch) on output {@code o}, paired with {@code base} (by replication). */
    public Figure figure(int o, int v, double[] base) {
        double[] x = values[o][v + first];
        double[] d = Sensitivity.difference(x, base);
        return new Figure(Summary.of(x.clone()), d[0], d[1]);
    }

    /** The base on output {@code o}. */
    public Figure baseFigure(int o) {
        return new Figure(Summary.of(base(o).clone()), 0, 0);
    }
}
