package org.carecast.model;

/**
 * Leaving care. The hazard of leaving is {@code ratePerDay[band(age)] * multiplier[band(time in
 * care)]}: piecewise constant in time, so a child's exit time can be computed once, at entry,
 * by integrating the hazard against one exponential draw. Children still in care at 18 leave
 * then. The reason is drawn at exit from shares by age band.
 *
 * @param ratePerDay            exit hazard per age band, per day
 * @param timeInCareLowerDays   start of each time-in-care band, ascending, first 0
 * @param timeInCareMultiplier  multiplier per time-in-care band
 * @param reasonCumulative      cumulative shares of {@link ExitReason#DRAWN} per age band, at
 *                              index {@code band * DRAWN.size() + reason}
 */
public record ExitHazard(double[] ratePerDay, double[] timeInCareLowerDays, double[] timeInCareMultiplier,
                         double[] reasonCumulative) {
}
