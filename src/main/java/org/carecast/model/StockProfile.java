package org.carecast.model;

/**
 * The ages and times in care of the children in care in the steady state of a scenario's own
 * flows (entries by age, the exit hazard, leaving at 18). It supplies what a source leaves out
 * about the children in care at the start date: the age within a given age band, and the time
 * in care so far.
 *
 * <p>A child now aged a who has been in care for d days entered at a - d, so in the steady
 * state the pair (a, d) has density proportional to (entry density at age a - d) x (probability
 * of still being in care d days after entering at that age). Ages within a band are drawn from
 * its marginal over d; time in care from its conditional given a.
 *
 * <p>Why not simpler distributions: time in care so far decides how soon a child leaves (the
 * exit hazard falls with time in care) and age within the band decides when a child turns 18,
 * so draws inconsistent with the flows make the children in care climb or dip over the first
 * years for no reason but the draws. "Stock over starts" (about 2.5 years) is the mean
 * <em>total</em> stay of an entrant, not the time so far of the children in care, which is
 * longer for adolescents and shorter for infants; and ages in care are not uniform in a band.
 *
 * <p>The density is tabulated on a grid of whole months of age and of time in care, once per
 * scenario, and drawn by inversion (uniform within a month). Units: days.
 */
public final class StockProfile {

    private static final double STEP = TimeGrid.DAYS_PER_YEAR / 12;
    private static final int MONTHS = (int) Math.round(AgeBands.AGE_18_DAYS / STEP);

    /**
     * timeInCare[row]: running totals of the steady-state density over whole months of time in
     * care for a child in age month {@code row}, starting at 0 (length row + 2).
     */
    private final double[][] timeInCare;
    /** Running totals of the density of children in care over months of age, starting at 0. */
    private final double[] belowAge;

    private StockProfile(double[][] timeInCare, double[] belowAge) {
        this.timeInCare = timeInCare;
        this.belowAge = belowAge;
    }

    /** Inputs of a table, compared by content: draws of assumptions that do not touch them reuse it. */
    private record Inputs(double[] bandLower, double[] bandUpper, double[] entryLower, double[] entryUpper,
                          double[] entryCumulative, double[] exitRate, double[] ticLower, double[] ticMultiplier) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Inputs x && java.util.Arrays.deepEquals(parts(), x.parts());
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.deepHashCode(parts());
        }

        private Object[] parts() {
            return new Object[] {bandLower, bandUpper, entryLower, entryUpper, entryCumulative, exitRate, ticLower, ticMultiplier};
        }
    }

    /** The last tables made: a few milliseconds each, made once per drawn replication pair otherwise. */
    private static final java.util.Map<Inputs, StockProfile> RECENT = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Inputs, StockProfile> eldest) {
                    return size() > 8;
                }
            });

    /** The steady-state table for entries at these ages and under this exit hazard. */
    public static StockProfile steadyState(AgeBands ages, EntryAges entryAges, ExitHazard exits) {
        Inputs key = new Inputs(ages.lowerDays(), ages.upperDays(), entryAges.lowerDays(), entryAges.upperDays(),
                entryAges.cumulative(), exits.ratePerDay(), exits.timeInCareLowerDays(), exits.timeInCareMultiplier());
        StockProfile known = RECENT.get(key);
        if (known == null) {
            known = compute(ages, entryAges, exits);
            RECENT.put(key, known);
        }
        return known;
    }

    private static StockProfile compute(AgeBands ages, EntryAges entryAges, ExitHazard exits) {
        double[] entryDensity = new double[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            // A month's mean: newborns make the first month's density a step inside it.
            entryDensity[m] = entryAges.densityOver(m * STEP, (m + 1) * STEP);
        }
        double[][] timeInCare = new double[MONTHS][];
        double[] belowAge = new double[MONTHS + 1];
        for (int row = 0; row < MONTHS; row++) {
            double age = (row + 0.5) * STEP;
            double[] c = new double[row + 2];
            for (int j = 0; j <= row; j++) {
                // The last cell holds durations from j months up to the row's mid-age: half a month.
                double width = j < row ? STEP : 0.5 * STEP;
                double mass = 0;
                // Two points per cell, a quarter in from each side, so that an entry age never
                // falls on a band edge where the entry density steps.
                for (double at : new double[] {0.25, 0.75}) {
                    double duration = j * STEP + at * width;
                    double entryAge = age - duration;
                    mass += entryDensity[(int) (entryAge / STEP)] * exits.survival(ages, entryAge, duration) * width / 2;
                }
                c[j + 1] = c[j] + mass;
            }
            timeInCare[row] = c;
            belowAge[row + 1] = belowAge[row] + c[row + 1];
        }
        return new StockProfile(timeInCare, belowAge);
    }

    /**
     * Time in care so far, in days, for a child aged {@code ageDays}, by inversion of the
     * uniform {@code u} in [0, 1); never more than the child's age.
     */
    public double timeInCare(double ageDays, double u) {
        int row = Math.min(MONTHS - 1, Math.max(0, (int) (ageDays / STEP)));
        double[] c = timeInCare[row];
        if (!(c[row + 1] > 0)) {
            return ageDays * u;
        }
        double at = invert(c, 0, row + 1, u);
        int cell = Math.min(row, (int) at);
        double width = cell < row ? STEP : 0.5 * STEP;
        return Math.min(ageDays, cell * STEP + (at - cell) * width);
    }

    /**
     * Age in days between {@code minDays} and {@code maxDays} (exclusive), drawn by inversion
     * of the uniform {@code u} from the steady-state density of ages in care; the bound itself
     * when both are equal.
     */
    public double age(double minDays, double maxDays, double u) {
        if (!(maxDays > minDays)) {
            return minDays;
        }
        int first = Math.max(0, (int) (minDays / STEP));
        int end = Math.min(MONTHS, (int) Math.ceil(maxDays / STEP));
        if (!(belowAge[end] > belowAge[first])) {
            return minDays + (maxDays - minDays) * u;
        }
        // Bands off the month grid are honoured by clamping.
        return Math.max(minDays, Math.min(Math.nextDown(maxDays), invert(belowAge, first, end, u) * STEP));
    }

    /**
     * Inverts running totals over cells {@code from} to {@code end - 1} ({@code totals[k]} is the
     * mass below cell k): the position, in cells, below which a share {@code u} of their mass
     * lies, linear within a cell. A cell with no mass is never chosen unless all are empty.
     */
    private static double invert(double[] totals, int from, int end, double u) {
        double target = totals[from] + u * (totals[end] - totals[from]);
        int lo = from;
        int hi = end - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (totals[mid + 1] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double mass = totals[lo + 1] - totals[lo];
        return lo + (mass > 0 ? Math.min(1, (target - totals[lo]) / mass) : 0.5);
    }
}
