package org.carecast.engine;

/**
 * The monthly censuses of a run (census {@code m} is taken at midnight at the start of month
 * {@code m}, for {@code m = 0..months}), with constant-time lookups from a time in days to the
 * first census at or after it. A census sees the state before that day's events, so a change
 * at time {@code t} first shows in census {@link #after(double)}.
 *
 * <p>Why a day table: census days are whole numbers, so the first census at or after
 * {@code t} is the first at or after {@code ceil(t)}, which a table by day answers in one read
 * instead of a search of the month starts.
 */
final class CensusCalendar {

    /** For each whole day 0..horizon+1, the first census on or after it. */
    private final int[] firstCensusFromDay;
    private final int censuses;

    CensusCalendar(double[] monthStartDay) {
        censuses = monthStartDay.length;
        int horizon = (int) monthStartDay[censuses - 1];
        firstCensusFromDay = new int[horizon + 2];
        int m = 0;
        for (int day = 0; day < firstCensusFromDay.length; day++) {
            while (m < censuses && monthStartDay[m] < day) {
                m++;
            }
            firstCensusFromDay[day] = m;
        }
    }

    /** Number of censuses, {@code months + 1}; an index past the last is this value. */
    int count() {
        return censuses;
    }

    /** Index of the first census taken at or after day {@code t} (infinite times allowed). */
    int atOrAfter(double t) {
        if (t >= 0) {
            // Math.ceil is a call under Java's quick compiler (the launcher's); for t >= 0 this is the same.
            double whole = (double) (long) t;
            return fromDay(t > whole ? whole + 1 : whole);
        }
        return fromDay(Math.ceil(t));
    }

    /** Index of the first census taken strictly after day {@code t}: the first to see a change made at {@code t}. */
    int after(double t) {
        // For t >= 0 truncation is Math.floor (a call under the quick compiler).
        return fromDay((t >= 0 ? (double) (long) t : Math.floor(t)) + 1);
    }

    private int fromDay(double day) {
        if (day <= 0) {
            return 0;
        }
        return day >= firstCensusFromDay.length ? censuses : firstCensusFromDay[(int) day];
    }
}
