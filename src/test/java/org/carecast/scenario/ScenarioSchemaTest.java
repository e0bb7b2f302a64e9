package org.carecast.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published JSON Schema of scenario files (docs/scenario.schema.json), for editors that
 * complete and check YAML as people type, is checked against the reader: every shipped
 * scenario passes it, a misspelt field fails it, and at every level its field names are the
 * ones the reader accepts (found by asking the reader, through an unknown field set with
 * --set, which fields it knows there).
 */
class ScenarioSchemaTest {

    private static final Path SCHEMA = Path.of("docs", "scenario.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), com.networknt.schema.InputFormat.JSON);
    }

    @Test
    void everyShippedScenarioPassesAndAMisspeltFieldFails() throws Exception {
        Schema schema = schema();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
        files.add(Path.of("src/test/resources/scenarios/small.yaml"));
        assertTrue(files.size() >= 9, files.toString());
        for (Path file : files) {
            JsonNode node = YAML.readTree(file.toFile());
            assertEquals(List.of(), schema.validate(node).stream().map(Object::toString).toList(), file.toString());
        }
        JsonNode typo = YAML.readTree(Files.readString(Path.of("scenarios/oldham-baseline.yaml"))
                .replace("  annualTrend: {central: -0.02", "  anualTrend: {central: -0.02"));
        assertFalse(schema.validate(typo).isEmpty(), "a misspelt field");
        JsonNode badRange = YAML.readTree(Files.readString(Path.of("scenarios/oldham-baseline.yaml"))
                .replace("{central: 6600, low: 6100, high: 7300}", "{centre: 6600, low: 6100, high: 7300}"));
        assertFalse(schema.validate(badRange).isEmpty(), "a range without central or distribution");
    }

    @Test
    void itsFieldsAreTheReadersAtEveryLevel() throws Exception {
        JsonNode root = JSON.readTree(SCHEMA.toFile());
        Path baseline = Path.of("scenarios/oldham-baseline.yaml");
        // scenario path where an unknown field is set -> the schema object that describes it
        String[][] levels = {
                {"", "/properties"},
                {"needLevels[standard]", "/$defs/needLevel/properties"},
                {"placementTypes[council_foster]", "/$defs/placementType/properties"},
                {"placementTypes[secure_welfare].plannedEnd", "/$defs/placementType/properties/plannedEnd/properties"},
                {"initialPopulation", "/properties/initialPopulation/properties"},
                {"initialPopulation.groups[0]", "/properties/initialPopulation/properties/groups/items/properties"},
                {"entries", "/properties/entries/properties"},
                {"entries.carePlanMove", "/properties/entries/properties/carePlanMove/properties"},
                {"entries.uasc", "/properties/entries/properties/uasc/properties"},
                {"entries.uncertainty", "/properties/entries/properties/uncertainty/properties"},
                {"matching[0]", "/properties/matching/items/properties"},
                {"stepDown[0]", "/properties/stepDown/items/properties"},
                {"ageing", "/properties/ageing/properties"},
                {"exits", "/properties/exits/properties"},
                {"exits.timeInCare[0]", "/properties/exits/properties/timeInCare/items/properties"},
                {"finance", "/properties/finance/properties"},
                {"finance.budgetLines[0]", "/properties/finance/properties/budgetLines/items/properties"},
                {"breakdownFrailty", "/properties/breakdownFrailty/properties"},
        };
        for (String[] level : levels) {
            Set<String> reader = known(baseline, level[0]);
            Set<String> schema = names(root.at(level[1]));
            // The composer's own words: 'extends' at the top, 'remove' in a list item with an id.
            schema.remove("extends");
            schema.remove("remove");
            assertEquals(reader, schema, "fields at '" + level[0] + "'");
        }
        // Interventions and income lines read the fields of their kind: each kind's are in the schema.
        Set<String> interventionFields = names(root.at("/$defs/intervention/properties"));
        for (String plan : List.of("hayle-road-home", "mockingbird-hubs", "foster-recruitment", "step-forward", "local-commissioning")) {
            Set<String> reader = known(Path.of("scenarios", plan + ".yaml"), "interventions[0]");
            assertTrue(interventionFields.containsAll(reader), plan + ": " + reader);
        }
        assertTrue(names(root.at("/properties/finance/properties/income/items/properties")).containsAll(known(baseline, "finance.income[0]")));
    }

    /** The fields the reader knows at {@code path}, from its message about an unknown one set there. */
    private static Set<String> known(Path file, String path) {
        String key = (path.isEmpty() ? "" : path + ".") + "qqqqqqqqqqqqqqqq";
        try {
            ScenarioReader.read(file, Overrides.parse(List.of(key + "=1")));
        } catch (ScenarioException e) {
            String m = e.getMessage();
            int i = m.indexOf("known fields are [");
            assertTrue(i >= 0, m);
            Set<String> out = new TreeSet<>();
            for (String f : m.substring(i + "known fields are [".length(), m.indexOf(']', i)).split(", ")) {
                out.add(f.trim());
            }
            return out;
        }
        throw new AssertionError("an unknown field at " + path + " was accepted");
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
