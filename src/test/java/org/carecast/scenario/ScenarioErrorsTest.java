package org.carecast.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input gives one message naming file, line, column, field and what was
 * expected. Each case changes one line of a valid scenario and checks where the error points.
 */
class ScenarioErrorsTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml");

    @Test
    void theUnchangedScenarioIsValid() throws Exception {
        Scenario s = ScenarioReader.parse(SMALL, Files.readString(SMALL));
        assertEquals(3, s.placementTypes().size());
        assertEquals(java.util.List.of(0, 10, 16), s.ageBands());
        ModelCompiler.compile(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field with suggestion | 'replications: 20' | 'replicatons: 20' | 4 | replicatons | did you mean 'replications'",
        "wrong type                    | 'horizon: 24' | 'horizon: two years' | 3 | horizon | expected a number of months",
        "negative rate                 | 'monthlyRate: 2' | 'monthlyRate: -2' | 46 | entries.monthlyRate | from 0 to 100,000",
        "shares not summing to one     | '\"16-17\": 0.2}' | '\"16-17\": 0.3}' | 47 | entries.ageShares | must sum to 1, but sum to 1.1",
        "need shares not summing       | 'entryShare: 0.8}' | 'entryShare: 0.7}' | 8 | needLevels[*].entryShare | sum to 0.9",
        "matching not ending unlimited | 'order: [foster, market]' | 'order: [market, foster]' | 50 | matching[0].order[1] | unlimited capacity",
        "date outside the horizon      | '2025-09-01' | '2028-09-01' | 19 | placementTypes[0].capacityChanges[0].date | outside the horizon",
        "unknown type reference        | 'order: [home, market]' | 'order: [hom, market]' | 52 | matching[1].order[0] | did you mean 'home'",
        "unknown category              | 'category: council_home' | 'category: council_homes' | 22 | placementTypes[1].category | did you mean 'council_home'",
        "unknown age band              | '\"10-15\": 0.3' | '\"10-14\": 0.3' | 47 | entries.ageShares.10-14 | did you mean '10-15'",
        "start not first of month      | 'start: 2025-04-01' | 'start: 2025-04-02' | 2 | start | first day of a month",
        "initial population over capacity | '{\"10-15\": 2}}' | '{\"10-15\": 3}}' | 43 | initialPopulation.groups[1] | more than its capacity of 2",
        "probability above one         | 'probability: 0.5}' | 'probability: 1.5}' | 54 | stepDown[0].probability | probability from 0 to 1",
        "duplicate key                 | 'seed: 1' | 'seed: 1\nseed: 2' | 6 | seed | duplicate key",
        "unknown exit reason           | 'other: 0.5}' | 'othr: 0.5}' | 64 | exits.reasons.16-17.othr | did you mean 'other'",
        "missing field                 | 'seed: 1' | '' | 1 | seed | missing",
    })
    void badInputIsReportedWithItsLocation(String what, String from, String to, int line, String field, String message)
            throws Exception {
        String yaml = Files.readString(SMALL);
        String bad = yaml.replace(from, to.replace("\\n", "\n"));
        assertNotEquals(yaml, bad, "the mutation must apply");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(SMALL, bad));
        assertEquals(line, e.location().line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(SMALL + ":" + line + ":" + e.location().column() + ": "), e.getMessage());
    }

    @Test
    void malformedYamlPointsAtTheSyntaxError() throws Exception {
        String bad = Files.readString(SMALL).replace("entryShare: 0.8}", "entryShare: 0.8");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(SMALL, bad));
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
        assertTrue(e.location().line() >= 8, e.getMessage());
    }

    @Test
    void missingFileIsAnInputError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(Path.of("no/such/file.yaml")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void initialPopulationFromCsvIsReadAndCheckedWithRowAndColumn() throws Exception {
        Path csvScenario = Path.of("src/test/resources/scenarios/small-csv.yaml");
        Scenario s = ScenarioReader.read(csvScenario);
        assertEquals(4, s.initialPopulation().children().size());
        assertTrue(Double.isNaN(s.initialPopulation().children().get(1).daysInCare()));
        assertEquals(4, ModelCompiler.compile(s).initial().size());

        Path dir = Files.createTempDirectory("carecast-csv");
        Files.writeString(dir.resolve("scenario.yaml"), Files.readString(csvScenario));
        Files.writeString(dir.resolve("children.csv"), "placement_type,need,age_years,days_in_care,days_in_placement\n"
                + "foster,standard,4.5,400,100\nfoster,standrd,12,,\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(dir.resolve("scenario.yaml")));
        assertEquals(3, e.location().line());
        assertEquals(8, e.location().column());
        assertTrue(e.getMessage().contains("children.csv:3:8: field 'need'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'standard'"), e.getMessage());
    }
}
