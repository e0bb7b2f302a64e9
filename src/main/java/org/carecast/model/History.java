package org.carecast.model;

/**
 * What happened before the start, from a scenario's actuals file, by calendar month: children
 * in care on the first of the month and pounds spent in it, in all and by placement type. A
 * value not given is NaN. The months are consecutive and end with the month before the start
 * (months the file skips are NaN), so charts can draw them up to the forecast.
 *
 * @param months        "2024-04" labels, oldest first, the last the month before the start
 * @param children      children in care in all, per month (the file's "all" row, or the sum of its
 *                      rows by type when it gives no "all" row)
 * @param childrenByType children per month and type, at {@code m * types + t}
 * @param spend         spend in all, per month (as {@code children})
 * @param spendByType   spend per month and type, at {@code m * types + t}
 */
public record History(String[] months, double[] children, double[] childrenByType, double[] spend, double[] spendByType) {

    /** No actuals. */
    public static final History NONE = new History(new String[0], new double[0], new double[0], new double[0], new double[0]);

    public boolean isEmpty() {
        return months.length == 0;
    }

    /** Index of a "2024-04" month, or -1. */
    public int indexOf(String month) {
        for (int m = 0; m < months.length; m++) {
            if (months[m].equals(month)) {
                return m;
            }
        }
        return -1;
    }
}
