package org.carecast.benchmarks;

import org.carecast.engine.Replication;
import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;
import org.carecast.results.Aggregator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What aggregation costs a replication of the Oldham baseline, apart from the simulation: one
 * replication's result is simulated once in setup and then aggregated over and over.
 * <ul>
 *   <li>{@code cellValues}: reading its value of every output cell (counts, flows, money by
 *       month and year) into one array, as every run and every shard does;</li>
 *   <li>{@code cellValuesAndFold}: that, and folding the values into the run's percentile
 *       sketches and variance splits in replication order, as a single run does.</li>
 * </ul>
 * The result is marked as a new replication before each call ({@code serial}), so the monthly
 * money a replication caches is worked out afresh each time, as it is in a real run. Compare the
 * scores with {@code ReplicationBenchmark}'s time per replication (about 0.8 ms) for the share
 * aggregation takes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AggregationBenchmark {

    /** More than any measurement folds, so every fold goes into the fixed-size histograms of a large run. */
    private static final int DECLARED_REPLICATIONS = 10_000_000;

    private Model model;
    private ReplicationResult result;
    private Aggregator aggregator;
    private int replication;

    @Setup(Level.Trial)
    public void simulateOnce() {
        model = Scenarios.load("oldham-baseline");
        result = new Replication(model).run(20250401L, 0);
    }

    @Setup(Level.Iteration)
    public void freshAggregator() {
        aggregator = new Aggregator(model, DECLARED_REPLICATIONS);
        replication = 0;
    }

    @Benchmark
    public double[] cellValues() {
        result.serial++;
        return aggregator.values(result);
    }

    @Benchmark
    public Aggregator cellValuesAndFold() {
        result.serial++;
        aggregator.accept(replication++, result);
        return aggregator;
    }
}
