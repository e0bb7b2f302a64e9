package org.carecast.engine;

import org.carecast.model.TimeGrid;

import static org.carecast.engine.RandomStreams.exponential;

/**
 * When the next child enters care, for each of the three arrival streams of a replication: the
 * base process, the extra arrivals of a demand increase, and unaccompanied asylum-seeking
 * children. Each is a Poisson process with rates constant within each month
 * ({@link TimeGrid#firstArrival}); each arrival is numbered in a range of its own, so every
 * child's random key differs from every other's, and a stream's draws stay keyed by arrival
 * number whatever the rates.
 */
final class EntryClocks {

    /** Arrival numbers of entries start here, so they never collide with the initial cohort. */
    static final long FIRST_ENTRY_NUMBER = 1L << 40;
    /** Arrival numbers of the extra entries of a demand increase: a key space of their own. */
    static final long FIRST_EXTRA_ENTRY_NUMBER = 1L << 41;
    /**
     * Arrival numbers of unaccompanied asylum-seeking children, a stream of their own: a range no
     * other arrival or stream uses, so their draws are independent of every other child's.
     */
    static final long FIRST_UASC_ENTRY_NUMBER = 1L << 43;

    // The streams in tie order: at the same instant the base process comes first, then extra
    // arrivals; an asylum seeker comes only when strictly earlier than both.
    static final int BASE = 0;
    static final int EXTRA = 1;
    static final int UASC = 2;

    private final TimeGrid time;
    private final double[] uascRate;
    private double[] baseRate;
    private double[] extraRate;
    private long key;
    private long base;
    private long extra;
    private long uasc;
    private double nextBase;
    private double nextExtra;
    private double nextUasc;

    EntryClocks(TimeGrid time, double[] uascRatePerDay) {
        this.time = time;
        this.uascRate = uascRatePerDay;
    }

    /**
     * Starts the three clocks at day 0 of the replication keyed {@code replicationKey}, with
     * this replication's base and extra rates per day by month (drawn, when uncertain).
     */
    void start(long replicationKey, double[] baseRatePerDay, double[] extraRatePerDay) {
        key = replicationKey;
        baseRate = baseRatePerDay;
        extraRate = extraRatePerDay;
        base = 0;
        extra = 0;
        uasc = 0;
        nextBase = time.firstArrival(baseRate, 0, 1, 0, 0, exponential(key, RandomStreams.ARRIVAL, 0));
        nextExtra = time.firstArrival(extraRate, 0, 1, 0, 0, exponential(key, RandomStreams.EXTRA_ARRIVAL, 0));
        nextUasc = time.firstArrival(uascRate, 0, 1, 0, 0, exponential(key, RandomStreams.UASC_ARRIVAL, 0));
    }

    /** When the next arrival of any stream happens (infinity: none before the horizon). */
    double next() {
        return TimeGrid.earlier(nextUasc, TimeGrid.earlier(nextBase, nextExtra));
    }

    /** Which stream the next arrival belongs to, in tie order. */
    int nextKind() {
        if (nextUasc < TimeGrid.earlier(nextBase, nextExtra)) {
            return UASC;
        }
        return nextBase <= nextExtra ? BASE : EXTRA;
    }

    /** Takes the next arrival of {@code kind} at {@code now} (in {@code month}): its arrival number; the stream's clock moves on. */
    long take(int kind, double now, int month) {
        return switch (kind) {
            case BASE -> {
                long number = FIRST_ENTRY_NUMBER + base++;
                nextBase = time.firstArrival(baseRate, 0, 1, now, month, exponential(key, RandomStreams.ARRIVAL, base));
                yield number;
            }
            case EXTRA -> {
                long number = FIRST_EXTRA_ENTRY_NUMBER + extra++;
                nextExtra = time.firstArrival(extraRate, 0, 1, now, month, exponential(key, RandomStreams.EXTRA_ARRIVAL, extra));
                yield number;
            }
            default -> {
                long number = FIRST_UASC_ENTRY_NUMBER + uasc++;
                nextUasc = time.firstArrival(uascRate, 0, 1, now, month, exponential(key, RandomStreams.UASC_ARRIVAL, uasc));
                yield number;
            }
        };
    }
}
