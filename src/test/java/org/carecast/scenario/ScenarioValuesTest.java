package org.carecast.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario's values, their sources, and whether each applies after {@code extends} and {@code --set}. */
class ScenarioValuesTest {

    @Test
    void readsPathsValuesAndSources() {
        List<ScenarioValues.Value> rows = ScenarioValues.read(Path.of("t.yaml"), String.join("\n", List.of(
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
                "  ageShares: {\"0\": 1}")));
        assertEquals(List.of(
                new ScenarioValues.Value(3, "name", "Test", "not a source, just a name", ""),
                new ScenarioValues.Value(7, "placementTypes[home].id", "home", "", ""),
                new ScenarioValues.Value(9, "placementTypes[home].weeklyCost", "5000", "[S0] the council's own figure", ""),
                new ScenarioValues.Value(10, "placementTypes[home].label", "\"A # in quotes\"", "[ASSUMPTION] why", ""),
                new ScenarioValues.Value(11, "placementTypes[other]", "{id: other, weeklyCost: 10}", "[CMA21]", ""),
                new ScenarioValues.Value(13, "entries.ageShares", "{\"0\": 1}", "", "")), rows);
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
        List<ScenarioValues.FileValues> files = ScenarioValues.of(child, List.of());
        assertEquals(2, files.size());
        assertTrue(files.get(0).values().stream().allMatch(ScenarioValues.Value::applies), "the scenario's own values all apply");
        ScenarioValues.FileValues parent = files.get(1);
        java.util.Map<String, String> marks = new java.util.LinkedHashMap<>();
        for (ScenarioValues.Value v : parent.values()) {
            marks.put(v.path(), v.setAgainIn());
        }
        assertEquals("child.yaml", marks.get("name"));
        assertEquals("child.yaml", marks.get("placementTypes[foster].weeklyCost"), "set again, one-line item");
        assertEquals("", marks.get("placementTypes[foster].capacity"), "not set again: still applies");
        assertEquals("child.yaml (capacity)", marks.get("placementTypes[home]"), "one key of a one-line item");
        assertEquals("child.yaml", marks.get("placementTypes[secure]"), "removed");
        assertEquals("child.yaml", marks.get("matching[-].order"), "a list without ids is replaced whole");
        assertEquals("", marks.get("entries.ageShares"));
        // A value given on the command line is set again there.
        java.util.Map<String, String> set = new java.util.LinkedHashMap<>();
        for (ScenarioValues.Value v : ScenarioValues.of(child, Overrides.parse(List.of("entries.ageShares={\"0\": 1}",
                "placementTypes[foster].capacity=30"))).get(1).values()) {
            set.put(v.path(), v.setAgainIn());
        }
        assertEquals("--set 1", set.get("entries.ageShares"));
        assertEquals("--set 2", set.get("placementTypes[foster].capacity"));
        assertEquals("child.yaml (capacity)", set.get("placementTypes[home]"));
    }

    @Test
    void aCommentContinuedOnTheLinesBelowIsKeptWhole() {
        List<ScenarioValues.Value> rows = ScenarioValues.read(Path.of("t.yaml"), String.join("\n", List.of(
                "initialPopulation:",
                "  meanYearsInPlacement: 3.0    # [ASSUMPTION] drawn exponential; 3 years puts the",
                "                               # long-term stability share near the model's own",
                "                               # later level",
                "  # [S0] counts",
                "  groups: 4",
                "  other: 1   # short",
                "  # a comment above the next value, not a continuation",
                "  last: 2")));
        assertEquals(List.of(
                new ScenarioValues.Value(2, "initialPopulation.meanYearsInPlacement", "3.0", "[ASSUMPTION] drawn exponential;"
                        + " 3 years puts the long-term stability share near the model's own later level", ""),
                new ScenarioValues.Value(6, "initialPopulation.groups", "4", "[S0] counts", ""),
                new ScenarioValues.Value(7, "initialPopulation.other", "1", "short", ""),
                new ScenarioValues.Value(9, "initialPopulation.last", "2", "a comment above the next value, not a continuation", "")),
                rows);
    }
}
