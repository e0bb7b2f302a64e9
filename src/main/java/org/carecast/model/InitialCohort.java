package org.carecast.model;

/**
 * Children in care at the start date. Each child has a type and need; its age is drawn
 * uniformly between {@code ageMinDays} and {@code ageMaxDays} (equal when known exactly); its
 * time in care and in placement are either known or (NaN) drawn from exponential
 * distributions with the given means, truncated so that placement time &lt;= care time &lt;= age.
 *
 * @param type                  placement type per child
 * @param need                  need level per child
 * @param ageMinDays            lower bound of age at start
 * @param ageMaxDays            upper bound of age at start (exclusive when above the lower bound)
 * @param daysInCare            days in care at start, or NaN to draw
 * @param daysInPlacement       days in current placement at start, or NaN to draw
 * @param meanDaysInCare        mean of the drawn time in care
 * @param meanDaysInPlacement   mean of the drawn time in placement
 */
public record InitialCohort(int[] type, int[] need, double[] ageMinDays, double[] ageMaxDays,
                            double[] daysInCare, double[] daysInPlacement,
                            double meanDaysInCare, double meanDaysInPlacement) {

    public int size() {
        return type.length;
    }
}
