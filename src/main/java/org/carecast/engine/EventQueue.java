package org.carecast.engine;

/**
 * Pending events of entities identified by small non-negative integers (children), each
 * entity having at most one pending event. This is the engine's one seam for event-list
 * algorithms (after SSJ's {@code EventList}), specialised so that implementations can keep
 * everything in primitive arrays.
 *
 * <p>Contract, which every implementation must honour and {@code EventQueueContractTest}
 * checks:
 * <ul>
 *   <li>{@link #schedule(int, double)} sets the pending time of an id, inserting it or
 *       replacing its previous time; ids may be any value from 0 upwards (the queue grows).</li>
 *   <li>{@link #peekId()} is the id with the smallest time. Among equal times the id scheduled
 *       earliest (by its latest {@code schedule} call) comes first, so a run is reproducible.</li>
 *   <li>{@link #cancel(int)} removes an id's pending event; cancelling an absent id does nothing.</li>
 *   <li>Times are finite doubles (days); scheduling NaN or an infinite time is not allowed.</li>
 *   <li>No operation allocates once the queue has grown to its working size.</li>
 * </ul>
 */
public interface EventQueue {

    /** Sets the pending event time of {@code id}, replacing any earlier one. */
    void schedule(int id, double time);

    /** Removes the pending event of {@code id}, if any. */
    void cancel(int id);

    /** Whether {@code id} has a pending event. */
    boolean contains(int id);

    /** The id of the earliest event, or -1 when empty. */
    int peekId();

    /** The time of the earliest event, or {@code Double.POSITIVE_INFINITY} when empty. */
    double peekTime();

    /** Number of pending events. */
    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Removes every pending event, keeping allocated storage for reuse. */
    void clear();

    /**
     * Asks the queue to tell {@code coming}, as it lines up a batch of events to come next (the
     * calendar's sorted run of a new window), the id of each, so the caller can read their
     * records then: many cache misses at once, with nothing waiting on them, rather than one at
     * the start of each event. Ids may include events since cancelled. Optional (the default
     * tells nothing); it never changes which events come or their order.
     */
    default void lookahead(java.util.function.IntConsumer coming) {
    }
}
