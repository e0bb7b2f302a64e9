package org.carecast.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values keep the comment that gives their source: on their own line, or in the block above. */
class ScenarioAssumptionsTest {

    @Test
    void readsPathsValuesAndSources() {
        List<ScenarioAssumptions.Row> rows = ScenarioAssumptions.parse(List.of(
                "# Sources: [S0] a report",
                "",
                "name: Test   # not a source, just a name",
                "description: >",
                "  folded text: with a colon",
                "placementTypes:",
                "  - id: home",
                "    # [S0] the council's own figure",
                "    weeklyCost: 5000",
                "    label: \"A # in quotes\"   # [ASSUMPTION] why",
                "  - {id: other, weeklyCost: 10}   # [CMA21]",
                "entries:",
                "  ageShares: {\"0\": 1}"));
        assertEquals(List.of(
                new ScenarioAssumptions.Row(3, "name", "Test", "not a source, just a name"),
                new ScenarioAssumptions.Row(7, "placementTypes[home].id", "home", ""),
                new ScenarioAssumptions.Row(9, "placementTypes[home].weeklyCost", "5000", "[S0] the council's own figure"),
                new ScenarioAssumptions.Row(10, "placementTypes[home].label", "\"A # in quotes\"", "[ASSUMPTION] why"),
                new ScenarioAssumptions.Row(11, "placementTypes[other]", "{id: other, weeklyCost: 10}", "[CMA21]"),
                new ScenarioAssumptions.Row(13, "entries.ageShares", "{\"0\": 1}", "")), rows);
    }
}
