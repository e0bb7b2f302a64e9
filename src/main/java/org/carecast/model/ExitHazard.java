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
 * @param rateLogSd             how uncertain the hazards are (see {@code exits.uncertainty})
 * @param reasonCount           per age band, how many exits its reason shares were estimated from:
 *                              each replication pair draws its own shares from the Dirichlet they
 *                              imply; 0 where the shares are known
 */
public record ExitHazard(double[] ratePerDay, double[] timeInCareLowerDays, double[] timeInCareMultiplier,
                         double[] reasonCumulative, double rateLogSd, double[] reasonCount) {

    /** Known reason shares. */
    public ExitHazard(double[] ratePerDay, double[] timeInCareLowerDays, double[] timeInCareMultiplier,
                      double[] reasonCumulative, double rateLogSd) {
        this(ratePerDay, timeInCareLowerDays, timeInCareMultiplier, reasonCumulative, rateLogSd, new double[ratePerDay.length]);
    }

    /** Whether any band's reason shares are drawn. */
    public boolean reasonsUncertain() {
        for (double n : reasonCount) {
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a child leaves care: the time at which the hazard, integrated from {@code from},
     * reaches {@code residual} (a unit exponential draw), or the 18th birthday if it does not
     * before. Conditional on being in care at {@code from}, this is an exact draw of the exit
     * time, so the same method serves entries and the children already in care at the start.
     * The engine calls it once per stay; it allocates nothing.
     *
     * @param birth      day of birth (negative before the start)
     * @param careStart  day the child came into care
     * @param from       day from which to integrate, at or after {@code careStart}
     * @return exit day, at most the 18th birthday
     */
    public double exitTime(AgeBands ages, double birth, double careStart, double from, double residual) {
        double ageOut = birth + AgeBands.AGE_18_DAYS;
        // Walk segments by index rather than recomputing bands from t, so that rounding at a
        // band edge can never produce an empty segment and stall the loop.
        int band = ages.bandOf(from - birth);
        int k = timeInCareLowerDays.length - 1;
        while (k > 0 && from - careStart < timeInCareLowerDays[k]) {
            k--;
        }
        double t = from;
        while (t < ageOut) {
            double bandEnd = band + 1 < ages.size() ? birth + ages.upperDays()[band] : ageOut;
            double ticEnd = k + 1 < timeInCareLowerDays.length ? careStart + timeInCareLowerDays[k + 1] : Double.POSITIVE_INFINITY;
            double segmentEnd = TimeGrid.earlier(ageOut, TimeGrid.earlier(bandEnd, ticEnd));
            double hazard = ratePerDay[band] * timeInCareMultiplier[k];
            double mass = hazard * TimeGrid.later(0, segmentEnd - t);
            if (hazard > 0 && residual <= mass) {
                return t + residual / hazard;
            }
            residual -= mass;
            t = TimeGrid.later(t, segmentEnd);
            if (segmentEnd >= bandEnd) {
                band++;
            }
            if (segmentEnd >= ticEnd) {
                k++;
            }
        }
        return ageOut;
    }

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
     * steady state and the stock profile); the engine's hot path uses {@link #exitTime}, the
     * same walk without a callback.
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
