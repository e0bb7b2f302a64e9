package org.carecast.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario composition with {@code extends}: overriding, merging by id, removing, and its errors. */
class ExtendsTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml");

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static Path base(Path dir) throws Exception {
        return write(dir, "base/small.yaml", Files.readString(SMALL));
    }

    @Test
    void childOverridesScalarsMergesTypesByIdAndAddsInterventions(@TempDir Path dir) throws Exception {
        base(dir);
        Path child = write(dir, "plans/child.yaml", """
                extends: ../base/small.yaml
                name: child
                horizon: 36
                placementTypes:
                  - {id: foster, weeklyCost: 650}
                interventions:
                  - {id: more_homes, kind: new_home, like: home, start: 2025-06-01, places: 2, fixedAnnualCost: 500000}
                """);
        Scenario s = ScenarioReader.read(child);
        Scenario parent = ScenarioReader.read(SMALL);
        assertEquals("child", s.name());
        assertEquals(36, s.horizonMonths());
        assertEquals(parent.placementTypes().size(), s.placementTypes().size());
        Scenario.PlacementType foster = s.placementTypes().stream().filter(t -> t.id().equals("foster")).findFirst().orElseThrow();
        assertEquals(650, foster.weeklyCost());
        assertEquals(parent.placementTypes().get(0).capacity(), foster.capacity(), "fields not given are inherited");
        assertEquals(1, s.interventions().size());
        // The new home becomes a type of its own, after 'home' in every list that has it.
        var model = ModelCompiler.compile(s);
        assertEquals(parent.placementTypes().size() + 1, model.types());
    }

    @Test
    void removeDeletesAnItemById(@TempDir Path dir) throws Exception {
        base(dir);
        Path child = write(dir, "child.yaml", """
                extends: base/small.yaml
                interventions:
                  - {id: a, kind: demand_change, start: 2025-06-01, factor: 0.9}
                """);
        Path grandchild = write(dir, "grandchild.yaml", """
                extends: child.yaml
                interventions:
                  - {id: a, remove: true}
                """);
        assertTrue(ScenarioReader.read(grandchild).interventions().isEmpty());
        assertFalse(ScenarioReader.read(child).interventions().isEmpty());
    }

    @Test
    void severalParentsApplyInOrder(@TempDir Path dir) throws Exception {
        base(dir);
        write(dir, "a.yaml", "extends: base/small.yaml\nname: a\ninterventions:\n  - {id: a, kind: demand_change, start: 2025-06-01, factor: 0.9}\n");
        write(dir, "b.yaml", "extends: base/small.yaml\nname: b\ninterventions:\n  - {id: b, kind: demand_change, start: 2025-07-01, factor: 0.8}\n");
        Path both = write(dir, "both.yaml", "extends: [a.yaml, b.yaml]\n");
        Scenario s = ScenarioReader.read(both);
        assertEquals("b", s.name());
        assertEquals(java.util.List.of("a", "b"), s.interventions().stream().map(Intervention::id).toList());
    }

    @Test
    void combinedOptionsKeepEachOthersChangesToTheirCommonBase(@TempDir Path dir) throws Exception {
        // a changes the foster price; b, which also extends the base, does not touch it. The base
        // reached again through b must not put its own price back over a's.
        base(dir);
        double basePrice = ScenarioReader.read(SMALL).placementTypes().get(0).weeklyCost();
        write(dir, "a.yaml", "extends: base/small.yaml\nname: a\nplacementTypes:\n  - {id: foster, weeklyCost: 777}\n");
        write(dir, "b.yaml", "extends: base/small.yaml\nname: b\nhorizon: 36\n");
        Scenario s = ScenarioReader.read(write(dir, "both.yaml", "extends: [a.yaml, b.yaml]\n"));
        assertTrue(basePrice != 777);
        assertEquals(777, s.placementTypes().get(0).weeklyCost(), "a's change survives b");
        assertEquals(36, s.horizonMonths(), "b's change applies too");
        assertEquals("b", s.name(), "the later parent wins where both set a value");
        // Every file once, in order of precedence, the scenario first.
        assertEquals(java.util.List.of("both.yaml", "b.yaml", "a.yaml", "small.yaml"),
                s.sources().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aCycleIsAnErrorAtTheExtendsLine(@TempDir Path dir) throws Exception {
        write(dir, "x.yaml", "name: x\nextends: y.yaml\n");
        write(dir, "y.yaml", "extends: x.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(dir.resolve("x.yaml")));
        assertTrue(e.getMessage().contains("y.yaml:1:10"), e.getMessage());
        assertTrue(e.getMessage().contains("cycle: x.yaml -> y.yaml -> x.yaml"), e.getMessage());
    }

    @Test
    void aMissingParentIsAnErrorAtTheExtendsLine(@TempDir Path dir) throws Exception {
        Path child = write(dir, "child.yaml", "name: c\nextends: nowhere.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(child));
        assertTrue(e.getMessage().startsWith(child + ":2:10: field 'extends'"), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void removingAnUnknownIdSuggestsTheClosest(@TempDir Path dir) throws Exception {
        base(dir);
        Path child = write(dir, "child.yaml", "extends: base/small.yaml\nplacementTypes:\n  - {id: fostr, remove: true}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(child));
        assertTrue(e.getMessage().contains(child + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'foster'"), e.getMessage());
    }

    @Test
    void anErrorInheritedFromTheParentPointsAtTheParentFile(@TempDir Path dir) throws Exception {
        base(dir);
        // Removing a type the parent's matching rules still use: the error is in the parent's rule.
        Path child = write(dir, "child.yaml", "extends: base/small.yaml\nplacementTypes:\n  - {id: home, remove: true}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(child));
        assertTrue(e.getMessage().contains("small.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("'home'") || e.getMessage().contains("home"), e.getMessage());
    }
}
