package org.carecast.benchmarks;

import org.carecast.engine.Replication;
import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Whole replications of a shipped scenario on one thread, the full model with every rule
 * active. The primary score is replications per second; the {@code events} counter, which
 * JMH reports as a rate, is events per second on one core (entries, children's events,
 * capacity changes, month ends). Each call runs the next replication index, as a real run
 * does, so the work varies a little from call to call exactly as it does in use.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ReplicationBenchmark {

    @Param({"oldham-baseline", "england-scale"})
    String scenario;

    /** The event list: the engine's own choice for the model, or one forced. */
    @Param({"chosen"})
    String queue;

    private Replication replication;
    private int index;

    /** Events processed, reported by JMH as a rate per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        /** Counted afresh each iteration: JMH reports the counter's rate over one iteration's time. */
        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Model model = Scenarios.load(scenario);
        replication = switch (queue) {
            case "calendar" -> new Replication(model, new org.carecast.engine.CalendarEventQueue(1024));
            case "heap" -> new Replication(model, new org.carecast.engine.QuaternaryEventHeap(64));
            default -> new Replication(model);
        };
    }

    @Benchmark
    public long replication(Events counter) {
        ReplicationResult result = replication.run(20250401L, index++);
        counter.events += result.events;
        return result.events;
    }
}
