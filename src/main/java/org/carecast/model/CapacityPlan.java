package org.carecast.model;

/**
 * Places available per placement type over time: a starting number and dated changes (a new
 * home opening, carers recruited or lost). Unlimited types (the external market) have
 * {@link #UNLIMITED} places. A reduction never evicts a child: the type simply takes no one
 * until occupancy falls below the new number.
 *
 * @param initial     places at the start, per type
 * @param changeDay   day of each change, ascending
 * @param changeType  type changed
 * @param changeDelta places added (positive) or removed (negative)
 * @param changeKind  {@link #PLACES} for places, {@link #SLOTS} for satellite-household slots
 *                    ({@link SatelliteCare})
 */
public record CapacityPlan(int[] initial, double[] changeDay, int[] changeType, int[] changeDelta, int[] changeKind) {

    /** Capacity of a type with no limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    /** A change of places. */
    public static final int PLACES = 0;
    /** A change of Mockingbird satellite slots. */
    public static final int SLOTS = 1;

    public boolean isUnlimited(int type) {
        return initial[type] == UNLIMITED;
    }

    public int changes() {
        return changeDay.length;
    }

    /**
     * Places of {@code type} once every dated change has happened, never below zero after any
     * change (as the engine applies them); random carer turnover is not a dated change.
     */
    public int placesAfterChanges(int type) {
        int places = initial[type];
        for (int i = 0; i < changes(); i++) {
            if (changeType[i] == type && changeKind[i] == PLACES) {
                places = Math.max(0, places + changeDelta[i]);
            }
        }
        return places;
    }
}
