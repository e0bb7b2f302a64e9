package org.carecast.engine;

import java.util.Arrays;

/**
 * A two-tier calendar queue: events in the current window of {@code windowDays} go into a
 * small indexed heap; later events wait, unsorted, in one bucket per window (a circular array
 * of FIFO lists, with an overflow list for events beyond the whole calendar). When the heap
 * runs dry the next bucket is poured into it. Same contract as {@link EventQueue}.
 *
 * <p>Why: a child's next event is usually years away (an exit, a 16th birthday), so a single
 * heap holds every child in care and each reschedule sifts through all of them. Here the heap
 * holds only the next few days' events, and scheduling far ahead is an O(1) list append.
 *
 * <p>FIFO among equal times holds because all events in the heap are earlier than all events
 * in buckets, buckets are drained in list (scheduling) order, and the heap orders ties by the
 * order in which entries reached it.
 */
public final class CalendarEventQueue implements EventQueue {

    private static final int NONE = -1;
    private static final int IN_HEAP = -2;

    private final double windowDays;
    private final int buckets;
    private final QuaternaryEventHeap heap;

    /** Per id: bucket index (0..buckets-1), {@code buckets} for overflow, IN_HEAP or NONE. */
    private int[] where;
    private double[] time;
    private int[] next;
    private int[] prev;
    private final int[] head;
    private final int[] tail;
    private int waiting;
    private int size;

    /** Index of the current window: the heap holds events with time before {@link #windowEnd}. */
    private long window;
    private double windowEnd;

    /**
     * @param windowDays width of one calendar bucket in days
     * @param buckets    buckets in the circular calendar; events later than
     *                   {@code windowDays * buckets} ahead go to an overflow list
     */
    public CalendarEventQueue(double windowDays, int buckets, int initialCapacity) {
        this.windowDays = windowDays;
        this.buckets = buckets;
        this.heap = new QuaternaryEventHeap(initialCapacity);
        head = new int[buckets + 1];
        tail = new int[buckets + 1];
        int capacity = Math.max(16, initialCapacity);
        where = new int[capacity];
        time = new double[capacity];
        next = new int[capacity];
        prev = new int[capacity];
        Arrays.fill(where, NONE);
        reset();
    }

    /** Defaults measured on the baseline and England-scale scenarios: one-week buckets, 64 years. */
    public CalendarEventQueue(int initialCapacity) {
        this(7.0, 4096, initialCapacity);
    }

    @Override
    public void schedule(int id, double t) {
        if (id >= where.length) {
            grow(id + 1);
        }
        int w = where[id];
        if (w == IN_HEAP && t < windowEnd) {
            heap.schedule(id, t);
            return;
        }
        if (w != NONE) {
            cancel(id);
        }
        size++;
        if (t < windowEnd) {
            where[id] = IN_HEAP;
            heap.schedule(id, t);
        } else {
            time[id] = t;
            long index = (long) Math.floor(t / windowDays);
            append(id, index - window < buckets ? (int) (index % buckets) : buckets);
        }
    }

    @Override
    public void cancel(int id) {
        if (id >= where.length) {
            return;
        }
        int w = where[id];
        if (w == NONE) {
            return;
        }
        size--;
        if (w == IN_HEAP) {
            heap.cancel(id);
        } else {
            unlink(id, w);
        }
        where[id] = NONE;
    }

    @Override
    public boolean contains(int id) {
        return id < where.length && where[id] != NONE;
    }

    @Override
    public int peekId() {
        fillHeap();
        return heap.peekId();
    }

    @Override
    public double peekTime() {
        fillHeap();
        return heap.peekTime();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        for (int id = 0; id < where.length; id++) {
            where[id] = NONE;
        }
        heap.clear();
        reset();
    }

    private void reset() {
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        waiting = 0;
        size = 0;
        window = 0;
        windowEnd = windowDays;
    }

    /** Opens later windows until the heap has something, or nothing is waiting. */
    private void fillHeap() {
        while (heap.isEmpty() && waiting > 0) {
            window++;
            windowEnd = (window + 1) * windowDays;
            if (window % buckets == 0) {
                spreadOverflow();
            }
            int b = (int) (window % buckets);
            for (int id = head[b]; id != NONE; id = next[id]) {
                where[id] = IN_HEAP;
                heap.schedule(id, time[id]);
                waiting--;
            }
            head[b] = NONE;
            tail[b] = NONE;
        }
    }

    /** Moves overflow events that now fall within the calendar into their buckets. */
    private void spreadOverflow() {
        int id = head[buckets];
        head[buckets] = NONE;
        tail[buckets] = NONE;
        while (id != NONE) {
            int after = next[id];
            waiting--;
            long index = (long) Math.floor(time[id] / windowDays);
            append(id, index - window < buckets ? (int) (index % buckets) : buckets);
            id = after;
        }
    }

    private void append(int id, int b) {
        where[id] = b;
        prev[id] = tail[b];
        next[id] = NONE;
        if (tail[b] == NONE) {
            head[b] = id;
        } else {
            next[tail[b]] = id;
        }
        tail[b] = id;
        waiting++;
    }

    private void unlink(int id, int b) {
        int p = prev[id];
        int n = next[id];
        if (p == NONE) {
            head[b] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail[b] = p;
        } else {
            prev[n] = p;
        }
        waiting--;
    }

    private void grow(int needed) {
        int capacity = Math.max(needed, where.length * 2);
        int old = where.length;
        where = Arrays.copyOf(where, capacity);
        Arrays.fill(where, old, capacity, NONE);
        time = Arrays.copyOf(time, capacity);
        next = Arrays.copyOf(next, capacity);
        prev = Arrays.copyOf(prev, capacity);
    }
}
