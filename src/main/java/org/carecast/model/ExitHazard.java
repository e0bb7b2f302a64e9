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

    /** One stretch of a stay in care over which the exit hazard is constant. */
    @FunctionalInterface
    public interface Stretch {
        /**
         * @param ageBand     age band throughout the stretch
         * @param startDays   time in care at its start, days
         * @param lengthDays  its length, days
         * @param hazard      exit hazard throughout it, per day
         */
        void accept(int ageBand, double startDays, double lengthDays, double hazard);
    }

    /**
     * Walks the stay of a child entering care at {@code entryAgeDays} in stretches of constant
     * hazard, split at age-band and time-in-care-band edges, up to {@code durationDays} in care
     * or the 18th birthday, whichever comes first. Used by the model-level calculations (the
     * steady state and the time in care of the children at the start), not by the engine.
     */
    public void walk(AgeBands ages, double entryAgeDays, double durationDays, Stretch stretch) {
        double end = Math.min(AgeBands.AGE_18_DAYS, entryAgeDays + durationDays);
        int band = ages.bandOf(entryAgeDays);
        int k = 0;
        double age = entryAgeDays;
        while (age < end) {
            double bandEnd = band + 1 < ages.size() ? ages.upperDays()[band] : AgeBands.AGE_18_DAYS;
            double ticEnd = k + 1 < timeInCareLowerDays.length ? entryAgeDays + timeInCareLowerDays[k + 1] : Double.POSITIVE_INFINITY;
            double stop = Math.min(end, Math.min(bandEnd, ticEnd));
            stretch.accept(band, age - entryAgeDays, stop - age, ratePerDay[band] * timeInCareMultiplier[k]);
            age = stop;
            if (stop >= bandEnd) {
                band++;
            }
            if (stop >= ticEnd) {
                k++;
            }
        }
    }

    /** Probability that a child entering at {@code entryAgeDays} is still in care {@code durationDays} later. */
    public double survival(AgeBands ages, double entryAgeDays, double durationDays) {
        if (entryAgeDays + durationDays >= AgeBands.AGE_18_DAYS) {
            return 0;
        }
        double[] cumulative = {0};
        walk(ages, entryAgeDays, durationDays, (band, start, length, hazard) -> cumulative[0] += hazard * length);
        return Math.exp(-cumulative[0]);
    }
}
