package org.carecast.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks an {@link EventQueue} against the contract in its Javadoc by running long random
 * sequences of schedule, reschedule, cancel and pop against an obviously correct oracle (a
 * sorted set of (time, sequence, id)). Times are drawn from a coarse grid so ties are common.
 */
class EventQueueContractTest {

    record Entry(double time, long sequence, int id) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    static Stream<Supplier<EventQueue>> implementations() {
        return Stream.of(() -> new BinaryEventHeap(4), () -> new QuaternaryEventHeap(4),
                // Tiny buckets and a short calendar so that overflow and wrap-around are exercised.
                () -> new CalendarEventQueue(0.7, 8, 4), () -> new CalendarEventQueue(7, 4096, 4));
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void agreesWithOracleOnRandomOperations(Supplier<EventQueue> factory) {
        SplittableRandom random = new SplittableRandom(42);
        agreesWithOracle(factory.get(), random, 500, 200_000, now -> random.nextInt(50));
    }

    /**
     * Thousands of events pending, each set up to 300 days after the last one taken, at
     * continuous times (a third of them on a whole day, so ties still occur), as in a
     * simulation: a calendar window then holds a hundred or more events, whose order comes from
     * sorting them rather than from a heap, across windows that straddle powers of two (where
     * the times' bit patterns change exponent).
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void agreesWithOracleOnManyContinuousTimes(Supplier<EventQueue> factory) {
        SplittableRandom random = new SplittableRandom(7);
        agreesWithOracle(factory.get(), random, 20_000, 300_000,
                now -> Math.floor(now) + (random.nextInt(3) == 0 ? random.nextInt(300) : random.nextDouble(300)));
    }

    /**
     * Looking ahead ({@link EventQueue#lookahead}) changes nothing of the order; the calendar
     * tells most events' ids before they come out (all but those set within their own window,
     * which wait in its small heap), the heaps none.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void lookingAheadChangesNothingAndTheCalendarTellsWhatComes(Supplier<EventQueue> factory) {
        EventQueue queue = factory.get();
        boolean[] told = new boolean[20_000];
        int[] toldCount = {0};
        queue.lookahead(id -> {
            told[id] = true;
            toldCount[0]++;
        });
        SplittableRandom random = new SplittableRandom(7);
        agreesWithOracle(queue, random, 20_000, 100_000,
                now -> Math.floor(now) + (random.nextInt(3) == 0 ? random.nextInt(300) : random.nextDouble(300)));
        // Then drain it, counting the events whose id was told before they came out.
        java.util.Arrays.fill(told, false);
        queue.schedule(0, 1e9);  // far ahead of everything, so later windows open as the rest drain
        int taken = 0;
        int toldFirst = 0;
        while (!queue.isEmpty()) {
            int id = queue.peekId();
            toldFirst += told[id] ? 1 : 0;
            told[id] = false;
            queue.cancel(id);
            taken++;
        }
        if (queue instanceof CalendarEventQueue) {
            assertTrue(toldFirst > taken / 2, toldFirst + " of " + taken + " told before they came out");
        } else {
            assertEquals(0, toldCount[0], "a heap lines nothing up");
        }
    }

    private static void agreesWithOracle(EventQueue queue, SplittableRandom random, int ids, int steps,
                                         DoubleUnaryOperator timeAfter) {
        TreeSet<Entry> oracle = new TreeSet<>();
        Map<Integer, Entry> pending = new HashMap<>();
        long sequence = 0;
        double now = 0;
        for (int step = 0; step < steps; step++) {
            int op = random.nextInt(10);
            int id = random.nextInt(ids);
            if (op < 5) {
                double time = timeAfter.applyAsDouble(now);
                Entry old = pending.remove(id);
                if (old != null) {
                    oracle.remove(old);
                }
                Entry e = new Entry(time, sequence++, id);
                oracle.add(e);
                pending.put(id, e);
                queue.schedule(id, time);
            } else if (op < 7) {
                Entry old = pending.remove(id);
                if (old != null) {
                    oracle.remove(old);
                }
                queue.cancel(id);
            } else if (!oracle.isEmpty()) {
                Entry first = oracle.pollFirst();
                pending.remove(first.id());
                assertEquals(first.id(), queue.peekId(), "earliest id at step " + step);
                assertEquals(first.time(), queue.peekTime());
                queue.cancel(first.id());
                now = first.time();
            }
            assertEquals(oracle.size(), queue.size());
            assertEquals(pending.containsKey(id), queue.contains(id));
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void equalTimesComeOutInSchedulingOrder(Supplier<EventQueue> factory) {
        EventQueue queue = factory.get();
        int[] ids = {7, 3, 9, 1, 8};
        for (int id : ids) {
            queue.schedule(id, 5.0);
        }
        queue.schedule(3, 5.0); // rescheduling moves 3 behind the others
        int[] expected = {7, 9, 1, 8, 3};
        for (int id : expected) {
            assertEquals(id, queue.peekId());
            queue.cancel(id);
        }
        assertTrue(queue.isEmpty());
        assertEquals(-1, queue.peekId());
        assertEquals(Double.POSITIVE_INFINITY, queue.peekTime());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void clearEmptiesAndAllowsReuseAndGrowth(Supplier<EventQueue> factory) {
        EventQueue queue = factory.get();
        for (int id = 0; id < 10_000; id++) {
            queue.schedule(id, 10_000 - id);
        }
        assertEquals(9_999, queue.peekId());
        queue.clear();
        assertTrue(queue.isEmpty());
        assertFalse(queue.contains(5));
        queue.cancel(123_456); // absent and beyond the grown range: no effect
        queue.schedule(5, 1.0);
        assertEquals(5, queue.peekId());
    }
}
