package org.carecast.model;

/**
 * Unplanned endings and planned endings of placements. A breakdown ends a placement at a
 * constant hazard (per day, scaled by the child's need level); the child is matched again.
 * A planned end (for example a secure welfare order expiring) ends it at its own hazard and
 * sets the child's need to a given level before matching again.
 *
 * @param ratePerDay        breakdown hazard per type, per day
 * @param plannedRatePerDay planned-end hazard per type, per day (0 for none)
 * @param plannedNeed       need level after a planned end, per type (-1 keeps the need)
 * @param voidDays          days a place of each type stays empty after a placement in it breaks
 *                          down (a carer's break, a home's repairs), before it is offered again; 0 for none
 * @param frailtyVariance   how breakdown proneness varies between children: each child's
 *                          breakdown hazard is multiplied, in every placement, by its own draw
 *                          from a gamma distribution with mean 1 and this variance (0: all alike),
 *                          so that moves concentrate on some children as they do in life
 * @param frailty           the quantile table of that distribution, or null
 * @param rateLogSd         per type, the standard deviation of the log of its breakdown rate,
 *                          drawn once per replication pair (0: known)
 * @param destinations      where a breakdown sends a child: for each type of origin, cumulative
 *                          shares over the types of destination ({@code [from * types + to]});
 *                          a draw above a row's last share, or a destination without a free
 *                          place or outside its ages, leaves the child to be matched by its need
 */
public record BreakdownHazard(double[] ratePerDay, double[] plannedRatePerDay, int[] plannedNeed, double[] voidDays,
                              double frailtyVariance, Frailty frailty, double[] rateLogSd, double[] destinations) {

    /** Builds the hazards, with the frailty quantile table when {@code frailtyVariance} is above 0. */
    public static BreakdownHazard of(double[] ratePerDay, double[] plannedRatePerDay, int[] plannedNeed, double[] voidDays,
                                     double frailtyVariance) {
        return of(ratePerDay, plannedRatePerDay, plannedNeed, voidDays, frailtyVariance, new double[ratePerDay.length],
                new double[ratePerDay.length * ratePerDay.length]);
    }

    /**
     * As above, with each type's breakdown rate uncertain (a lognormal multiplier of this log
     * standard deviation) and the cumulative destination shares of its breakdowns.
     */
    public static BreakdownHazard of(double[] ratePerDay, double[] plannedRatePerDay, int[] plannedNeed, double[] voidDays,
                                     double frailtyVariance, double[] rateLogSd, double[] destinations) {
        return new BreakdownHazard(ratePerDay, plannedRatePerDay, plannedNeed, voidDays, frailtyVariance,
                frailtyVariance > 0 ? Frailty.of(frailtyVariance) : null, rateLogSd, destinations);
    }

    /** Whether breakdowns in type {@code from} send some children to given types. */
    public boolean hasDestinations(int from) {
        int types = ratePerDay.length;
        return destinations[from * types + types - 1] > 0;
    }

    /**
     * The destination of a breakdown in {@code from} for a uniform draw {@code u}, or -1 when the
     * draw falls beyond the shares given (the child is then matched by its need).
     */
    public int destination(int from, double u) {
        int types = ratePerDay.length;
        for (int to = 0; to < types; to++) {
            if (u < destinations[from * types + to]) {
                return to;
            }
        }
        return -1;
    }

    /** Whether any type's breakdown rate is drawn per replication. */
    public boolean uncertain() {
        for (double sd : rateLogSd) {
            if (sd > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether any type leaves its place empty for a while after a breakdown. */
    public boolean hasVoids() {
        for (double v : voidDays) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }
}
