package org.carecast.engine;

import java.util.Arrays;

/**
 * The children in care during one replication, by id: each child's clocks (times in days from
 * the start) and small integers, with named accessors. An id is reused once its child leaves.
 *
 * <p>Each child's fields sit side by side (an array of structs in two primitive arrays, at
 * {@code id * stride + field}): an event reads and writes a handful of one child's fields, and
 * with tens of thousands of children one array per field would cost a cache miss per field.
 * Nothing here allocates per event; the arrays double when more children are in care at once
 * than ever before.
 */
final class ChildTable {

    // ---- times, in days ----
    private static final int BIRTH = 0;
    private static final int PLACE_START = 1;
    private static final int EXIT_TIME = 2;
    private static final int BREAKDOWN_TIME = 3;
    private static final int PLANNED_TIME = 4;
    private static final int BIRTHDAY_16_TIME = 5;
    private static final int STEP_DOWN_TIME = 6;
    private static final int LAST_MOVE = 7;
    /**
     * The child's random-stream key ({@link RandomStreams#entityKey}), its 64 bits held in a
     * double slot: every event draws from it, so it shares the row rather than costing a cache
     * miss in an array of its own.
     */
    private static final int KEY = 8;
    private static final int CARE_PLAN_TIME = 9;
    private static final int D = 10;

    // ---- small integers ----
    private static final int TYPE = 0;
    private static final int NEXT_KIND = 1;
    private static final int NEED = 2;
    private static final int PLACEMENTS = 3;
    private static final int OFFERS = 4;
    private static final int FLAGS = 5;
    private static final int MEMBER = 6;
    private static final int PLACEMENT_SERIAL = 7;
    private static final int EXIT_CENSUS = 8;
    private static final int ELIGIBLE_FROM = 9;
    private static final int ELIGIBLE_UNTIL = 10;
    private static final int STABLE_FROM = 11;
    private static final int MOVES_FROM = 12;
    private static final int MOVES_UNTIL = 13;
    private static final int I = 14;

    private static final int AGED_OUT_FLAG = 1;
    private static final int UASC_FLAG = 2;
    private static final int AWAY_FLAG = 4;

    /** The type of an id that belongs to no child in care. */
    static final int FREE = -1;

    // ---- a child's own events, in tie order ----
    // When two of a child's clocks read the same time, the kind listed first happens: an exit
    // first, so nothing follows a departure. This list and nextEvent below are the only
    // statement of that order; a new kind of child event is a constant here, its clock (a row
    // field and a line in nextEvent), and its handler in Replication.
    static final int EXIT = 0;
    static final int BREAKDOWN = 1;
    static final int PLANNED_END = 2;
    static final int BIRTHDAY_16 = 3;
    static final int STEP_DOWN = 4;
    static final int CARE_PLAN_MOVE = 5;

    private double[] dbl;
    private int[] ints;
    private int[] freeIds;
    private int freeCount;
    private int highWater;

    ChildTable(int capacity) {
        allocate(Math.max(1, capacity));
    }

    /** Forgets every child (a new replication). */
    void clear() {
        freeCount = 0;
        highWater = 0;
    }

    /** One more than the highest id in use so far: ids below it are in care or free. */
    int highWater() {
        return highWater;
    }

    /**
     * A new child with random-stream key {@code key}: no placements, offers, flags or
     * membership yet, no move before entry, no care-plan move, nothing counted at censuses.
     */
    int add(long key) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (highWater == freeIds.length) {
                allocate(freeIds.length * 2);
            }
            id = highWater++;
        }
        dbl[id * D + KEY] = Double.longBitsToDouble(key);
        ints[id * I + PLACEMENTS] = 0;
        ints[id * I + OFFERS] = 0;
        ints[id * I + MEMBER] = 0;
        // A reused id must not carry the last child's flags (an asylum seeker's, say) into this one.
        ints[id * I + FLAGS] = 0;
        dbl[id * D + LAST_MOVE] = Double.NEGATIVE_INFINITY;
        dbl[id * D + CARE_PLAN_TIME] = Double.POSITIVE_INFINITY;
        // Nothing counted yet: empty runs of censuses.
        ints[id * I + STABLE_FROM] = Integer.MAX_VALUE;
        ints[id * I + MOVES_FROM] = 0;
        ints[id * I + MOVES_UNTIL] = 0;
        return id;
    }

    /** The child has left care: its id is free for the next child. */
    void remove(int id) {
        ints[id * I + TYPE] = FREE;
        ints[id * I + PLACEMENT_SERIAL] = 0;
        freeIds[freeCount++] = id;
    }

    private void allocate(int n) {
        dbl = dbl == null ? new double[n * D] : Arrays.copyOf(dbl, n * D);
        ints = ints == null ? new int[n * I] : Arrays.copyOf(ints, n * I);
        freeIds = freeIds == null ? new int[n] : Arrays.copyOf(freeIds, n);
    }

    /** The child's random-stream key. */
    long key(int id) {
        return Double.doubleToRawLongBits(dbl[id * D + KEY]);
    }

    // ---- times, in days from the start ----

    /** Date of birth (negative: born before the start). */
    double birth(int id) {
        return dbl[id * D + BIRTH];
    }

    void setBirth(int id, double day) {
        dbl[id * D + BIRTH] = day;
    }

    /** When the current placement began. */
    double placeStart(int id) {
        return dbl[id * D + PLACE_START];
    }

    void setPlaceStart(int id, double day) {
        dbl[id * D + PLACE_START] = day;
    }

    /** When the child leaves care (its exit clock, set at entry). */
    double exitTime(int id) {
        return dbl[id * D + EXIT_TIME];
    }

    void setExitTime(int id, double day) {
        dbl[id * D + EXIT_TIME] = day;
    }

    /** When the current placement breaks down, or infinity. */
    double breakdownTime(int id) {
        return dbl[id * D + BREAKDOWN_TIME];
    }

    void setBreakdownTime(int id, double day) {
        dbl[id * D + BREAKDOWN_TIME] = day;
    }

    /** When the current placement ends as planned, or infinity. */
    double plannedTime(int id) {
        return dbl[id * D + PLANNED_TIME];
    }

    void setPlannedTime(int id, double day) {
        dbl[id * D + PLANNED_TIME] = day;
    }

    /** The 16th birthday while it is still to come and matters, else infinity. */
    double birthday16Time(int id) {
        return dbl[id * D + BIRTHDAY_16_TIME];
    }

    void setBirthday16Time(int id, double day) {
        dbl[id * D + BIRTHDAY_16_TIME] = day;
    }

    /** When the child becomes eligible for a step-down, or infinity. */
    double stepDownTime(int id) {
        return dbl[id * D + STEP_DOWN_TIME];
    }

    void setStepDownTime(int id, double day) {
        dbl[id * D + STEP_DOWN_TIME] = day;
    }

    /** Time of the most recent move (minus infinity: none known). */
    double lastMove(int id) {
        return dbl[id * D + LAST_MOVE];
    }

    void setLastMove(int id, double day) {
        dbl[id * D + LAST_MOVE] = day;
    }

    /** Time of the move the care plan makes soon after entry (emergency to planned placement), or infinity. */
    double carePlanTime(int id) {
        return dbl[id * D + CARE_PLAN_TIME];
    }

    void setCarePlanTime(int id, double day) {
        dbl[id * D + CARE_PLAN_TIME] = day;
    }

    // ---- small integers ----

    /** Placement type, or {@link #FREE} when the id belongs to no child in care. */
    int type(int id) {
        return ints[id * I + TYPE];
    }

    void setType(int id, int type) {
        ints[id * I + TYPE] = type;
    }

    /** The kind of the child's next event ({@link #EXIT} ... {@link #CARE_PLAN_MOVE}), as of {@link #nextEvent}. */
    int nextKind(int id) {
        return ints[id * I + NEXT_KIND];
    }

    /**
     * The time of the child's earliest clock, its kind kept as {@link #nextKind}: of clocks
     * reading the same time, the kind first in tie order.
     */
    double nextEvent(int id) {
        // Written out in tie order, not looped over a table: this runs at every event.
        int row = id * D;
        double t = dbl[row + EXIT_TIME];
        int kind = EXIT;
        if (dbl[row + BREAKDOWN_TIME] < t) {
            t = dbl[row + BREAKDOWN_TIME];
            kind = BREAKDOWN;
        }
        if (dbl[row + PLANNED_TIME] < t) {
            t = dbl[row + PLANNED_TIME];
            kind = PLANNED_END;
        }
        if (dbl[row + BIRTHDAY_16_TIME] < t) {
            t = dbl[row + BIRTHDAY_16_TIME];
            kind = BIRTHDAY_16;
        }
        if (dbl[row + STEP_DOWN_TIME] < t) {
            t = dbl[row + STEP_DOWN_TIME];
            kind = STEP_DOWN;
        }
        if (dbl[row + CARE_PLAN_TIME] < t) {
            t = dbl[row + CARE_PLAN_TIME];
            kind = CARE_PLAN_MOVE;
        }
        ints[id * I + NEXT_KIND] = kind;
        return t;
    }

    /** Need level. */
    int need(int id) {
        return ints[id * I + NEED];
    }

    void setNeed(int id, int need) {
        ints[id * I + NEED] = need;
    }

    /** Placements so far in this care episode: the draw number for per-placement streams. */
    int placements(int id) {
        return ints[id * I + PLACEMENTS];
    }

    /** Counts a new placement; returns the count before it (the draw number of the placement). */
    int countPlacement(int id) {
        return ints[id * I + PLACEMENTS]++;
    }

    /** Counts a step-down offer; returns the count before it (the draw number of the offer). */
    int countOffer(int id) {
        return ints[id * I + OFFERS]++;
    }

    /** True when the child leaves at 18 (its exit clock is its 18th birthday). */
    boolean agedOut(int id) {
        return (ints[id * I + FLAGS] & AGED_OUT_FLAG) != 0;
    }

    void setAgedOut(int id, boolean agedOut) {
        ints[id * I + FLAGS] = (ints[id * I + FLAGS] & ~AGED_OUT_FLAG) | (agedOut ? AGED_OUT_FLAG : 0);
    }

    /** True for an unaccompanied asylum-seeking child. */
    boolean uasc(int id) {
        return (ints[id * I + FLAGS] & UASC_FLAG) != 0;
    }

    void markUasc(int id) {
        ints[id * I + FLAGS] |= UASC_FLAG;
    }

    /** True while the current placement is outside the council's area. */
    boolean away(int id) {
        return (ints[id * I + FLAGS] & AWAY_FLAG) != 0;
    }

    void setAway(int id, boolean away) {
        ints[id * I + FLAGS] = away ? ints[id * I + FLAGS] | AWAY_FLAG : ints[id * I + FLAGS] & ~AWAY_FLAG;
    }

    /** 1 while the child lives in a Mockingbird satellite household, else 0. */
    int member(int id) {
        return ints[id * I + MEMBER];
    }

    void setMember(int id, int member) {
        ints[id * I + MEMBER] = member;
    }

    /**
     * Serial number of the current placement (from 1 within a replication; 0 when the id is
     * free): tells {@link StepDownCandidates} which of its entries are stale.
     */
    int placementSerial(int id) {
        return ints[id * I + PLACEMENT_SERIAL];
    }

    void setPlacementSerial(int id, int serial) {
        ints[id * I + PLACEMENT_SERIAL] = serial;
    }

    /**
     * Census indices (see {@link CensusCalendar}) fixed for the stay in care: the last census
     * that sees the child is the one before this.
     */
    int exitCensus(int id) {
        return ints[id * I + EXIT_CENSUS];
    }

    void setExitCensus(int id, int census) {
        ints[id * I + EXIT_CENSUS] = census;
    }

    /** The first census at which the child is eligible for the long-term stability measure. */
    int eligibleFrom(int id) {
        return ints[id * I + ELIGIBLE_FROM];
    }

    void setEligibleFrom(int id, int census) {
        ints[id * I + ELIGIBLE_FROM] = census;
    }

    /** The census at which the child stops being eligible for the long-term stability measure. */
    int eligibleUntil(int id) {
        return ints[id * I + ELIGIBLE_UNTIL];
    }

    void setEligibleUntil(int id, int census) {
        ints[id * I + ELIGIBLE_UNTIL] = census;
    }

    /** The census from which the current placement counts as long-term stable. */
    int stableFrom(int id) {
        return ints[id * I + STABLE_FROM];
    }

    void setStableFrom(int id, int census) {
        ints[id * I + STABLE_FROM] = census;
    }

    /** The run of censuses during which the second most recent move counts towards 3+ placements in 12 months: from. */
    int movesFrom(int id) {
        return ints[id * I + MOVES_FROM];
    }

    void setMovesFrom(int id, int census) {
        ints[id * I + MOVES_FROM] = census;
    }

    /** ... and until (not including). */
    int movesUntil(int id) {
        return ints[id * I + MOVES_UNTIL];
    }

    void setMovesUntil(int id, int census) {
        ints[id * I + MOVES_UNTIL] = census;
    }
}
