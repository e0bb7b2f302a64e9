package org.carecast.report;

import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report says what its bands hold: chance, and only the rates the scenario makes uncertain. */
class BandNoteTest {

    @Test
    void theNoteNamesExactlyTheUncertaintiesTheScenarioGives() {
        String plain = BandNote.of(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12, "")));
        assertTrue(plain.startsWith("The 90% bands hold chance") && plain.contains("do not hold uncertainty in the prices"), plain);
        assertFalse(plain.contains("drawn once per replication"), plain);
        String compared = BandNote.forComparison(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12, "")));
        assertTrue(compared.startsWith("The 90% bands of each scenario hold chance") && compared.contains("paired differences"),
                compared);

        String drawn = BandNote.of(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12,
                "breakdownUncertainty: {rateLogSd: {a: 0.1}}")));
        assertTrue(drawn.contains("uncertainty the scenario gives for the breakdown rates (drawn once per replication)"), drawn);

        String exits = BandNote.of(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12, "breakdownUncertainty: {rateLogSd: {a: 0.1}}")
                .replaceFirst("(?m)^  reasons:", "  uncertainty: {rateLogSd: 0.2}\n  reasons:")));
        assertTrue(exits.contains("for the exit rates and the breakdown rates"), exits);
    }
}
