package org.carecast.engine;

import java.util.Arrays;

/**
 * An indexed binary min-heap over primitive arrays: heap slots hold (time, sequence, id)
 * side by side, and {@code position[id]} finds an id's slot so that rescheduling a child is a
 * sift up or down in O(log n) rather than a delete and insert. Equal times are ordered by a
 * sequence number taken at each {@link #schedule}, which gives the FIFO tie rule of
 * {@link EventQueue}. Nothing is boxed and nothing is allocated per operation.
 *
 * <p>Not used by a run: it is the plainest implementation of the contract, kept beside the
 * tests as the reference the contract test checks every queue against and the benchmarks
 * measure the engine's queues against.
 */
public final class BinaryEventHeap implements EventQueue {

    private double[] times;
    private long[] sequences;
    private int[] ids;
    /** Slot of each id in the heap, or -1. */
    private int[] position;
    private int size;
    private long nextSequence;

    public BinaryEventHeap(int initialCapacity) {
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
            slot = size++;
            put(slot, time, sequence, id);
            siftUp(slot);
        } else {
            double old = times[slot];
            times[slot] = time;
            sequences[slot] = sequence;
            // A later sequence makes the key larger even at an equal time.
            if (time < old) {
                siftUp(slot);
            } else {
                siftDown(slot);
            }
        }
    }

    @Override
    public void cancel(int id) {
        if (id >= position.length) {
            return;
        }
        int slot = position[id];
        if (slot < 0) {
            return;
        }
        position[id] = -1;
        int last = --size;
        if (slot == last) {
            return;
        }
        put(slot, times[last], sequences[last], ids[last]);
        siftDown(slot);
        siftUp(slot);
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

    private boolean less(int a, int b) {
        return times[a] < times[b] || (times[a] == times[b] && sequences[a] < sequences[b]);
    }

    private void siftUp(int slot) {
        double time = times[slot];
        long sequence = sequences[slot];
        int id = ids[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (times[parent] < time || (times[parent] == time && sequences[parent] < sequence)) {
                break;
            }
            put(slot, times[parent], sequences[parent], ids[parent]);
            slot = parent;
        }
        put(slot, time, sequence, id);
    }

    private void siftDown(int slot) {
        double time = times[slot];
        long sequence = sequences[slot];
        int id = ids[slot];
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && less(right, child)) {
                child = right;
            }
            if (time < times[child] || (time == times[child] && sequence < sequences[child])) {
                break;
            }
            put(slot, times[child], sequences[child], ids[child]);
            slot = child;
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
