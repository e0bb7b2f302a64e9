package org.carecast.model;

import java.time.LocalDate;

/**
 * The calendar of a run. Time inside the engine is a double counting days since midnight at
 * the start date; months are calendar months, and financial years run April to March.
 *
 * @param start              the first day simulated (always the first of a month)
 * @param months             number of simulated months (the horizon)
 * @param monthStartDay      day number at which month {@code m} starts; length {@code months + 1},
 *                           the last entry being the end of the horizon
 * @param financialYearIndex index into {@code financialYears} of each month
 * @param financialYears     labels such as "2025/26", in order
 * @param aprilsPassed       number of 1 Aprils after the start up to and including the start of
 *                           month {@code m}: the power of annual inflation applied in that month
 * @param yearFirstMonth     the first month of financial year {@code y} within the horizon
 * @param yearEndMonth       the month after its last month within the horizon (exclusive)
 */
public record TimeGrid(LocalDate start, int months, double[] monthStartDay, int[] financialYearIndex,
                       String[] financialYears, int[] aprilsPassed, int[] yearFirstMonth, int[] yearEndMonth) {

    /** Days in one average year; ages and annual rates are converted with it. */
    public static final double DAYS_PER_YEAR = 365.25;

    /**
     * When a Poisson process whose rate is constant within each month first fires after day
     * {@code from} (in month {@code month}): one unit-exponential draw {@code residual} is
     * spent across months, so a change of rate at a month boundary is exact and a draw keeps
     * its meaning whatever the rates. Rates per day are read at {@code rate[m * stride + offset]}
     * (one series, or one column of a month-by-type table). Infinity when it does not fire
     * before the horizon.
     */
    public double firstArrival(double[] rate, int offset, int stride, double from, int month, double residual) {
        double t = from;
        for (int i = month; i < months; i++) {
            double r = rate[i * stride + offset];
            double segment = monthStartDay[i + 1] - t;
            if (r > 0 && residual <= r * segment) {
                return t + residual / r;
            }
            residual -= r * segment;
            t = monthStartDay[i + 1];
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The earlier of two times in days, as {@code Math.min(a, b)} gives it for times, which are
     * never NaN nor -0.0 (Math.min differs only there). The engine asks this several times an
     * event, and under Java's quick compiler, which the launcher uses for short runs,
     * {@code Math.min} of doubles is a call rather than an instruction; one comparison is not.
     */
    public static double earlier(double a, double b) {
        return a <= b ? a : b;
    }

    /** The later of two times in days, as {@code Math.max(a, b)} gives it for times (see {@link #earlier}). */
    public static double later(double a, double b) {
        return a >= b ? a : b;
    }

    public double horizonDays() {
        return monthStartDay[months];
    }

    public LocalDate monthStart(int month) {
        return start.plusMonths(month);
    }

    public int financialYearCount() {
        return financialYears.length;
    }

    /** The financial-year label (April to March) of a date, e.g. 2025-05-01 gives "2025/26". */
    public static String financialYearOf(LocalDate date) {
        int first = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int next = (first + 1) % 100;
        // Not String.format: a grid is built for every draw of a ranged scenario, a label a month.
        return first + (next < 10 ? "/0" : "/") + next;
    }

    /** Builds the grid for a start date (first of a month) and a horizon in months. */
    public static TimeGrid of(LocalDate start, int months) {
        double[] monthStartDay = new double[months + 1];
        int[] fyIndex = new int[months];
        int[] aprils = new int[months + 1];
        java.util.List<String> labels = new java.util.ArrayList<>();
        int passed = 0;
        for (int m = 0; m <= months; m++) {
            LocalDate d = start.plusMonths(m);
            monthStartDay[m] = d.toEpochDay() - start.toEpochDay();
            if (m > 0 && d.getMonthValue() == 4) {
                passed++;
            }
            aprils[m] = passed;
            if (m < months) {
                String fy = financialYearOf(d);
                if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(fy)) {
                    labels.add(fy);
                }
                fyIndex[m] = labels.size() - 1;
            }
        }
        int years = labels.size();
        int[] first = new int[years];
        int[] end = new int[years];
        for (int m = months - 1; m >= 0; m--) {
            first[fyIndex[m]] = m;
        }
        for (int m = 0; m < months; m++) {
            end[fyIndex[m]] = m + 1;
        }
        return new TimeGrid(start, months, monthStartDay, fyIndex, labels.toArray(String[]::new), aprils, first, end);
    }
}
