package org.carecast.benchmarks;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.results.Aggregator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What a user waits for: a whole run of the Oldham baseline (simulation, aggregation of every
 * output cell, percentiles), after warm-up, with 1 and 2 threads and with 1,000 and 10,000
 * replications. Compare the 1- and 2-thread scores of one run for parallel scaling, and the
 * 1,000 and 10,000 scores for linearity in replications.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ScalingBenchmark {

    @Param({"1", "2"})
    int threads;

    @Param({"1000", "10000"})
    int replications;

    private Model model;

    @Setup
    public void setUp() {
        model = Scenarios.load("oldham-baseline");
    }

    @Benchmark
    public Object baselineRun() {
        Aggregator aggregator = new Aggregator(model, replications);
        Simulator.run(model, replications, 20250401L, threads, aggregator, null);
        return aggregator.projection();
    }
}
