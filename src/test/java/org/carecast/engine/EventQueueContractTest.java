package org.carecast.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
        EventQueue queue = factory.get();
        TreeSet<Entry> oracle = new TreeSet<>();
        Map<Integer, Entry> pending = new HashMap<>();
        long sequence = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(10);
            int id = random.nextInt(500);
            if (op < 5) {
                double time = random.nextInt(50);
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
