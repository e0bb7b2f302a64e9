package org.carecast.engine;

import java.util.Arrays;

/**
 * A calendar queue in two tiers. Later events wait, unsorted, in one bucket per window of
 * {@code windowDays} (a circular array of buckets, with an overflow bucket for events beyond
 * the whole calendar). The current window's events are a <em>sorted run</em>, its bucket
 * sorted once by time when the window opens and then read in order, plus a small indexed heap
 * for events scheduled into the window after it opened. Same contract as {@link EventQueue}.
 *
 * <p>Why: a child's next event is usually years away (an exit, a 16th birthday), so a single
 * heap holds every child in care and each reschedule sifts through all of them. Here
 * scheduling far ahead appends to an array, and taking the next event is a step along one:
 * sorting a window's events once costs less than pushing each through a heap and sifting it
 * out again. Few events land in the window they are scheduled in (the model's clocks run for
 * months), so the heap stays small.
 *
 * <p>Buckets are arrays of (time, id, ticket) entries, not lists threaded through per-id
 * links: at national scale the ids of one window are scattered over tens of thousands of
 * records, and following links (or unlinking a neighbour on cancel) costs a cache miss per
 * step, where an array is read in order. Cancelling or rescheduling leaves the old entry in
 * place; each schedule into a bucket issues the id a new <em>ticket</em>, and an entry whose
 * ticket is no longer its id's is skipped when reached.
 *
 * <p>FIFO among equal times holds because every event in the current window is earlier than
 * every event in the buckets; a bucket's entries are in scheduling order (overflow entries,
 * scheduled before any other entry of their window, are put ahead when spread) and are
 * sorted stably; every event in the run was scheduled before every event in the heap (the
 * window opened when both were empty), so the run wins ties with the heap; and the heap
 * orders its ties by the order in which entries reached it.
 */
public final class CalendarEventQueue implements EventQueue {

    private static final int NONE = 0;
    private static final int IN_HEAP = 1;
    /** In a bucket, the overflow bucket or the run: where exactly is told by the entry's ticket. */
    private static final int WAITING = 2;
    private static final int KIND = 3;
    /** Runs this short are sorted by insertion; longer ones by radix. */
    private static final int INSERTION_RUN = 32;
    private static final int RADIX_BITS = 8;
    private static final int RADIX = 1 << RADIX_BITS;
    private static final long ID_MASK = 0xFFFF_FFFFL;

    private final double windowDays;
    private final int buckets;
    private final QuaternaryEventHeap heap;

    /**
     * Per id, one int: where it is ({@code NONE}, {@code IN_HEAP} or {@code WAITING}) in the
     * low two bits and its ticket above them. An entry carries the whole value it was given,
     * so one comparison tells whether the entry is still current. One int rather than two
     * keeps the array small enough to stay mostly in cache at national scale (90,000 ids).
     * Tickets wrap after 2^30 schedules of one id, far more than an entry can wait through.
     */
    private int[] state;

    /**
     * Bucket {@code b} (0..buckets-1; {@code buckets} is the overflow) holds {@code count[b]}
     * entries in scheduling order, two longs each: the time's bits, and tag << 32 | id (see state).
     */
    private final long[][] bucket;
    private final int[] count;
    /** For spreading the overflow: entries each bucket receives, and where the next one goes. */
    private final int[] spread;

    /** The current window's entries sorted by time: entries runNext .. runEnd-1 are unread. */
    private double[] runTime;
    private long[] runKey;
    /** Scratch for the radix sort: the other half of each pass. */
    private double[] scratchTime;
    private long[] scratchKey;
    private final int[] digitCount = new int[RADIX + 1];
    private int runNext;
    private int runEnd;
    /** Told each run's ids when it is sorted ({@link #lookahead}), or null. */
    private java.util.function.IntConsumer coming;
    private int size;

    /**
     * Index of the current window: the run and the heap hold the events whose
     * {@link #windowOf(double)} is at most this, the buckets those after it.
     */
    private long window;

    /**
     * @param windowDays width of one calendar bucket in days
     * @param buckets    buckets in the circular calendar; events later than
     *                   {@code windowDays * buckets} ahead go to an overflow bucket
     */
    public CalendarEventQueue(double windowDays, int buckets, int initialCapacity) {
        this.windowDays = windowDays;
        this.buckets = buckets;
        this.heap = new QuaternaryEventHeap(initialCapacity);
        bucket = new long[buckets + 1][];
        count = new int[buckets + 1];
        spread = new int[buckets];
        state = new int[Math.max(16, initialCapacity)];
        runTime = new double[16];
        runKey = new long[16];
        scratchTime = new double[16];
        scratchKey = new long[16];
        reset();
    }

    /** Defaults measured on the baseline and England-scale scenarios: one-week buckets, 78 years. */
    public CalendarEventQueue(int initialCapacity) {
        this(7.0, 4096, initialCapacity);
    }

    @Override
    public void schedule(int id, double t) {
        if (id >= state.length) {
            grow(id + 1);
        }
        int v = state[id];
        int s = v & KIND;
        long index = windowOf(t);
        if (index <= window) {
            // A waiting entry stays behind in its bucket or the run, stale from now on.
            if (s == NONE) {
                size++;
            }
            state[id] = (v & ~KIND) | IN_HEAP;
            heap.schedule(id, t);
            return;
        }
        if (s == IN_HEAP) {
            heap.cancel(id);
        } else if (s == NONE) {
            size++;
        }
        int tag = ((v >>> 2) + 1) << 2 | WAITING;
        state[id] = tag;
        append(index - window < buckets ? (int) (index % buckets) : buckets, t, (long) tag << 32 | id);
    }

    @Override
    public void cancel(int id) {
        if (id >= state.length) {
            return;
        }
        int s = state[id] & KIND;
        if (s == NONE) {
            return;
        }
        size--;
        if (s == IN_HEAP) {
            heap.cancel(id);
        }
        // A waiting entry stays where it is; with its id no longer WAITING it is skipped.
        state[id] &= ~KIND;
    }

    @Override
    public boolean contains(int id) {
        return id < state.length && (state[id] & KIND) != NONE;
    }

    @Override
    public int peekId() {
        fillWindow();
        if (runNext < runEnd && !(heap.peekTime() < runTime[runNext])) {
            return (int) (runKey[runNext] & ID_MASK);
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
        Arrays.fill(state, 0);
        heap.clear();
        reset();
    }

    private void reset() {
        Arrays.fill(count, 0);
        runNext = 0;
        runEnd = 0;
        size = 0;
        window = 0;
    }

    /** Whether an entry (tag << 32 | id) is its id's current pending event. */
    private boolean isCurrent(long key) {
        return state[(int) (key & ID_MASK)] == (int) (key >>> 32);
    }

    /**
     * Steps past run entries already taken, cancelled or rescheduled, and opens later windows
     * until the run or the heap has something, or nothing is pending.
     */
    private void fillWindow() {
        while (true) {
            while (runNext < runEnd && !isCurrent(runKey[runNext])) {
                runNext++;
            }
            // Anything pending that is in neither the run nor the heap waits in a bucket.
            if (runNext < runEnd || !heap.isEmpty() || size == 0) {
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
        int n = count[b];
        if (runKey.length < n) {
            int capacity = Math.max(n, 2 * runKey.length);
            runTime = new double[capacity];
            runKey = new long[capacity];
            scratchTime = new double[capacity];
            scratchKey = new long[capacity];
        }
        long[] entries = bucket[b];
        for (int i = 0; i < n; i++) {
            runTime[i] = Double.longBitsToDouble(entries[2 * i]);
            runKey[i] = entries[2 * i + 1];
        }
        count[b] = 0;
        sortRun(n);
        runNext = 0;
        runEnd = n;
        if (coming != null) {
            for (int i = 0; i < n; i++) {
                coming.accept((int) (runKey[i] & ID_MASK));
            }
        }
    }

    @Override
    public void lookahead(java.util.function.IntConsumer coming) {
        this.coming = coming;
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
        long[] fromKey = runKey;
        double[] toTime = scratchTime;
        long[] toKey = scratchKey;
        int[] digits = digitCount;
        for (int shift = 0; shift < bits; shift += RADIX_BITS) {
            Arrays.fill(digits, 0);
            for (int i = 0; i < n; i++) {
                digits[digit(fromTime[i], shift) + 1]++;
            }
            for (int d = 1; d < digits.length; d++) {
                digits[d] += digits[d - 1];
            }
            for (int i = 0; i < n; i++) {
                int at = digits[digit(fromTime[i], shift)]++;
                toTime[at] = fromTime[i];
                toKey[at] = fromKey[i];
            }
            double[] swapTime = fromTime;
            fromTime = toTime;
            toTime = swapTime;
            long[] swapKey = fromKey;
            fromKey = toKey;
            toKey = swapKey;
        }
        // The sorted entries are in fromTime/fromKey; keep those as the run.
        runTime = fromTime;
        runKey = fromKey;
        scratchTime = toTime;
        scratchKey = toKey;
    }

    private static int digit(double time, int shift) {
        return (int) (Double.doubleToRawLongBits(time) >>> shift) & (RADIX - 1);
    }

    private void insertionSort(int n) {
        for (int i = 1; i < n; i++) {
            double t = runTime[i];
            long key = runKey[i];
            int j = i - 1;
            while (j >= 0 && runTime[j] > t) {
                runTime[j + 1] = runTime[j];
                runKey[j + 1] = runKey[j];
                j--;
            }
            runTime[j + 1] = t;
            runKey[j + 1] = key;
        }
    }

    /**
     * Moves overflow events that now fall within the calendar into their buckets, ahead of
     * what those buckets already hold: an event went to the overflow only because it was
     * scheduled when the current window was further from it than the calendar is long, so
     * before any event of the same window went straight into the bucket. Stale entries are
     * dropped; the rest stay in order. (Rare: the default calendar spans 78 years.)
     */
    private void spreadOverflow() {
        long[] overflow = bucket[buckets];
        int n = count[buckets];
        Arrays.fill(spread, 0);
        for (int i = 0; i < n; i++) {
            long index = windowOf(Double.longBitsToDouble(overflow[2 * i]));
            if (isCurrent(overflow[2 * i + 1]) && index - window < buckets) {
                spread[(int) (index % buckets)]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            int extra = spread[b];
            if (extra > 0) {
                ensureRoom(b, extra);
                System.arraycopy(bucket[b], 0, bucket[b], 2 * extra, 2 * count[b]);
                count[b] += extra;
                spread[b] = 0;
            }
        }
        // spread[b] now counts entries placed at the front of bucket b so far.
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long timeBits = overflow[2 * i];
            long key = overflow[2 * i + 1];
            if (!isCurrent(key)) {
                continue;
            }
            long index = windowOf(Double.longBitsToDouble(timeBits));
            if (index - window < buckets) {
                int b = (int) (index % buckets);
                int at = spread[b]++;
                bucket[b][2 * at] = timeBits;
                bucket[b][2 * at + 1] = key;
            } else {
                overflow[2 * kept] = timeBits;
                overflow[2 * kept + 1] = key;
                kept++;
            }
        }
        count[buckets] = kept;
    }

    /**
     * The calendar window of a time. Every placement decision goes through this one function,
     * so that it is monotone in time by construction: comparing with a window's end computed
     * separately would disagree with it by a rounding when the width is not exact in binary,
     * and put an event in a bucket already poured.
     */
    private long windowOf(double t) {
        double windows = t / windowDays;
        // For a time at or after the start truncation is Math.floor, which is a call under Java's
        // quick compiler (the launcher's): the same window either way.
        return windows >= 0 ? (long) windows : (long) Math.floor(windows);
    }

    private void append(int b, double t, long key) {
        ensureRoom(b, 1);
        int at = 2 * count[b]++;
        long[] entries = bucket[b];
        entries[at] = Double.doubleToRawLongBits(t);
        entries[at + 1] = key;
    }

    private void ensureRoom(int b, int extra) {
        long[] entries = bucket[b];
        int needed = 2 * (count[b] + extra);
        if (entries == null) {
            bucket[b] = new long[Math.max(needed, 16)];
        } else if (entries.length < needed) {
            bucket[b] = Arrays.copyOf(entries, Math.max(needed, 2 * entries.length));
        }
    }

    private void grow(int needed) {
        state = Arrays.copyOf(state, Math.max(needed, 2 * state.length));
    }
}
