package org.carecast.model;

/**
 * Children in care at the start date. Each child has a type and need, an age between
 * {@code ageMinDays} and {@code ageMaxDays} (equal when known exactly), and a time in care and
 * in placement, each known or NaN to draw. How the unknowns are drawn:
 * <ul>
 *   <li>by default ({@code meanDaysInCare} NaN), age within the bounds and time in care from
 *       the steady state of the scenario's own flows ({@link StockProfile}), so that the
 *       projection does not start with a settling that only reflects the draws;</li>
 *   <li>when the scenario gives a mean time in care, age uniform within the bounds and time in
 *       care exponential with that mean (how every start was drawn before the steady state);</li>
 * </ul>
 * and time in placement exponential with mean {@code meanDaysInPlacement}; draws are truncated
 * so that placement time &lt;= care time &lt;= age.
 *
 * @param type                  placement type per child
 * @param need                  need level per child
 * @param uasc                  whether each child is an unaccompanied asylum seeker
 * @param ageMinDays            lower bound of age at start
 * @param ageMaxDays            upper bound of age at start (exclusive when above the lower bound)
 * @param daysInCare            days in care at start, or NaN to draw
 * @param daysInPlacement       days in current placement at start, or NaN to draw
 * @param ownCostPerDay         what the child's current placement costs, pounds a day at the start's
 *                              prices, until that placement ends (a finance commitment), or NaN for
 *                              the type's price; uplifted each April as the type's price is
 * @param meanDaysInCare        mean of an exponential time in care, or NaN to draw from {@code stockProfile}
 * @param meanDaysInPlacement   mean of the drawn time in placement
 * @param stockProfile          steady-state ages and times in care, used when {@code meanDaysInCare} is NaN
 *                              (null otherwise)
 */
public record InitialCohort(int[] type, int[] need, boolean[] uasc, double[] ageMinDays, double[] ageMaxDays,
                            double[] daysInCare, double[] daysInPlacement, double[] ownCostPerDay,
                            double meanDaysInCare, double meanDaysInPlacement, StockProfile stockProfile) {

    public int size() {
        return type.length;
    }

    /** Age in days at the start of child {@code i}, drawn within its bounds from the uniform {@code u}. */
    public double age(int i, double u) {
        return steady()
                ? stockProfile.age(ageMinDays[i], ageMaxDays[i], u)
                : ageMinDays[i] + (ageMaxDays[i] - ageMinDays[i]) * u;
    }

    /** Days in care at the start of child {@code i}, aged {@code ageDays}: as given, else drawn from the uniform {@code u}. */
    public double daysInCare(int i, double ageDays, double u) {
        if (!Double.isNaN(daysInCare[i])) {
            return daysInCare[i];
        }
        return steady()
                ? stockProfile.timeInCare(ageDays, u)
                : Math.min(ageDays, meanDaysInCare * -Math.log(u)); // exponential by inversion
    }

    /** Days in the current placement of child {@code i}: as given, else drawn from the uniform {@code u}. */
    public double daysInPlacement(int i, double inCareDays, double u) {
        return Double.isNaN(daysInPlacement[i])
                ? Math.min(inCareDays, meanDaysInPlacement * -Math.log(u))
                : daysInPlacement[i];
    }

    private boolean steady() {
        return Double.isNaN(meanDaysInCare);
    }
}
