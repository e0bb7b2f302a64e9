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
    private static final int IN_RUN = -3;
    /** Runs this short are sorted by insertion; longer ones by radix. */
    private static final int INSERTION_RUN = 32;
    private static final int RADIX_BITS = 8;
    private static final int RADIX = 1 << RADIX_BITS;

    private final double windowDays;
    private final int buckets;
    private final QuaternaryEventHeap heap;

    /** Per id: bucket index (0..buckets-1), {@code buckets} for overflow, IN_HEAP, IN_RUN or NONE. */
    private int[] where;
    private double[] time;
    private int[] next;
    private int[] prev;
    private final int[] head;
    private final int[] tail;
    /** The current window's poured bucket, sorted by time: entries runNext .. runEnd-1 are unread. */
    private double[] runTime;
    private int[] runId;
    /** Scratch for the radix sort: the other half of each pass. */
    private double[] scratchTime;
    private int[] scratchId;
    private final int[] digitCount = new int[RADIX + 1];
    private int runNext;
    private int runEnd;
    private int waiting;
    private int size;

    /**
     * Index of the current window: the run and the heap hold the events whose
     * {@link #windowOf(double)} is at most this, the buckets those after it.
     */
    private long window;

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
        runTime = new double[16];
        runId = new int[16];
        scratchTime = new double[16];
        scratchId = new int[16];
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
        long index = windowOf(t);
        if (w == IN_HEAP && index <= window) {
            heap.schedule(id, t);
            return;
        }
        if (w != NONE) {
            cancel(id);
        }
        size++;
        if (index <= window) {
            where[id] = IN_HEAP;
            heap.schedule(id, t);
        } else {
            time[id] = t;
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
        } else if (w != IN_RUN) {
            unlink(id, w);
        }
        // A run entry stays where it is; with its id no longer IN_RUN it is skipped when reached.
        where[id] = NONE;
    }

    @Override
    public boolean contains(int id) {
        return id < where.length && where[id] != NONE;
    }

    @Override
    public int peekId() {
        fillWindow();
        if (runNext < runEnd && !(heap.peekTime() < runTime[runNext])) {
            return runId[runNext];
        }
        return heap.peekId();
    }

    @Override
    public double peekTime() {
        fillWindow();
        double h = heap.peekTime();
        return runNext < runEnd && !(h < runTime[runNext]) ? runTime[runNext] : h;
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
        runNext = 0;
        runEnd = 0;
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        waiting = 0;
        size = 0;
        window = 0;
    }

    /**
     * Steps past run entries already taken or cancelled, and opens later windows until the run
     * or the heap has something, or nothing is waiting.
     */
    private void fillWindow() {
        while (true) {
            while (runNext < runEnd && where[runId[runNext]] != IN_RUN) {
                runNext++;
            }
            if (runNext < runEnd || !heap.isEmpty() || waiting == 0) {
                return;
            }
            window++;
            if (window % buckets == 0) {
                spreadOverflow();
            }
            pour((int) (window % buckets));
        }
    }

    /** Makes bucket {@code b} the sorted run of the window just opened. */
    private void pour(int b) {
        int n = 0;
        for (int id = head[b]; id != NONE; id = next[id]) {
            if (n == runId.length) {
                growRun();
            }
            where[id] = IN_RUN;
            runTime[n] = time[id];
            runId[n] = id;
            n++;
        }
        waiting -= n;
        head[b] = NONE;
        tail[b] = NONE;
        sortRun(n);
        runNext = 0;
        runEnd = n;
    }

    /**
     * Stable sort of the first {@code n} run entries by time. Short runs by insertion; longer
     * ones by a least-significant-digit radix sort of the times' bit patterns, which for
     * non-negative doubles order exactly as the numbers do. Only the low bits in which the
     * window's times differ are sorted on (a window spans a few days, so the sign, exponent and
     * leading mantissa bits are usually shared), eight at a time, each pass stable.
     */
    private void sortRun(int n) {
        if (n <= INSERTION_RUN) {
            insertionSort(n);
            return;
        }
        long first = Double.doubleToRawLongBits(runTime[0]);
        long differ = 0;
        for (int i = 1; i < n; i++) {
            differ |= Double.doubleToRawLongBits(runTime[i]) ^ first;
        }
        int bits = 64 - Long.numberOfLeadingZeros(differ);
        double[] fromTime = runTime;
        int[] fromId = runId;
        double[] toTime = scratchTime;
        int[] toId = scratchId;
        int[] count = digitCount;
        for (int shift = 0; shift < bits; shift += RADIX_BITS) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[digit(fromTime[i], shift) + 1]++;
            }
            for (int d = 1; d < count.length; d++) {
                count[d] += count[d - 1];
            }
            for (int i = 0; i < n; i++) {
                int at = count[digit(fromTime[i], shift)]++;
                toTime[at] = fromTime[i];
                toId[at] = fromId[i];
            }
            double[] swapTime = fromTime;
            fromTime = toTime;
            toTime = swapTime;
            int[] swapId = fromId;
            fromId = toId;
            toId = swapId;
        }
        // The sorted entries are in fromTime/fromId; keep those as the run.
        runTime = fromTime;
        runId = fromId;
        scratchTime = toTime;
        scratchId = toId;
    }

    private static int digit(double time, int shift) {
        return (int) (Double.doubleToRawLongBits(time) >>> shift) & (RADIX - 1);
    }

    private void insertionSort(int n) {
        for (int i = 1; i < n; i++) {
            double t = runTime[i];
            int id = runId[i];
            int j = i - 1;
            while (j >= 0 && runTime[j] > t) {
                runTime[j + 1] = runTime[j];
                runId[j + 1] = runId[j];
                j--;
            }
            runTime[j + 1] = t;
            runId[j + 1] = id;
        }
    }

    private void growRun() {
        int capacity = runId.length * 2;
        runTime = Arrays.copyOf(runTime, capacity);
        runId = Arrays.copyOf(runId, capacity);
        scratchTime = new double[capacity];
        scratchId = new int[capacity];
    }

    /**
     * Moves overflow events that now fall within the calendar into their buckets, ahead of
     * what those buckets already hold: an event went to the overflow only because it was
     * scheduled when the current window was further from it than the calendar is long, so
     * before any event of the same window went straight into the bucket. Walking the
     * overflow from its newest end and putting each at the front keeps scheduling order.
     */
    private void spreadOverflow() {
        int id = tail[buckets];
        head[buckets] = NONE;
        tail[buckets] = NONE;
        while (id != NONE) {
            int before = prev[id];
            waiting--;
            long index = windowOf(time[id]);
            if (index - window < buckets) {
                prepend(id, (int) (index % buckets));
            } else {
                prepend(id, buckets);
            }
            id = before;
        }
    }

    /**
     * The calendar window of a time. Every placement decision goes through this one function,
     * so that it is monotone in time by construction: comparing with a window's end computed
     * separately would disagree with it by a rounding when the width is not exact in binary,
     * and put an event in a bucket already poured.
     */
    private long windowOf(double t) {
        return (long) Math.floor(t / windowDays);
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

    private void prepend(int id, int b) {
        where[id] = b;
        next[id] = head[b];
        prev[id] = NONE;
        if (head[b] == NONE) {
            tail[b] = id;
        } else {
            prev[head[b]] = id;
        }
        head[b] = id;
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
