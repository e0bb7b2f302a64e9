package org.carecast.results;

import java.util.Locale;

/**
 * Every quantity a run reports, defined once: its id in the CSVs and workbook, its unit, and a
 * label for readers. Which groups (all, a placement type, an exit reason, a budget line) and
 * which tables it appears in is said where it is computed ({@link OutputSeries}); every
 * reporter finds it by this constant, never by a string.
 */
public enum OutputMetric {
    CHILDREN("children", "Children in care"),
    SPEND("pounds", "Spend"),
    PLACES("places", "Places available"),
    SPILL_OVER("placements", "Spill-over placements"),
    ENTRIES("children", "Entries into care"),
    EXITS("children", "Exits from care"),
    MOVES("moves", "Placement moves"),
    BREAKDOWNS("placements", "Breakdowns"),
    STEP_DOWNS("placements", "Step-downs"),
    THREE_PLUS_PLACEMENTS("children", "Children with 3+ placements in 12 months"),
    OWN_PROVISION_SHARE("share", "Own provision"),
    OUT_OF_BOROUGH_SHARE("share", "Out of borough"),
    UASC("children", "Unaccompanied asylum-seeking children"),
    OUT_OF_BOROUGH("children", "Children placed out of borough"),
    THREE_PLUS_PLACEMENTS_SHARE("share", "3+ placements in 12 months"),
    LONG_TERM_STABLE_SHARE("share", "Long-term stability"),
    SECURE_WELFARE("children", "Children in secure welfare"),
    INCOME("pounds", "Income"),
    NET_COST("pounds", "Net cost (spend less income)"),
    BUDGET("pounds", "Budget (net of expected income)"),
    PRESSURE("pounds", "Pressure (net cost less budget)"),
    PRESSURE_YEAR_TO_DATE("pounds", "Pressure so far in the financial year"),
    CHILDREN_AT_YEAR_END("children", "Children in care at the year's end"),
    PLACES_MEAN("places", "Places, averaged over the year's days"),
    CHILDREN_PLACED_MEAN("children", "Children placed, averaged over the year's days"),
    PLACEMENTS_STARTED("placements", "Placements begun"),
    SUPPORTED_BY_HUBS("children", "Children with Mockingbird hub support"),
    SPEND_OUTTURN("pounds", "Projected spend outturn: actual to date plus forecast");

    private final String unit;
    private final String label;

    OutputMetric(String unit, String label) {
        this.unit = unit;
        this.label = label;
    }

    /** The id in CSVs and the workbook, e.g. {@code net_cost}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code children}, {@code pounds}, {@code places}, {@code placements}, {@code moves} or {@code share}. */
    public String unit() {
        return unit;
    }

    /** A name for readers. */
    public String label() {
        return label;
    }

    /** Whether values are money (pounds). */
    public boolean isMoney() {
        return unit.equals("pounds");
    }
}
