package org.carecast.engine;

import java.util.Arrays;

/**
 * The children in care during one replication, by id: each child's clocks (times in days from
 * the start) and small integers, with named accessors. An id is reused once its child leaves.
 *
 * <p>Each child's fields sit together in one row of 16 longs (128 bytes) of one array, at
 * {@code OFFSET + id * ROW}: at England scale an event lands on a random one of some 90,000
 * children, and the cache misses of that first touch are most of an event's time, so a row is
 * two cache lines and no more. Doubles are kept as their bits, and the small integers two to a
 * long. The first line holds what choosing and dispatching a child's next event reads (its key,
 * birth and clocks); the second the counts and census indices. {@code OFFSET} puts every row on
 * a 128-byte boundary when the array starts on one, as a large array does (the JVM places an
 * array of more than half a heap region at a region's start, and its elements 16 bytes in): the
 * processor fetches such a pair of lines together. Nothing here allocates per event; the array
 * doubles when more children are in care at once than ever before.
 */
final class ChildTable {

    /** Longs per child. */
    private static final int ROW = 16;
    /** The first row's index: 16 bytes of array header + 14 longs = 128 bytes. */
    private static final int OFFSET = 14;

    // ---- first line: the key and the times, in days (doubles as bits) ----
    /**
     * The child's random-stream key ({@link RandomStreams#entityKey}): every event draws from it,
     * so it shares the row rather than costing a cache miss in an array of its own.
     */
    private static final int KEY = 0;
    private static final int BIRTH = 1;
    private static final int EXIT_TIME = 2;
    private static final int BREAKDOWN_TIME = 3;
    private static final int PLANNED_TIME = 4;
    private static final int BIRTHDAY_16_TIME = 5;
    private static final int STEP_DOWN_TIME = 6;
    private static final int CARE_PLAN_TIME = 7;

    // ---- second line ----
    /** Type in the low half; in the high half, flags (bits 0-7), next event kind (8-15) and need level (16-31). */
    private static final int TYPE_AND_STATE = 8;
    private static final int PLACE_START = 9;
    private static final int LAST_MOVE = 10;
    /** Placements in the low half, step-down offers in the high half. */
    private static final int PLACEMENTS_AND_OFFERS = 11;
    /** Mockingbird membership low, placement serial high. */
    private static final int MEMBER_AND_SERIAL = 12;
    /** Exit census low, first census eligible for long-term stability high. */
    private static final int EXIT_AND_ELIGIBLE_FROM = 13;
    /** Last census eligible for long-term stability (exclusive) low, census the placement is stable from high. */
    private static final int ELIGIBLE_UNTIL_AND_STABLE_FROM = 14;
    /** The run of censuses the second most recent move counts towards 3+ placements: from low, until high. */
    private static final int MOVES = 15;

    private static final int AGED_OUT_FLAG = 1;
    private static final int UASC_FLAG = 2;
    private static final int AWAY_FLAG = 4;
    private static final int FLAG_BITS = 0xFF;
    private static final int KIND_SHIFT = 8;
    private static final int NEED_SHIFT = 16;

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

    private long[] rows;
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
        int row = OFFSET + id * ROW;
        rows[row + KEY] = key;
        rows[row + PLACEMENTS_AND_OFFERS] = 0;
        setLow(row + MEMBER_AND_SERIAL, 0);
        // A reused id must not carry the last child's flags (an asylum seeker's, say) into this one.
        setState(id, state(id) & ~FLAG_BITS);
        setTime(row + LAST_MOVE, Double.NEGATIVE_INFINITY);
        setTime(row + CARE_PLAN_TIME, Double.POSITIVE_INFINITY);
        // Nothing counted yet: empty runs of censuses.
        setHigh(row + ELIGIBLE_UNTIL_AND_STABLE_FROM, Integer.MAX_VALUE);
        rows[row + MOVES] = 0;
        return id;
    }

    /** The child has left care: its id is free for the next child. */
    void remove(int id) {
        int row = OFFSET + id * ROW;
        setLow(row + TYPE_AND_STATE, FREE);
        setHigh(row + MEMBER_AND_SERIAL, 0);
        freeIds[freeCount++] = id;
    }

    private void allocate(int n) {
        rows = rows == null ? new long[OFFSET + n * ROW] : Arrays.copyOf(rows, OFFSET + n * ROW);
        freeIds = freeIds == null ? new int[n] : Arrays.copyOf(freeIds, n);
    }

    // ---- the row's slots: doubles as bits, integers in halves ----

    private double time(int slot) {
        return Double.longBitsToDouble(rows[slot]);
    }

    private void setTime(int slot, double day) {
        rows[slot] = Double.doubleToRawLongBits(day);
    }

    private int low(int slot) {
        return (int) rows[slot];
    }

    private int high(int slot) {
        return (int) (rows[slot] >>> 32);
    }

    private void setLow(int slot, int value) {
        rows[slot] = (rows[slot] & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
    }

    private void setHigh(int slot, int value) {
        rows[slot] = (rows[slot] & 0xFFFF_FFFFL) | ((long) value << 32);
    }

    private int state(int id) {
        return high(OFFSET + id * ROW + TYPE_AND_STATE);
    }

    private void setState(int id, int state) {
        setHigh(OFFSET + id * ROW + TYPE_AND_STATE, state);
    }

    /**
     * Reads both cache lines of child {@code id}'s row and returns a value made from them (so
     * that the reads are not dropped as unused): see {@link EventQueue#lookahead}.
     */
    long touch(int id) {
        int row = OFFSET + id * ROW;
        return rows[row + KEY] ^ rows[row + TYPE_AND_STATE];
    }

    /** The child's random-stream key. */
    long key(int id) {
        return rows[OFFSET + id * ROW + KEY];
    }

    // ---- times, in days from the start ----

    /** Date of birth (negative: born before the start). */
    double birth(int id) {
        return time(OFFSET + id * ROW + BIRTH);
    }

    void setBirth(int id, double day) {
        setTime(OFFSET + id * ROW + BIRTH, day);
    }

    /** When the current placement began. */
    double placeStart(int id) {
        return time(OFFSET + id * ROW + PLACE_START);
    }

    void setPlaceStart(int id, double day) {
        setTime(OFFSET + id * ROW + PLACE_START, day);
    }

    /** When the child leaves care (its exit clock, set at entry). */
    double exitTime(int id) {
        return time(OFFSET + id * ROW + EXIT_TIME);
    }

    void setExitTime(int id, double day) {
        setTime(OFFSET + id * ROW + EXIT_TIME, day);
    }

    /** When the current placement breaks down, or infinity. */
    double breakdownTime(int id) {
        return time(OFFSET + id * ROW + BREAKDOWN_TIME);
    }

    void setBreakdownTime(int id, double day) {
        setTime(OFFSET + id * ROW + BREAKDOWN_TIME, day);
    }

    /** When the current placement ends as planned, or infinity. */
    double plannedTime(int id) {
        return time(OFFSET + id * ROW + PLANNED_TIME);
    }

    void setPlannedTime(int id, double day) {
        setTime(OFFSET + id * ROW + PLANNED_TIME, day);
    }

    /** The 16th birthday while it is still to come and matters, else infinity. */
    double birthday16Time(int id) {
        return time(OFFSET + id * ROW + BIRTHDAY_16_TIME);
    }

    void setBirthday16Time(int id, double day) {
        setTime(OFFSET + id * ROW + BIRTHDAY_16_TIME, day);
    }

    /** When the child becomes eligible for a step-down, or infinity. */
    double stepDownTime(int id) {
        return time(OFFSET + id * ROW + STEP_DOWN_TIME);
    }

    void setStepDownTime(int id, double day) {
        setTime(OFFSET + id * ROW + STEP_DOWN_TIME, day);
    }

    /** Time of the most recent move (minus infinity: none known). */
    double lastMove(int id) {
        return time(OFFSET + id * ROW + LAST_MOVE);
    }

    void setLastMove(int id, double day) {
        setTime(OFFSET + id * ROW + LAST_MOVE, day);
    }

    /** Time of the move the care plan makes soon after entry (emergency to planned placement), or infinity. */
    double carePlanTime(int id) {
        return time(OFFSET + id * ROW + CARE_PLAN_TIME);
    }

    void setCarePlanTime(int id, double day) {
        setTime(OFFSET + id * ROW + CARE_PLAN_TIME, day);
    }

    // ---- small integers ----

    /** Placement type, or {@link #FREE} when the id belongs to no child in care. */
    int type(int id) {
        return low(OFFSET + id * ROW + TYPE_AND_STATE);
    }

    void setType(int id, int type) {
        setLow(OFFSET + id * ROW + TYPE_AND_STATE, type);
    }

    /** The kind of the child's next event ({@link #EXIT} ... {@link #CARE_PLAN_MOVE}), as of {@link #nextEvent}. */
    int nextKind(int id) {
        return (state(id) >>> KIND_SHIFT) & 0xFF;
    }

    /**
     * The time of the child's earliest clock, its kind kept as {@link #nextKind}: of clocks
     * reading the same time, the kind first in tie order.
     */
    double nextEvent(int id) {
        // Written out in tie order, not looped over a table: this runs at every event.
        int row = OFFSET + id * ROW;
        double t = time(row + EXIT_TIME);
        int kind = EXIT;
        if (time(row + BREAKDOWN_TIME) < t) {
            t = time(row + BREAKDOWN_TIME);
            kind = BREAKDOWN;
        }
        if (time(row + PLANNED_TIME) < t) {
            t = time(row + PLANNED_TIME);
            kind = PLANNED_END;
        }
        if (time(row + BIRTHDAY_16_TIME) < t) {
            t = time(row + BIRTHDAY_16_TIME);
            kind = BIRTHDAY_16;
        }
        if (time(row + STEP_DOWN_TIME) < t) {
            t = time(row + STEP_DOWN_TIME);
            kind = STEP_DOWN;
        }
        if (time(row + CARE_PLAN_TIME) < t) {
            t = time(row + CARE_PLAN_TIME);
            kind = CARE_PLAN_MOVE;
        }
        setState(id, (state(id) & ~(0xFF << KIND_SHIFT)) | (kind << KIND_SHIFT));
        return t;
    }

    /** Need level. */
    int need(int id) {
        return state(id) >>> NEED_SHIFT;
    }

    void setNeed(int id, int need) {
        if (need < 0 || need > 0xFFFF) {
            throw new IllegalArgumentException("need level index out of range: " + need);
        }
        setState(id, (state(id) & ((1 << NEED_SHIFT) - 1)) | (need << NEED_SHIFT));
    }

    /** Placements so far in this care episode: the draw number for per-placement streams. */
    int placements(int id) {
        return low(OFFSET + id * ROW + PLACEMENTS_AND_OFFERS);
    }

    /** Counts a new placement; returns the count before it (the draw number of the placement). */
    int countPlacement(int id) {
        int slot = OFFSET + id * ROW + PLACEMENTS_AND_OFFERS;
        int n = low(slot);
        setLow(slot, n + 1);
        return n;
    }

    /** Counts a step-down offer; returns the count before it (the draw number of the offer). */
    int countOffer(int id) {
        int slot = OFFSET + id * ROW + PLACEMENTS_AND_OFFERS;
        int n = high(slot);
        setHigh(slot, n + 1);
        return n;
    }

    /** True when the child leaves at 18 (its exit clock is its 18th birthday). */
    boolean agedOut(int id) {
        return (state(id) & AGED_OUT_FLAG) != 0;
    }

    void setAgedOut(int id, boolean agedOut) {
        setState(id, (state(id) & ~AGED_OUT_FLAG) | (agedOut ? AGED_OUT_FLAG : 0));
    }

    /** True for an unaccompanied asylum-seeking child. */
    boolean uasc(int id) {
        return (state(id) & UASC_FLAG) != 0;
    }

    void markUasc(int id) {
        setState(id, state(id) | UASC_FLAG);
    }

    /** True while the current placement is outside the council's area. */
    boolean away(int id) {
        return (state(id) & AWAY_FLAG) != 0;
    }

    void setAway(int id, boolean away) {
        setState(id, away ? state(id) | AWAY_FLAG : state(id) & ~AWAY_FLAG);
    }

    /** 1 while the child lives in a Mockingbird satellite household, else 0. */
    int member(int id) {
        return low(OFFSET + id * ROW + MEMBER_AND_SERIAL);
    }

    void setMember(int id, int member) {
        setLow(OFFSET + id * ROW + MEMBER_AND_SERIAL, member);
    }

    /**
     * Serial number of the current placement (from 1 within a replication; 0 when the id is
     * free): tells {@link StepDownCandidates} which of its entries are stale.
     */
    int placementSerial(int id) {
        return high(OFFSET + id * ROW + MEMBER_AND_SERIAL);
    }

    void setPlacementSerial(int id, int serial) {
        setHigh(OFFSET + id * ROW + MEMBER_AND_SERIAL, serial);
    }

    /**
     * Census indices (see {@link CensusCalendar}) fixed for the stay in care: the last census
     * that sees the child is the one before this.
     */
    int exitCensus(int id) {
        return low(OFFSET + id * ROW + EXIT_AND_ELIGIBLE_FROM);
    }

    void setExitCensus(int id, int census) {
        setLow(OFFSET + id * ROW + EXIT_AND_ELIGIBLE_FROM, census);
    }

    /** The first census at which the child is eligible for the long-term stability measure. */
    int eligibleFrom(int id) {
        return high(OFFSET + id * ROW + EXIT_AND_ELIGIBLE_FROM);
    }

    void setEligibleFrom(int id, int census) {
        setHigh(OFFSET + id * ROW + EXIT_AND_ELIGIBLE_FROM, census);
    }

    /** The census at which the child stops being eligible for the long-term stability measure. */
    int eligibleUntil(int id) {
        return low(OFFSET + id * ROW + ELIGIBLE_UNTIL_AND_STABLE_FROM);
    }

    void setEligibleUntil(int id, int census) {
        setLow(OFFSET + id * ROW + ELIGIBLE_UNTIL_AND_STABLE_FROM, census);
    }

    /** The census from which the current placement counts as long-term stable. */
    int stableFrom(int id) {
        return high(OFFSET + id * ROW + ELIGIBLE_UNTIL_AND_STABLE_FROM);
    }

    void setStableFrom(int id, int census) {
        setHigh(OFFSET + id * ROW + ELIGIBLE_UNTIL_AND_STABLE_FROM, census);
    }

    /** The run of censuses during which the second most recent move counts towards 3+ placements in 12 months: from. */
    int movesFrom(int id) {
        return low(OFFSET + id * ROW + MOVES);
    }

    void setMovesFrom(int id, int census) {
        setLow(OFFSET + id * ROW + MOVES, census);
    }

    /** ... and until (not including). */
    int movesUntil(int id) {
        return high(OFFSET + id * ROW + MOVES);
    }

    void setMovesUntil(int id, int census) {
        setHigh(OFFSET + id * ROW + MOVES, census);
    }
}
