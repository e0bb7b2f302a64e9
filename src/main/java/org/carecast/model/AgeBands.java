package org.carecast.model;

/**
 * Age bands used for entry ages, matching and exit hazards, in days since birth. The last
 * band ends at the 18th birthday, when every child leaves care.
 *
 * @param names      names such as "0", "1-4", "5-9", "10-15", "16-17"
 * @param lowerDays  age at which each band starts, ascending, the first being 0
 * @param upperDays  age at which each band ends (the next band's start, or 18 years)
 */
public record AgeBands(String[] names, double[] lowerDays, double[] upperDays) {

    /** Age at which children may move to semi-independence, in days. */
    public static final double AGE_16_DAYS = 16 * TimeGrid.DAYS_PER_YEAR;
    /** Age at which children leave care, in days. */
    public static final double AGE_18_DAYS = 18 * TimeGrid.DAYS_PER_YEAR;

    public int size() {
        return names.length;
    }

    /** Band of an age in days (ages at or over 18 years fall in the last band). */
    public int bandOf(double ageDays) {
        int b = lowerDays.length - 1;
        while (b > 0 && ageDays < lowerDays[b]) {
            b--;
        }
        return b;
    }
}
