package org.carecast.results;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A reorder buffer: worker threads finish replications in any order, but each replication's
 * figures are folded into the running summaries strictly in index order 0, 1, 2, ..., so that
 * floating-point sums and the {@link QuantileSketch} histograms come out bit-identical whatever
 * the thread count.
 *
 * <p>A replication that arrives early waits in the buffer. A thread that gets more than
 * {@code window} replications ahead of the oldest one still running blocks until it catches up,
 * so the buffer never holds more than {@code window} replications' figures. This cannot
 * deadlock: the oldest replication not yet delivered is never the one that waits.
 *
 * @param <T> one replication's figures (an array of cell values), owned by the buffer once offered
 */
final class ReplicationOrder<T> {

    private final Consumer<T> fold;
    private final int window;
    private final Map<Integer, T> waiting = new HashMap<>();
    private int next;

    ReplicationOrder(Consumer<T> fold, int window) {
        this.fold = fold;
        this.window = window;
    }

    /** Hands over replication {@code index}'s figures; folds them, and any that were waiting for them, in order. */
    synchronized void deliver(int index, T figures) {
        if (index < next || waiting.containsKey(index)) {
            throw new IllegalStateException("replication " + index + " delivered twice");
        }
        while (index - next >= window) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for replication " + next, e);
            }
        }
        if (index != next) {
            waiting.put(index, figures);
            return;
        }
        fold.accept(figures);
        next++;
        T early;
        while ((early = waiting.remove(next)) != null) {
            fold.accept(early);
            next++;
        }
        notifyAll();
    }

    /**
     * Runs {@code action} under the buffer's lock, so that it sees every fold so far and no fold
     * runs beside it: for a consumer that batches folds and must add the last, partial batch.
     */
    synchronized void afterFolds(Runnable action) {
        action.run();
    }

    /** Replications folded so far: all of {@code 0 .. delivered()-1}. */
    synchronized int delivered() {
        return next;
    }
}
