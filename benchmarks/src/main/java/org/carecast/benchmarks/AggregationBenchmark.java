package org.carecast.benchmarks;

import org.carecast.engine.Replication;
import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;
import org.carecast.results.Aggregator;
import org.carecast.results.Projection;
import org.carecast.results.QuantileSketch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What aggregation costs a replication of the Oldham baseline, apart from the simulation:
 * {@value #DISTINCT} replications are simulated once in setup, as a run simulates them (each
 * pair with its own draw of the ranged assumptions), and then aggregated in turn over and over.
 * Distinct values matter: aggregating one replication again and again times a run in which
 * nothing varies, which flatters any way of keeping values that gains when they repeat (one was
 * tried, benchmarks/README.md). A few replications, not hundreds: a run aggregates the
 * replication its worker has just simulated, whose tallies are still in cache, and hundreds of
 * them cycled through would time reading them from memory instead.
 * <ul>
 *   <li>{@code cellValues}: reading its value of every output cell (counts, flows, money by
 *       month and year) into one array, as every run and every shard does;</li>
 *   <li>{@code cellValuesAndFold}: that, and folding the values into the run's percentile
 *       sketches and variance splits in replication order, as a single run does, in a run of
 *       the default 1,000 replications, where every value is kept for exact percentiles (every
 *       1,000th call starts a new run, so setting one up is included, shared over its
 *       replications);</li>
 *   <li>{@code cellValuesAndFoldLargeRun}: the same past the first 1,000 replications of a
 *       large run, where each cell's values go into a fixed-size histogram;</li>
 *   <li>{@code setUpADefaultRun}: making a default run's summaries, in microseconds per run
 *       (its 3,521 cells' room for 1,000 values each; divide by 1,000 for its share of each
 *       replication in {@code cellValuesAndFold});</li>
 *   <li>{@code percentilesOfADefaultRun}: what a default run does once at the end, in
 *       microseconds per run: the mean and percentiles of every cell from its 1,000 values
 *       (divide by 1,000 for its share of each replication).</li>
 * </ul>
 * Compare the
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
    /** A default run: every value kept, percentiles exact. */
    private static final int DEFAULT_RUN = 1000;
    private static final long SEED = 20250401L;

    /** Replications simulated in setup and aggregated in turn. */
    static final int DISTINCT = 8;

    private Model model;
    private ReplicationResult[] results;
    private int next;
    private Aggregator aggregator;
    private int replication;
    private Aggregator defaultRun;
    private int defaultRunReplication;

    /** The scenario (under scenarios/, without .yaml): the baseline the target is set for, or a peer model ({@code ../benchmarks/peer/erlang-4}). */
    @Param({"oldham-baseline"})
    public String scenario;

    @Setup(Level.Trial)
    public void simulateOnce() {
        ReplicationModels draws = Scenarios.draws(scenario, SEED);
        model = draws.central();
        results = new ReplicationResult[DISTINCT];
        for (int r = 0; r < DISTINCT; r++) {
            // An engine each: an engine reuses its result object for its next replication.
            results[r] = new Replication(draws.forReplication(r)).run(SEED, r);
        }
    }

    /** The next of the distinct replications, in turn. */
    private ReplicationResult result() {
        ReplicationResult result = results[next];
        next = (next + 1) % DISTINCT;
        return result;
    }

    @Setup(Level.Iteration)
    public void freshAggregator() {
        aggregator = new Aggregator(model, DECLARED_REPLICATIONS);
        replication = 0;
        for (int r = 0; r < QuantileSketch.DEFAULT_EXACT_LIMIT; r++) {
            aggregator.accept(replication++, result());
        }
        defaultRun = new Aggregator(model, DEFAULT_RUN);
        defaultRunReplication = 0;
    }

    @Benchmark
    public double[] cellValues() {
        return aggregator.values(result());
    }

    @Benchmark
    public Aggregator cellValuesAndFold() {
        if (defaultRunReplication == DEFAULT_RUN) {
            defaultRun = new Aggregator(model, DEFAULT_RUN);
            defaultRunReplication = 0;
        }
        defaultRun.accept(defaultRunReplication++, result());
        return defaultRun;
    }

    /** Setting up a default run's summaries (its share of {@code cellValuesAndFold}: a thousandth of this). */
    @Benchmark
    public Aggregator setUpADefaultRun() {
        return new Aggregator(model, DEFAULT_RUN);
    }

    @Benchmark
    public Projection percentilesOfADefaultRun(FullRun run) {
        return run.aggregator.projection();
    }

    /**
     * A default run's 1,000 replications, each simulated (as a run draws them) and folded once:
     * the percentiles' cost depends on how the values are spread, so they are a run's, not the
     * eight distinct replications the other benchmarks cycle through.
     */
    @State(Scope.Thread)
    public static class FullRun {
        Aggregator aggregator;

        @Setup(Level.Trial)
        public void fold(AggregationBenchmark benchmark) {
            ReplicationModels draws = Scenarios.draws(benchmark.scenario, SEED);
            aggregator = new Aggregator(draws.central(), DEFAULT_RUN);
            Replication engine = null;
            for (int r = 0; r < DEFAULT_RUN; r++) {
                Model drawn = draws.forReplication(r);
                if (engine == null || engine.model() != drawn) {
                    engine = new Replication(drawn);
                }
                aggregator.accept(r, engine.run(SEED, r));
            }
        }
    }

    @Benchmark
    public Aggregator cellValuesAndFoldLargeRun() {
        aggregator.accept(replication++, result());
        return aggregator;
    }
}
