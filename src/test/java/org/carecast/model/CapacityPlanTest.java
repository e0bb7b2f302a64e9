package org.carecast.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The places a type has once its dated changes have happened, as the engine applies them. */
class CapacityPlanTest {

    @Test
    void placesAfterChangesNeverFallBelowZeroAndCountOnlyTheTypesOwnPlaceChanges() {
        // Type 0: 5 places, 8 closed (none left, not -3), then 2 opened; type 1: satellite slots only.
        CapacityPlan plan = new CapacityPlan(new int[] {5, 3}, new double[] {10, 20, 30, 40},
                new int[] {0, 1, 0, 1}, new int[] {-8, 4, 2, 6},
                new int[] {CapacityPlan.PLACES, CapacityPlan.SLOTS, CapacityPlan.PLACES, CapacityPlan.PLACES});
        assertEquals(2, plan.placesAfterChanges(0));
        assertEquals(9, plan.placesAfterChanges(1));
    }
}
