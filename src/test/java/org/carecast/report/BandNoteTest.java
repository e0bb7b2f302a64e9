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
        assertFalse(plain.contains("drawn once per"), plain);
        String compared = BandNote.forComparison(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12, "")));
        assertTrue(compared.startsWith("The 90% bands of each scenario hold chance") && compared.contains("paired differences"),
                compared);

        String drawn = BandNote.of(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12,
                "breakdownUncertainty: {rateLogSd: {a: 0.1}}")));
        assertTrue(drawn.contains("uncertainty the scenario gives for the breakdown rates, each drawn once per pair of replications"), drawn);

        String exits = BandNote.of(Scenarios.compile(Scenarios.closedPopulation(10, 1, 12, "breakdownUncertainty: {rateLogSd: {a: 0.1}}")
                .replaceFirst("(?m)^  reasons:", "  uncertainty: {rateLogSd: 0.2}\n  reasons:")));
        assertTrue(exits.contains("for the exit rates and the breakdown rates"), exits);

        var model = Scenarios.compile(Scenarios.closedPopulation(10, 1, 12, ""));
        String ranged = BandNote.of(model, java.util.List.of("placementTypes[a].weeklyCost"));
        String split = BandNote.split(java.util.List.of(
                new org.carecast.results.VarianceSplit(org.carecast.results.Table.YEARLY, org.carecast.results.OutputMetric.NET_COST,
                        "all", "2025/26", 4.0, 1.0, 500)));
        assertTrue(ranged.contains("chance (which children arrive, when, and how their placements go) and the range given for"
                + " placementTypes[a].weeklyCost, each drawn once per pair of replications"), ranged);
        assertTrue(split.contains("account for about 75% of the spread of 2025/26 net cost"), split);
        assertFalse(ranged.contains("prices, inflation"), ranged);
    }
}
