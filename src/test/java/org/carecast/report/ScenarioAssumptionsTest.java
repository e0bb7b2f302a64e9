package org.carecast.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values keep the comment that gives their source: on their own line, or in the block above. */
class ScenarioAssumptionsTest {

    @Test
    void valuesReadInWords() {
        assertEquals("£1.10m", ScenarioAssumptions.inWords("placementTypes[council_home].fixedAnnualCost", "1100000"));
        assertEquals("£950", ScenarioAssumptions.inWords("placementTypes[ifa].weeklyCost", "950"));
        assertEquals("2025/26: £2.50m", ScenarioAssumptions.inWords("finance.budgetLines[semi].byYear", "{\"2025/26\": 2500000}"));
        assertEquals("£6,600 (PERT £6,100 to £7,300)",
                ScenarioAssumptions.inWords("placementTypes[external_home].weeklyCost", "{central: 6600, low: 6100, high: 7300}"));
        assertEquals("0.15 (PERT 0.08 to 0.22)",
                ScenarioAssumptions.inWords("needLevels[standard].escalationProbability", "{central: 0.15, low: 0.08, high: 0.22}"));
        assertEquals("16.1", ScenarioAssumptions.inWords("entries.monthlyRate", "16.1"));
        assertEquals("[0, 1, 5, 10, 16]", ScenarioAssumptions.inWords("ageBands", "[0, 1, 5, 10, 16]"));
    }

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

    @Test
    void aParentsValuesSayWhetherTheScenarioSetsThemAgain(@TempDir Path dir) throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), String.join("\n",
                "name: base",
                "placementTypes:",
                "  - id: foster",
                "    weeklyCost: 500      # [VC18]",
                "    capacity: 20         # [S0]",
                "  - {id: home, weeklyCost: 5000, capacity: 4}   # [CMA21]",
                "  - {id: secure, weeklyCost: 32000}",
                "matching:",
                "  - order: [foster, home]",
                "entries:",
                "  ageShares: {\"0\": 0.5, \"1-17\": 0.5}",
                ""));
        Path child = Files.writeString(dir.resolve("child.yaml"), String.join("\n",
                "extends: base.yaml",
                "name: child",
                "placementTypes:",
                "  - {id: foster, weeklyCost: 650}   # [ASSUMPTION] enhanced allowance",
                "  - id: home",
                "    capacity: 6",
                "  - {id: secure, remove: true}",
                "matching:",
                "  - order: [home]",
                ""));
        List<ScenarioAssumptions.FileRows> files = ScenarioAssumptions.of(List.of(child, base));
        assertEquals(2, files.size());
        assertTrue(files.get(0).overriddenIn().stream().allMatch(String::isEmpty), "the scenario's own values all apply");
        ScenarioAssumptions.FileRows parent = files.get(1);
        java.util.Map<String, String> marks = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parent.rows().size(); i++) {
            marks.put(parent.rows().get(i).field(), parent.overriddenIn().get(i));
        }
        assertEquals("child.yaml", marks.get("name"));
        assertEquals("child.yaml", marks.get("placementTypes[foster].weeklyCost"), "set again, one-line item");
        assertEquals("", marks.get("placementTypes[foster].capacity"), "not set again: still applies");
        assertEquals("child.yaml (capacity)", marks.get("placementTypes[home]"), "one key of a one-line item");
        assertEquals("child.yaml", marks.get("placementTypes[secure]"), "removed");
        assertEquals("child.yaml", marks.get("matching[-].order"), "a list without ids is replaced whole");
        assertEquals("", marks.get("entries.ageShares"));
    }

    @Test
    void aCommentContinuedOnTheLinesBelowIsKeptWhole() {
        List<ScenarioAssumptions.Row> rows = ScenarioAssumptions.parse(List.of(
                "initialPopulation:",
                "  meanYearsInPlacement: 3.0    # [ASSUMPTION] drawn exponential; 3 years puts the",
                "                               # long-term stability share near the model's own",
                "                               # later level",
                "  # [S0] counts",
                "  groups: 4",
                "  other: 1   # short",
                "  # a comment above the next value, not a continuation",
                "  last: 2"));
        assertEquals(List.of(
                new ScenarioAssumptions.Row(2, "initialPopulation.meanYearsInPlacement", "3.0", "[ASSUMPTION] drawn exponential;"
                        + " 3 years puts the long-term stability share near the model's own later level"),
                new ScenarioAssumptions.Row(6, "initialPopulation.groups", "4", "[S0] counts"),
                new ScenarioAssumptions.Row(7, "initialPopulation.other", "1", "short"),
                new ScenarioAssumptions.Row(9, "initialPopulation.last", "2", "a comment above the next value, not a continuation")),
                rows);
    }
}
