package org.carecast.benchmarks;

import org.carecast.engine.BinaryEventHeap;
import org.carecast.engine.CalendarEventQueue;
import org.carecast.engine.EventQueue;
import org.carecast.engine.QuaternaryEventHeap;
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
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The event queue alone, in the classic "hold" model: with {@code size} events pending, take
 * the earliest and put it back at its time plus a random increment. Every queue does exactly
 * this and nothing else, so the score (nanoseconds per hold) compares queues directly.
 *
 * <p>Increments are exponential with mean 365 days, as a child's clocks in carecast are
 * (breakdowns at a few a year, exits over years); they come from a precomputed ring so that
 * random-number generation is not measured. carecast's queues reschedule the head in place
 * (its contract allows it); {@link PriorityQueue} and SSJ's lists must remove and re-add an
 * event object, which is how their users drive them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class EventQueueBenchmark {

    @Param({"1000", "10000", "100000"})
    int size;

    @Param({"carecast-calendar", "carecast-4ary-heap", "carecast-binary-heap", "java-priority-queue",
            "ssj-splay-tree", "ssj-henriksen", "ssj-binary-tree", "ssj-redblack-tree"})
    String queue;

    private static final int RING = 1 << 16;
    private final double[] increments = new double[RING];
    private int next;

    private EventQueue carecast;
    private PriorityQueue<Held> priorityQueue;
    private long sequence;
    private EventList ssj;

    /** An event object for PriorityQueue, ordered by time then insertion (as carecast is). */
    static final class Held {
        double time;
        long sequence;
    }

    /**
     * SSJ events need a subclass; the hold model never runs their actions. SSJ's own simulator
     * sets a removed event's time directly (its public setter refuses events it has not seen
     * leave through the simulator), and so does this.
     */
    static final class HeldEvent extends Event {
        @Override
        public void actions() {
        }

        void moveTo(double time) {
            eventTime = time;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2025);
        for (int i = 0; i < RING; i++) {
            increments[i] = -365.0 * Math.log(1 - random.nextDouble());
        }
        switch (queue) {
            case "carecast-calendar" -> carecast = new CalendarEventQueue(size);
            case "carecast-4ary-heap" -> carecast = new QuaternaryEventHeap(size);
            case "carecast-binary-heap" -> carecast = new BinaryEventHeap(size);
            case "java-priority-queue" -> priorityQueue = new PriorityQueue<>(size,
                    Comparator.<Held>comparingDouble(h -> h.time).thenComparingLong(h -> h.sequence));
            case "ssj-splay-tree" -> ssj = new SplayTree();
            case "ssj-henriksen" -> ssj = new Henriksen();
            case "ssj-binary-tree" -> ssj = new BinaryTree();
            case "ssj-redblack-tree" -> ssj = new RedblackTree();
            default -> throw new IllegalArgumentException(queue);
        }
        for (int id = 0; id < size; id++) {
            double t = increments[next++ & (RING - 1)];
            if (carecast != null) {
                carecast.schedule(id, t);
            } else if (priorityQueue != null) {
                Held h = new Held();
                h.time = t;
                h.sequence = sequence++;
                priorityQueue.add(h);
            } else {
                HeldEvent e = new HeldEvent();
                e.setTime(t);
                ssj.add(e);
            }
        }
        // Run the queue into its steady state before measuring.
        for (int i = 0; i < 10 * size; i++) {
            hold();
        }
    }

    @Benchmark
    public double hold() {
        double increment = increments[next++ & (RING - 1)];
        if (carecast != null) {
            int id = carecast.peekId();
            double t = carecast.peekTime() + increment;
            carecast.schedule(id, t);
            return t;
        }
        if (priorityQueue != null) {
            Held h = priorityQueue.poll();
            h.time += increment;
            h.sequence = sequence++;
            priorityQueue.add(h);
            return h.time;
        }
        HeldEvent e = (HeldEvent) ssj.removeFirst();
        e.moveTo(e.time() + increment);
        ssj.add(e);
        return e.time();
    }
}
