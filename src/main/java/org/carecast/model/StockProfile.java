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

    /** cumulative[row][j]: probability that time so far is under (j + 1) months, at age month row. */
    private final double[][] cumulative;
    /** Relative density of children in care in each month of age. */
    private final double[] atAge;

    private StockProfile(double[][] cumulative, double[] atAge) {
        this.cumulative = cumulative;
        this.atAge = atAge;
    }

    /** The steady-state table for entries with these cumulative age shares (uniform within bands) and exit hazard. */
    public static StockProfile steadyState(AgeBands ages, double[] ageShareCumulative, ExitHazard exits) {
        double[] entryDensity = new double[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            int b = ages.bandOf((m + 0.5) * STEP);
            double share = ageShareCumulative[b] - (b == 0 ? 0 : ageShareCumulative[b - 1]);
            entryDensity[m] = share / (Math.min(ages.upperDays()[b], AgeBands.AGE_18_DAYS) - ages.lowerDays()[b]);
        }
        double[][] cumulative = new double[MONTHS][];
        double[] atAge = new double[MONTHS];
        for (int row = 0; row < MONTHS; row++) {
            double age = (row + 0.5) * STEP;
            double[] c = new double[row + 1];
            double sum = 0;
            for (int j = 0; j <= row; j++) {
                // The last cell holds durations from j months up to the row's mid-age: half a month.
                double width = j < row ? STEP : 0.5 * STEP;
                // Two points per cell, a quarter in from each side, so that an entry age never
                // falls on a band edge where the entry density steps.
                for (double at : new double[] {0.25, 0.75}) {
                    double duration = j * STEP + at * width;
                    double entryAge = age - duration;
                    sum += entryDensity[(int) (entryAge / STEP)] * exits.survival(ages, entryAge, duration) * width / 2;
                }
                c[j] = sum;
            }
            for (int j = 0; j <= row; j++) {
                c[j] = sum > 0 ? c[j] / sum : (j + 1.0) / (row + 1);
            }
            cumulative[row] = c;
            atAge[row] = sum;
        }
        return new StockProfile(cumulative, atAge);
    }

    /**
     * Time in care so far, in days, for a child aged {@code ageDays}, by inversion of the
     * uniform {@code u} in [0, 1); never more than the child's age.
     */
    public double timeInCare(double ageDays, double u) {
        int row = Math.min(MONTHS - 1, Math.max(0, (int) (ageDays / STEP)));
        double[] c = cumulative[row];
        int lo = 0;
        int hi = c.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double below = lo == 0 ? 0 : c[lo - 1];
        double within = c[lo] > below ? (u - below) / (c[lo] - below) : 0.5;
        double width = lo < row ? STEP : 0.5 * STEP;
        return Math.min(ageDays, lo * STEP + within * width);
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
        int last = Math.min(MONTHS - 1, (int) Math.ceil(maxDays / STEP) - 1);
        double total = 0;
        for (int m = first; m <= last; m++) {
            total += atAge[m];
        }
        if (!(total > 0)) {
            return minDays + (maxDays - minDays) * u;
        }
        double target = u * total;
        for (int m = first; m < last && target >= atAge[m]; m++) {
            target -= atAge[m];
            first = m + 1;
        }
        double within = atAge[first] > 0 ? Math.min(1, target / atAge[first]) : 0.5;
        // Bands off the month grid are honoured by clamping.
        return Math.max(minDays, Math.min(Math.nextDown(maxDays), (first + within) * STEP));
    }
}
