package org.carecast.engine;

import org.carecast.model.CarerTurnover;
import org.carecast.model.TimeGrid;

import java.util.Arrays;

import static org.carecast.engine.RandomStreams.exponential;

/**
 * The clocks of carer turnover in one replication: for each placement type with turnover,
 * when it next gains a place (a Poisson process with monthly rates) and next loses one (a
 * hazard per place, so the loss rate moves with the places). Each type draws from a stream of
 * its own, keyed by its index, so one type's turnover never shifts another's draws.
 *
 * <p>A loss clock is one unit-exponential draw spent at the current rate: whenever the rate is
 * about to change (places change, a month ends) the time since the last change is spent
 * ({@link #spendLoss}) and the next loss is worked out again at the new rate
 * ({@link #scheduleLoss}).
 */
final class TurnoverClocks {

    /** Entity numbers of the types' streams: apart from every child's (see RandomStreams#entityKey). */
    private static final long FIRST_TURNOVER_STREAM = 1L << 42;

    private final CarerTurnover turnover;
    private final TimeGrid time;
    private final int types;
    private final boolean[] active;
    private final long[] key;
    private final double[] nextGain;
    private final long[] gainDraws;
    /** What is left of each loss clock's unit-exponential draw, as of {@code lossAnchor}. */
    private final double[] lossResidual;
    private final double[] lossAnchor;
    private final double[] nextLoss;
    private final long[] lossDraws;
    private double next = Double.POSITIVE_INFINITY;
    private int nextType;
    private boolean nextIsGain;

    TurnoverClocks(CarerTurnover turnover, TimeGrid time, int types) {
        this.turnover = turnover;
        this.time = time;
        this.types = types;
        active = new boolean[types];
        for (int t : turnover.active()) {
            active[t] = true;
        }
        key = new long[types];
        nextGain = new double[types];
        gainDraws = new long[types];
        lossResidual = new double[types];
        lossAnchor = new double[types];
        nextLoss = new double[types];
        lossDraws = new long[types];
    }

    /** True when type {@code t}'s places turn over. */
    boolean active(int t) {
        return active[t];
    }

    /** Starts every clock at {@code now} for the replication keyed {@code replicationKey}. */
    void start(long replicationKey, double now, int month, int[] capacity) {
        Arrays.fill(nextGain, Double.POSITIVE_INFINITY);
        Arrays.fill(nextLoss, Double.POSITIVE_INFINITY);
        for (int t : turnover.active()) {
            key[t] = RandomStreams.entityKey(replicationKey, FIRST_TURNOVER_STREAM + t);
            gainDraws[t] = 0;
            lossDraws[t] = 0;
            nextGain[t] = time.firstArrival(turnover.gainPerDay(), t, types, now, month,
                    exponential(key[t], RandomStreams.CARER_GAIN, 0));
            lossResidual[t] = exponential(key[t], RandomStreams.CARER_LOSS, 0);
            lossAnchor[t] = now;
            scheduleLoss(t, now, month, capacity[t]);
        }
        findNext();
    }

    /** When the next turnover event happens (infinity: none to come). */
    double next() {
        return next;
    }

    /** The type of the next turnover event. */
    int nextType() {
        return nextType;
    }

    /** True when the next turnover event is a gain, false when a loss. */
    boolean nextIsGain() {
        return nextIsGain;
    }

    /** The next event has happened at {@code now}: the gain clock draws its next, or the loss clock starts afresh. */
    void advance(double now, int month) {
        int t = nextType;
        if (nextIsGain) {
            nextGain[t] = time.firstArrival(turnover.gainPerDay(), t, types, now, month,
                    exponential(key[t], RandomStreams.CARER_GAIN, ++gainDraws[t]));
        } else {
            lossAnchor[t] = now;
            lossResidual[t] = exponential(key[t], RandomStreams.CARER_LOSS, ++lossDraws[t]);
        }
    }

    /** Spends type {@code t}'s loss clock for the time since it was last brought up to date, at its rate then. */
    void spendLoss(int t, double now, int month, int places) {
        double rate = turnover.lossPerPlacePerDay()[month * types + t] * places;
        lossResidual[t] = Math.max(0, lossResidual[t] - rate * (now - lossAnchor[t]));
        lossAnchor[t] = now;
    }

    /** Type {@code t}'s next loss at the current rate; valid until the month ends or places change, when it is redone. */
    void scheduleLoss(int t, double now, int month, int places) {
        double rate = month < time.months() ? turnover.lossPerPlacePerDay()[month * types + t] * places : 0;
        nextLoss[t] = rate > 0 ? now + lossResidual[t] / rate : Double.POSITIVE_INFINITY;
    }

    /** Finds the earliest gain or loss of any type: gains win ties, then lower types. */
    void findNext() {
        next = Double.POSITIVE_INFINITY;
        for (int t : turnover.active()) {
            if (nextGain[t] < next) {
                next = nextGain[t];
                nextType = t;
                nextIsGain = true;
            }
            if (nextLoss[t] < next) {
                next = nextLoss[t];
                nextType = t;
                nextIsGain = false;
            }
        }
    }
}
