package org.carecast.results;

import java.util.Locale;

/** The two tables a projection is reported in: per calendar month, and per financial year (April to March). */
public enum Table {
    /** Months of the horizon ("2025-04"); stocks at the census on each month's 1st. */
    MONTHLY,
    /** Financial years ("2025/26"), April to March, clipped to the horizon. */
    YEARLY;

    /** The table's name in file names and CSVs: "monthly" or "yearly". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
