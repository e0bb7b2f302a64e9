package org.carecast.model;

import java.util.Arrays;

/**
 * The children in care that a scenario's flows sustain in the long run: entries at the
 * start-of-horizon rate and age mix, leaving care under the exit hazard, everyone leaving at
 * 18. By Little's law the number in each age band is the entry rate times the expected time an
 * entrant spends in care at those ages; it is computed here exactly for the model's
 * piecewise-constant hazard (no simulation), averaging over entry ages as the engine draws
 * them ({@link EntryAges}).
 *
 * <p>Why it matters: when the children in care at the start differ from this, the projection
 * moves towards it over the first years whatever the placements do. A start that is larger in
 * the fast-leaving bands (infants, 16-17 year olds, who all leave at 18) shows as a dip that is
 * an artefact of inconsistent assumptions, not a forecast.
 *
 * <p>Placements, capacity and moves do not enter: in the model leaving care depends only on
 * age and time in care.
 *
 * @param entriesPerYear    entries a year at the start of the horizon
 * @param childrenByBand    expected children in care per age band, in the long run
 * @param meanYearsInCare   expected time in care of an entrant, in years
 */
public record SteadyState(double entriesPerYear, double[] childrenByBand, double meanYearsInCare) {

    /** Entry ages per day of each band are averaged at this many points (midpoints). */
    private static final int POINTS_PER_YEAR = 365;

    /** Expected children in care in the long run, over all ages. */
    public double children() {
        double sum = 0;
        for (double c : childrenByBand) {
            sum += c;
        }
        return sum;
    }

    /** The steady state of a compiled model's flows as they stand in its first month. */
    public static SteadyState of(Model model) {
        EntryProcess entries = model.entries();
        double perDay = entries.ratePerDay()[0] * entries.acceptance()[0] + entries.extraRatePerDay()[0];
        return of(model.ages(), entries.ages(), perDay * TimeGrid.DAYS_PER_YEAR, model.exits());
    }

    /** The steady state for entries at {@code entriesPerYear} at these ages and under the exit hazard. */
    public static SteadyState of(AgeBands ages, EntryAges entryAges, double entriesPerYear, ExitHazard exits) {
        int bands = ages.size();
        double[] yearsByBand = new double[bands];
        double[] daysInBand = new double[bands];
        for (int s = 0; s < entryAges.size(); s++) {
            double share = entryAges.share(s);
            if (share <= 0) {
                continue;
            }
            double lower = entryAges.lowerDays()[s];
            double upper = Math.min(entryAges.upperDays()[s], AgeBands.AGE_18_DAYS);
            int points = Math.max(1, (int) Math.ceil((upper - lower) / TimeGrid.DAYS_PER_YEAR * POINTS_PER_YEAR));
            double step = (upper - lower) / points;
            for (int p = 0; p < points; p++) {
                Arrays.fill(daysInBand, 0);
                expectedDaysByBand(ages, exits, lower + (p + 0.5) * step, daysInBand);
                for (int a = 0; a < bands; a++) {
                    yearsByBand[a] += share / points * daysInBand[a] / TimeGrid.DAYS_PER_YEAR;
                }
            }
        }
        double meanYears = 0;
        double[] children = new double[bands];
        for (int a = 0; a < bands; a++) {
            meanYears += yearsByBand[a];
            children[a] = entriesPerYear * yearsByBand[a];
        }
        return new SteadyState(entriesPerYear, children, meanYears);
    }

    /**
     * Adds to {@code out[band]} the expected days a child entering at {@code entryAge} spends
     * in care at ages in each band: over each stretch of constant hazard h, survival S at its
     * start and length L, that is S (1 - exp(-h L)) / h.
     */
    static void expectedDaysByBand(AgeBands ages, ExitHazard exits, double entryAge, double[] out) {
        double[] survival = {1};
        exits.walk(ages, entryAge, AgeBands.AGE_18_DAYS, (band, start, length, hazard) -> {
            out[band] += hazard > 0 ? survival[0] * -Math.expm1(-hazard * length) / hazard : survival[0] * length;
            survival[0] *= Math.exp(-hazard * length);
        });
    }
}
