package org.carecast.web;

import org.carecast.scenario.Overrides;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.UncertainScenario;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario form: what it shows, and that a saved form is the scenario the command line
 * would run with the same values given by {@code --set}, field by field, for every field of
 * the shipped scenarios' forms.
 */
class AssumptionFormTest {

    private static final Path TARGET = Path.of("scenarios/form-test-not-written.yaml");

    private static List<String> allKept(AssumptionForm form) {
        return form.switches().stream().map(AssumptionForm.Switch::id).toList();
    }

    /** The scenario's content, without what names it (file, name, description, its files). */
    private static Map<String, Object> content(Scenario s) throws Exception {
        Map<String, Object> out = new HashMap<>();
        for (RecordComponent c : Scenario.class.getRecordComponents()) {
            if (!List.of("file", "name", "description", "sources").contains(c.getName())) {
                out.put(c.getName(), c.getAccessor().invoke(s));
            }
        }
        return out;
    }

    private static String changed(String value) {
        if (value.matches("-?\\d+")) {
            return Long.toString(Long.parseLong(value) + 1);
        }
        if (value.matches("-?\\d*\\.\\d+")) {
            return Double.toString(Double.parseDouble(value) * 1.1 + 0.001);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return java.time.LocalDate.parse(value).plusMonths(1).toString();
        }
        return null;
    }

    @Test
    void theFormShowsTheMainAssumptionsWithTheirSources() throws Exception {
        AssumptionForm form = AssumptionForm.of(Path.of("scenarios/hayle-road-home.yaml"));
        Map<String, AssumptionForm.Field> byPath = new HashMap<>();
        form.fields().forEach(f -> byPath.put(f.path(), f));
        AssumptionForm.Field price = byPath.get("placementTypes[external_home].weeklyCost");
        assertEquals("6600", price.range().central());
        assertEquals("oldham-baseline.yaml", price.file());
        assertTrue(price.source().contains("NAO25"), price.source());
        assertEquals("Placements: External children's home (mostly out of borough)", price.section());
        assertEquals("2025-09-01", byPath.get("interventions[hayle_road].start").value());
        assertEquals("hayle-road-home.yaml", byPath.get("interventions[hayle_road].start").file());
        assertTrue(byPath.containsKey("entries.monthlyRate"));
        assertTrue(byPath.containsKey("finance.budgetLines[fostering].byYear"));
        assertEquals("[]", byPath.get("placementTypes[council_foster].capacityChanges").value());
        assertFalse(byPath.containsKey("placementTypes[ifa].capacityChanges"), "an unlimited type has no places to change");
        assertFalse(byPath.containsKey("interventions[hayle_road].id"));
        assertFalse(byPath.containsKey("seed"), "structure is not offered");
        assertFalse(byPath.containsKey("name"));
        for (int i = 0; i < form.fields().size(); i++) {
            assertEquals(i, form.fields().get(i).index());
        }
    }

    @Test
    void everyFieldSavedIsTheScenarioThatSetGives() throws Exception {
        int checked = 0;
        for (String file : List.of("oldham-baseline.yaml", "hayle-road-home.yaml", "mockingbird-hubs.yaml", "local-commissioning.yaml")) {
            Path scenario = Path.of("scenarios", file);
            AssumptionForm form = AssumptionForm.of(scenario);
            for (AssumptionForm.Field f : form.fields()) {
                Map<String, String> typed = new HashMap<>();
                String setValue;
                if (f.range() != null) {
                    String central = changed(f.range().central());
                    if (central == null) {
                        continue;
                    }
                    // Keep the central inside the range.
                    double c = Double.parseDouble(central);
                    String high = Double.parseDouble(f.range().high()) < c ? central : f.range().high();
                    typed.put("v" + f.index() + ".central", central);
                    typed.put("v" + f.index() + ".high", high);
                    StringBuilder flow = new StringBuilder("{central: " + central + ", low: " + f.range().low() + ", high: " + high);
                    f.range().rest().forEach((k, v) -> flow.append(", ").append(k).append(": ").append(v));
                    setValue = flow.append("}").toString();
                } else {
                    setValue = changed(f.value());
                    if (setValue == null) {
                        continue;
                    }
                    typed.put("v" + f.index(), setValue);
                }
                AssumptionForm.Submission s = form.submit(typed, allKept(form), TARGET, "t", "");
                UncertainScenario viaSet;
                try {
                    viaSet = ScenarioReader.readUncertain(scenario, Overrides.parse(List.of(f.path() + "=" + setValue)));
                } catch (org.carecast.scenario.ScenarioException e) {
                    // A value the rules refuse: the form must refuse it too, beside the field.
                    assertFalse(s.ok(), f.path() + "=" + setValue + " is refused by --set but saved by the form");
                    assertTrue(s.fieldErrors().containsKey(f.index()), f.path() + ": " + s.fieldErrors() + s.errors());
                    continue;
                }
                assertTrue(s.ok(), f.path() + "=" + setValue + ": " + s.fieldErrors() + s.errors() + "\n" + s.yaml());
                UncertainScenario saved = ScenarioReader.parseUncertain(TARGET, s.yaml());
                assertEquals(content(viaSet.central()), content(saved.central()), f.path() + "=" + setValue + "\n" + s.yaml());
                assertEquals(viaSet.ranges().size(), saved.ranges().size(), f.path());
                for (int r = 0; r < viaSet.ranges().size(); r++) {
                    var a = viaSet.ranges().get(r);
                    var b = saved.ranges().get(r);
                    assertEquals(List.of(a.path(), a.shape(), a.central(), a.a(), a.b(), String.valueOf(a.name())),
                            List.of(b.path(), b.shape(), b.central(), b.a(), b.b(), String.valueOf(b.name())), f.path());
                }
                checked++;
            }
        }
        assertTrue(checked > 100, "fields checked: " + checked);
    }

    @Test
    void leavingOutAnInterventionAndChangingPlacesOverTimeAreSaved() throws Exception {
        Path scenario = Path.of("scenarios/mockingbird-hubs.yaml");
        AssumptionForm form = AssumptionForm.of(scenario);
        List<String> kept = new ArrayList<>(allKept(form));
        assertTrue(kept.remove("hub_2027"));
        int steps = form.fields().stream().filter(f -> f.path().equals("placementTypes[council_foster].capacityChanges"))
                .findFirst().orElseThrow().index();
        AssumptionForm.Submission s = form.submit(Map.of("v" + steps, "[{date: 2026-04-01, change: 6}, {date: 2027-04-01, change: -2}]"),
                kept, TARGET, "Plan: fewer hubs", "first line\nsecond: line # not a comment end");
        assertTrue(s.ok(), s.errors() + " " + s.fieldErrors() + "\n" + s.yaml());
        Scenario saved = ScenarioReader.parseUncertain(TARGET, s.yaml()).central();
        assertEquals(List.of("hubs_2025", "hub_2026", "hub_2028"), saved.interventions().stream().map(i -> i.id()).toList());
        assertEquals("Plan: fewer hubs", saved.name());
        assertEquals(List.of(new Scenario.CapacityChange(java.time.LocalDate.of(2026, 4, 1), 6),
                        new Scenario.CapacityChange(java.time.LocalDate.of(2027, 4, 1), -2)),
                saved.placementTypes().stream().filter(t -> t.id().equals("council_foster")).findFirst().orElseThrow()
                        .capacity().changes());
        assertTrue(s.yaml().contains("# Why: first line\n# Why: second: line # not a comment end\n"), s.yaml());
    }

    @Test
    void anErrorIsPlacedAtItsFieldWithTheCommandLinesMessage() throws Exception {
        AssumptionForm form = AssumptionForm.of(Path.of("scenarios/oldham-baseline.yaml"));
        AssumptionForm.Field budget = form.fields().stream().filter(f -> f.path().equals("finance.budgetLines[fostering].byYear"))
                .findFirst().orElseThrow();
        AssumptionForm.Field price = form.fields().stream().filter(f -> f.path().equals("placementTypes[council_foster].weeklyCost"))
                .findFirst().orElseThrow();
        AssumptionForm.Submission s = form.submit(Map.of("v" + budget.index(), "{\"2025/26\": lots}", "v" + price.index(), "520"),
                allKept(form), TARGET, "", "");
        assertFalse(s.ok());
        assertEquals(List.of(budget.index()), List.copyOf(s.fieldErrors().keySet()), s.fieldErrors().toString());
        String message = s.fieldErrors().get(budget.index());
        assertTrue(message.startsWith("error: form-test-not-written.yaml:"), message);
        assertTrue(message.contains("lots"), message);
        AssumptionForm.Submission nothing = form.submit(Map.of(), allKept(form), TARGET, "", "");
        assertFalse(nothing.ok());
        assertTrue(nothing.errors().get(0).startsWith("Nothing was changed"), nothing.errors().toString());
        AssumptionForm.Submission empty = form.submit(Map.of("v" + price.index(), " "), allKept(form), TARGET, "", "");
        assertTrue(empty.fieldErrors().get(price.index()).startsWith("enter a value"), empty.fieldErrors().toString());
    }
}
