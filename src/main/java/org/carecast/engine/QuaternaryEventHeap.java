package org.carecast.engine;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap over primitive arrays, with the same contract as
 * {@link BinaryEventHeap} (FIFO among equal times through a sequence number, O(log n)
 * reschedule through {@code position[id]}). Four children per node halve the depth, and the
 * four children sit next to each other in memory, so a sift-down touches about half as many
 * cache lines: with tens of thousands of children pending this is what dominates.
 */
public final class QuaternaryEventHeap implements EventQueue {

    private double[] times;
    private long[] sequences;
    private int[] ids;
    /** Slot of each id in the heap, or -1. */
    private int[] position;
    private int size;
    private long nextSequence;

    public QuaternaryEventHeap(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new double[capacity];
        sequences = new long[capacity];
        ids = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
    }

    @Override
    public void schedule(int id, double time) {
        if (id >= position.length) {
            growPositions(id + 1);
        }
        long sequence = nextSequence++;
        int slot = position[id];
        if (slot < 0) {
            if (size == times.length) {
                growHeap();
            }
            siftUp(size++, time, sequence, id);
        } else if (time < times[slot]) {
            siftUp(slot, time, sequence, id);
        } else {
            // Equal or later time, and a newer sequence: the key only grows.
            siftDown(slot, time, sequence, id);
        }
    }

    @Override
    public void cancel(int id) {
        if (id >= position.length || position[id] < 0) {
            return;
        }
        int slot = position[id];
        position[id] = -1;
        int last = --size;
        if (slot == last) {
            return;
        }
        double time = times[last];
        long sequence = sequences[last];
        int moved = ids[last];
        if (slot > 0 && before(time, sequence, times[(slot - 1) >>> 2], sequences[(slot - 1) >>> 2])) {
            siftUp(slot, time, sequence, moved);
        } else {
            siftDown(slot, time, sequence, moved);
        }
    }

    @Override
    public boolean contains(int id) {
        return id < position.length && position[id] >= 0;
    }

    @Override
    public int peekId() {
        return size == 0 ? -1 : ids[0];
    }

    @Override
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            position[ids[i]] = -1;
        }
        size = 0;
        nextSequence = 0;
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    /** Moves the entry (time, sequence, id) from {@code slot} towards the root. */
    private void siftUp(int slot, double time, long sequence, int id) {
        while (slot > 0) {
            int parent = (slot - 1) >>> 2;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            put(slot, times[parent], sequences[parent], ids[parent]);
            slot = parent;
        }
        put(slot, time, sequence, id);
    }

    /** Moves the entry (time, sequence, id) from {@code slot} towards the leaves. */
    private void siftDown(int slot, double time, long sequence, int id) {
        while (true) {
            int first = 4 * slot + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            double bestTime = times[first];
            long bestSequence = sequences[first];
            int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) {
                double t = times[c];
                if (t < bestTime || (t == bestTime && sequences[c] < bestSequence)) {
                    best = c;
                    bestTime = t;
                    bestSequence = sequences[c];
                }
            }
            if (!before(bestTime, bestSequence, time, sequence)) {
                break;
            }
            put(slot, bestTime, bestSequence, ids[best]);
            slot = best;
        }
        put(slot, time, sequence, id);
    }

    private void put(int slot, double time, long sequence, int id) {
        times[slot] = time;
        sequences[slot] = sequence;
        ids[slot] = id;
        position[id] = slot;
    }

    private void growHeap() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    private void growPositions(int needed) {
        int old = position.length;
        position = Arrays.copyOf(position, Math.max(needed, old * 2));
        Arrays.fill(position, old, position.length, -1);
    }
}
