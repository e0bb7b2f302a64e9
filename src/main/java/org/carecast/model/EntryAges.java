package org.carecast.model;

/**
 * Ages at entry into care: a piecewise-uniform density over segments of age, each inside one
 * age band. Without a newborn share there is one segment per band (an age uniform within its
 * band). With one, the first band is split at {@link #NEWBORN_DAYS}: that share of its entries
 * come into care in their first week of life, the rest uniformly over the remainder of the
 * band, because many infants enter care at birth, and a uniform year then understates how long
 * infants are in care before their first birthday. A share of 0 still splits the band (no newborns; the rest
 * from the eighth day); NaN does not (ages uniform over the whole band). Units: days since birth.
 *
 * @param lowerDays  age at which each segment starts
 * @param upperDays  age at which each segment ends (never past the 18th birthday)
 * @param cumulative cumulative share of entries by segment, last element 1
 * @param band       age band of each segment
 */
public record EntryAges(double[] lowerDays, double[] upperDays, double[] cumulative, int[] band) {

    /** The end of the newborn segment: the first seven days of life, as "newborn" is defined in care-proceedings research. */
    public static final double NEWBORN_DAYS = 7;

    /** Intervals that miss a segment's edge by less than this (a rounding) count as inside it. */
    private static final double EDGE_DAYS = 1e-6;

    /** Entry ages uniform within each band, given the cumulative share of entries by band. */
    public static EntryAges uniformInBands(AgeBands ages, double[] bandShareCumulative) {
        return of(ages, bandShareCumulative, Double.NaN);
    }

    /**
     * Entry ages uniform within each band, except that {@code newbornShare} of the first band's
     * entries are in their first {@link #NEWBORN_DAYS} days and the rest after them (NaN gives
     * {@link #uniformInBands}).
     */
    public static EntryAges of(AgeBands ages, double[] bandShareCumulative, double newbornShare) {
        int bands = ages.size();
        boolean split = !Double.isNaN(newbornShare) && ages.upperDays()[0] > NEWBORN_DAYS;
        int n = split ? bands + 1 : bands;
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] cumulative = new double[n];
        int[] band = new int[n];
        int s = 0;
        if (split) {
            upper[0] = NEWBORN_DAYS;
            cumulative[0] = bandShareCumulative[0] * newbornShare;
            s = 1;
        }
        for (int b = 0; b < bands; b++, s++) {
            lower[s] = b == 0 && split ? NEWBORN_DAYS : ages.lowerDays()[b];
            upper[s] = ages.upperDays()[b];
            cumulative[s] = bandShareCumulative[b];
            band[s] = b;
        }
        return new EntryAges(lower, upper, cumulative, band);
    }

    public int size() {
        return band.length;
    }

    /** Share of entries in segment {@code s}. */
    public double share(int s) {
        return cumulative[s] - (s == 0 ? 0 : cumulative[s - 1]);
    }

    /** The age of an entry in segment {@code s}, for a uniform {@code u} in [0, 1). */
    public double age(int s, double u) {
        return lowerDays[s] + (upperDays[s] - lowerDays[s]) * u;
    }

    /** Segment holding age {@code ageDays} (the last for ages past its end). */
    int segmentOf(double ageDays) {
        int s = lowerDays.length - 1;
        while (s > 0 && ageDays < lowerDays[s]) {
            s--;
        }
        return s;
    }

    /** Share of entries with an age at entry in [{@code from}, {@code to}), in days. */
    double shareBetween(double from, double to) {
        double total = 0;
        for (int s = 0; s < size(); s++) {
            double lo = Math.max(from, lowerDays[s]);
            double hi = Math.min(to, upperDays[s]);
            if (hi > lo) {
                total += share(s) * (hi - lo) / (upperDays[s] - lowerDays[s]);
            }
        }
        return total;
    }

    /**
     * Mean density of entries per day of age over [{@code from}, {@code to}): the density of
     * the segment that holds the interval when one does (a rounding at its edges aside), else
     * the share entering in the interval over its length.
     */
    double densityOver(double from, double to) {
        int s = segmentOf(0.5 * (from + to));
        if (lowerDays[s] <= from + EDGE_DAYS && upperDays[s] >= to - EDGE_DAYS) {
            return share(s) / (upperDays[s] - lowerDays[s]);
        }
        return shareBetween(from, to) / (to - from);
    }
}
