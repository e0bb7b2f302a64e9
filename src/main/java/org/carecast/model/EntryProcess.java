package org.carecast.model;

/**
 * Children entering care: a Poisson process whose rate is constant within each month (so a
 * trend takes effect month by month), with an age drawn from {@link EntryAges} (a band from
 * the shares, uniform within it, newborns apart) and a need level drawn from the need shares.
 *
 * <p>A demand change scales entries by a factor without disturbing the arrivals of the base
 * process, so that paired comparisons stay paired: a factor below one keeps each base arrival
 * with that probability (thinning, decided by the child's own draw), and a factor above one
 * adds a second, independent Poisson process of extra arrivals at (factor - 1) x the base rate.
 *
 * @param ratePerDay          expected base entries per day during month {@code m}
 * @param ages                ages at entry
 * @param acceptance          probability a base arrival enters care in month {@code m} (1 without a demand change)
 * @param extraRatePerDay     extra arrivals per day in month {@code m} (0 without a demand increase)
 * @param carePlanMoveShare   share of entrants who move once as their care plan says soon after
 *                            entering (an emergency placement, then the planned one); 0 for none
 * @param carePlanMoveMeanDays mean time from entry to that move, in days (exponential)
 * @param uascRatePerDay      unaccompanied asylum-seeking children's entries per day in month {@code m}
 *                            (a stream of their own, not thinned by demand changes); zeros for none
 * @param uascAges            their ages at entry (null when there is no such stream)
 * @param uascNeed            the need level they enter with (-1 when there is no such stream)
 * @param rateLogSd           how uncertain the entry rate is: each replication multiplies every
 *                            month's rate by exp(rateLogSd z1), z1 standard normal (0: known)
 * @param trendSdPerYear      how uncertain the trend is: and by exp(trendSdPerYear z2 t), t in
 *                            years from the start (0: known); z1 and z2 drawn once per
 *                            replication from its own keyed stream, the same in every scenario compared
 * @param shareCount          how many entries the age and need shares were estimated from: each
 *                            replication pair draws its own shares from the Dirichlet they imply
 *                            (concentration shareCount x share), 0 when the shares are known
 */
public record EntryProcess(double[] ratePerDay, EntryAges ages, double[] acceptance,
                           double[] extraRatePerDay, double carePlanMoveShare, double carePlanMoveMeanDays,
                           double[] uascRatePerDay, EntryAges uascAges, int uascNeed,
                           double rateLogSd, double trendSdPerYear, double shareCount) {

    /** Whether a replication draws its own entry rate. */
    public boolean uncertain() {
        return rateLogSd > 0 || trendSdPerYear > 0;
    }

    /** Whether any month thins the base arrivals. */
    public boolean thins() {
        for (double a : acceptance) {
            if (a < 1) {
                return true;
            }
        }
        return false;
    }
}
