package org.carecast.engine;

import java.util.Arrays;

/**
 * The placements made in one step-down source type, oldest first, from which freed places in
 * a target type are offered (the longest placed child first). Each entry is a placement: the
 * child's id, the placement's serial number and when it started. Entries are appended as
 * placements start, so they stay in order of start without sorting, and they are never
 * unlinked when a child moves on: an entry whose serial is no longer the child's current one is
 * stale, skipped by the search and dropped when met.
 *
 * <p>Why not a linked list through the children's records: unlinking a child touches the two
 * children either side of it, placed at about the same time but anywhere in memory, so every
 * move out of a large type cost two cache misses. Appending here is sequential and a move out
 * costs nothing.
 */
final class StepDownCandidates {

    /** Whether a placement is still the child's current one. */
    interface Placements {
        boolean isCurrent(int id, int serial);
    }

    /** Serial of an entry dropped for good; never a live placement's. */
    static final int DROPPED = -1;

    private final Placements placements;
    private int[] ids = new int[16];
    private int[] serials = new int[16];
    private double[] starts = new double[16];
    private int head;
    private int tail;

    StepDownCandidates(Placements placements) {
        this.placements = placements;
    }

    void clear() {
        head = 0;
        tail = 0;
    }

    /** Index of the oldest entry; entries run from here to {@link #end()}. */
    int begin() {
        return head;
    }

    int end() {
        return tail;
    }

    int id(int i) {
        return ids[i];
    }

    int serial(int i) {
        return serials[i];
    }

    /** When the placement of entry {@code i} started, in days. */
    double start(int i) {
        return starts[i];
    }

    /** Adds a placement; starts must not decrease, except before {@link #sortByStart()}. */
    void add(int id, int serial, double start) {
        if (tail == ids.length) {
            makeRoom();
        }
        ids[tail] = id;
        serials[tail] = serial;
        starts[tail] = start;
        tail++;
    }

    /** Drops entry {@code i} for good (stale, or the child is too old for any rule). */
    void drop(int i) {
        serials[i] = DROPPED;
        while (head < tail && serials[head] == DROPPED) {
            head++;
        }
    }

    /**
     * Puts the entries in order of start, ties in the order they were added. Used once per
     * replication for the children in care at the start, who are added in cohort order.
     */
    void sortByStart() {
        int n = tail - head;
        if (n < 2) {
            return;
        }
        // Rank the starts, then sort (rank, position) pairs packed in longs: no boxing.
        double[] sorted = Arrays.copyOfRange(starts, head, tail);
        Arrays.sort(sorted);
        long[] order = new long[n];
        for (int k = 0; k < n; k++) {
            order[k] = ((long) firstIndexOf(sorted, starts[head + k]) << 32) | k;
        }
        Arrays.sort(order);
        int[] oldIds = Arrays.copyOfRange(ids, head, tail);
        int[] oldSerials = Arrays.copyOfRange(serials, head, tail);
        for (int k = 0; k < n; k++) {
            int from = (int) order[k];
            ids[head + k] = oldIds[from];
            serials[head + k] = oldSerials[from];
            starts[head + k] = sorted[(int) (order[k] >>> 32)];
        }
    }

    /** The array is full: keep the entries still current, then grow if they fill half of it. */
    private void makeRoom() {
        int kept = 0;
        for (int i = head; i < tail; i++) {
            if (serials[i] != DROPPED && placements.isCurrent(ids[i], serials[i])) {
                ids[kept] = ids[i];
                serials[kept] = serials[i];
                starts[kept] = starts[i];
                kept++;
            }
        }
        head = 0;
        tail = kept;
        if (kept * 2 >= ids.length) {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            serials = Arrays.copyOf(serials, capacity);
            starts = Arrays.copyOf(starts, capacity);
        }
    }

    /** Index of the first element equal to {@code value} in a sorted array that contains it. */
    private static int firstIndexOf(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        while (i > 0 && Double.compare(sorted[i - 1], value) == 0) {
            i--;
        }
        return i;
    }
}
