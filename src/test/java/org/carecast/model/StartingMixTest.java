package org.carecast.model;

import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caution a reader gets when the start differs from what the flows sustain. */
class StartingMixTest {

    @Test
    void theBaselineIsCautionedAboutItsInfantsOnly() {
        StartingMix mix = StartingMix.of(Scenarios.baseline());
        assertEquals(589, mix.childrenAtStart());
        // The exit rates are fitted so the flows sustain the start's total (see the scenario file).
        assertEquals(589, mix.childrenSustained(), 3);
        assertTrue(mix.unsettled());
        assertEquals(java.util.List.of(0), mix.unsettledBands(), "only the infants differ materially");
        assertTrue(mix.caution().contains("children under 1: 30 at the start against 14 kept"), mix.caution());
    }

    @Test
    void aStartMatchingTheFlowsNeedsNoCaution() {
        StartingMix mix = new StartingMix(new String[] {"0-9", "10-17"}, new int[] {100, 200}, new double[] {104, 195});
        assertFalse(mix.unsettled());
        StartingMix offTotal = new StartingMix(new String[] {"0-9", "10-17"}, new int[] {100, 200}, new double[] {104, 180});
        assertTrue(offTotal.unsettled(), "the total is 16 children (over 2%) off");
    }
}
