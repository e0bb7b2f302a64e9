package org.carecast.engine;

import org.carecast.model.ExitReason;

import java.util.Arrays;

/**
 * Monthly tallies of one replication in flat primitive arrays. Month {@code m} runs from the
 * start of calendar month {@code m} to the start of month {@code m + 1}; censuses are taken at
 * the start of each month and once more at the end of the horizon, so they have
 * {@code months + 1} rows. Money is in pounds. One instance is reused by a worker thread
 * across replications: consumers must copy what they keep.
 */
public final class ReplicationResult {

    public final int months;
    public final int types;
    /** Children per type at the start of month m (m = months is the end of the horizon): [m * types + t]. */
    public final int[] census;
    /**
     * Children with three or more placements in the previous 365 days (the one held when they
     * began, or on entry, and one per move: two moves or more), at the start of month m.
     */
    public final int[] threePlusPlacements;
    /**
     * Children under 16 looked after for 2.5 years or more at census m: the denominator of the
     * national long-term stability measure (DfE; formerly NI 63).
     */
    public final int[] longTermEligible;
    /** Of {@link #longTermEligible}, those in the same placement for 2 years or more at census m. */
    public final int[] longTermStable;
    /** Child-days spent in each type during month m: [m * types + t]. */
    public final double[] childDays;
    /** Spend in pounds during month m on each type (per-child cost plus fixed cost): [m * types + t]. */
    public final double[] spend;
    /** Placements during month m that did not get the first choice, by the type taken: [m * types + t]. */
    public final int[] spillOver;
    /** Entries into care during month m. */
    public final int[] entries;
    /** Exits during month m by {@link ExitReason} ordinal: [m * reasons + r]. */
    public final int[] exits;
    /** Placement moves (breakdowns, planned ends, step-downs, moves at 16) during month m. */
    public final int[] moves;
    /** Breakdowns during month m. */
    public final int[] breakdowns;
    /** Step-downs during month m. */
    public final int[] stepDowns;
    /** Place-days available in each limited type during month m (0 for unlimited types): [m * types + t]. */
    public final double[] placeDays;
    /** Children placed outside the council's area in each type at census m: [m * types + t]. */
    public final int[] outOfBorough;
    /** Child-days outside the council's area in each type during month m: [m * types + t]. */
    public final double[] outOfBoroughDays;
    /** Unaccompanied asylum-seeking children in care at census m. */
    public final int[] uasc;
    /** Child-days of unaccompanied asylum-seeking children in care during month m (the grant is paid per night). */
    public final double[] uascDays;
    /** Placements begun in each type during month m (entries, moves, step-downs): [m * types + t]. */
    public final int[] placementsStarted;
    /** Breakdowns of placements in each type during month m: [m * types + t]. */
    public final int[] breakdownsIn;
    /** Children in Mockingbird satellite households of each type at census m: [m * types + t]. */
    public final int[] supportedByHubs;
    /** Places available in each type at census m, or -1 for unlimited types: [m * types + t]. */
    public final int[] places;
    /** Spend in pounds during month m on each intervention cost line: [m * lines + l]. */
    public final double[] lineSpend;
    /** Number of cost lines. */
    public final int lines;
    /**
     * The model the replication ran: with ranged assumptions each replication pair has its own
     * (its prices, budgets and income rates are the ones to value its tallies with).
     */
    public org.carecast.model.Model model;
    /** Events processed in the replication (entries, child events, capacity changes, month ends). */
    public long events;

    public ReplicationResult(int months, int types, int lines) {
        this.months = months;
        this.types = types;
        this.lines = lines;
        places = new int[(months + 1) * types];
        lineSpend = new double[months * lines];
        census = new int[(months + 1) * types];
        threePlusPlacements = new int[months + 1];
        longTermEligible = new int[months + 1];
        longTermStable = new int[months + 1];
        childDays = new double[months * types];
        spend = new double[months * types];
        spillOver = new int[months * types];
        entries = new int[months];
        exits = new int[months * ExitReason.values().length];
        moves = new int[months];
        breakdowns = new int[months];
        stepDowns = new int[months];
        placementsStarted = new int[months * types];
        uasc = new int[months + 1];
        uascDays = new double[months];
        outOfBorough = new int[(months + 1) * types];
        outOfBoroughDays = new double[months * types];
        placeDays = new double[months * types];
        breakdownsIn = new int[months * types];
        supportedByHubs = new int[(months + 1) * types];
    }

    /** Total children in care at census {@code m}. */
    public int childrenInCare(int m) {
        int total = 0;
        for (int t = 0; t < types; t++) {
            total += census[m * types + t];
        }
        return total;
    }

    /** Total spend in month m: placements plus intervention cost lines, in pounds. */
    public double totalSpend(int m) {
        double total = 0;
        for (int t = 0; t < types; t++) {
            total += spend[m * types + t];
        }
        for (int l = 0; l < lines; l++) {
            total += lineSpend[m * lines + l];
        }
        return total;
    }

    void clear() {
        Arrays.fill(places, 0);
        Arrays.fill(lineSpend, 0);
        Arrays.fill(census, 0);
        Arrays.fill(threePlusPlacements, 0);
        Arrays.fill(longTermEligible, 0);
        Arrays.fill(longTermStable, 0);
        Arrays.fill(childDays, 0);
        Arrays.fill(spend, 0);
        Arrays.fill(spillOver, 0);
        Arrays.fill(entries, 0);
        Arrays.fill(exits, 0);
        Arrays.fill(moves, 0);
        Arrays.fill(breakdowns, 0);
        Arrays.fill(stepDowns, 0);
        Arrays.fill(placementsStarted, 0);
        Arrays.fill(uasc, 0);
        Arrays.fill(uascDays, 0);
        Arrays.fill(outOfBorough, 0);
        Arrays.fill(outOfBoroughDays, 0);
        Arrays.fill(placeDays, 0);
        Arrays.fill(breakdownsIn, 0);
        Arrays.fill(supportedByHubs, 0);
        events = 0;
    }
}
