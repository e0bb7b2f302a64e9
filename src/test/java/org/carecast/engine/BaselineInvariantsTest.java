package org.carecast.engine;

import org.carecast.model.ExitReason;
import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact invariants that must hold in every replication of the shipped baseline. */
class BaselineInvariantsTest {

    private static final int REPLICATIONS = 30;

    @Test
    void firstCensusReproducesTheInitialPopulation() {
        Model model = Scenarios.baseline();
        Map<String, Integer> expected = Map.of("council_foster", 196, "kinship_foster", 123, "council_home", 4,
                "council_semi", 7, "ifa", 113, "external_home", 52, "external_semi", 50, "secure_welfare", 1,
                "placed_with_parents_or_other", 43);
        Replication replication = new Replication(model);
        for (int r = 0; r < REPLICATIONS; r++) {
            ReplicationResult result = replication.run(1, r);
            assertEquals(589, result.childrenInCare(0));
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                assertEquals(e.getValue(), result.census[model.placements().indexOf(e.getKey())], e.getKey());
            }
        }
    }

    @Test
    void stockChangesByEntriesLessExitsAndCapacityIsNeverExceeded() {
        Model model = Scenarios.baseline();
        int types = model.types();
        int reasons = ExitReason.values().length;
        Replication replication = new Replication(model);
        for (int r = 0; r < REPLICATIONS; r++) {
            ReplicationResult result = replication.run(2, r);
            for (int m = 0; m < result.months; m++) {
                int exits = 0;
                for (int k = 0; k < reasons; k++) {
                    exits += result.exits[m * reasons + k];
                }
                assertEquals(result.childrenInCare(m) + result.entries[m] - exits, result.childrenInCare(m + 1),
                        "stock flow identity in month " + m);
                for (int t = 0; t < types; t++) {
                    // Types with fixed places never lose them, so occupancy stays within them. (Where
                    // carers leave at random, a lost place may be occupied until the child moves on.)
                    int type = t;
                    if (java.util.Arrays.stream(model.turnover().active()).noneMatch(a -> a == type)) {
                        assertTrue(result.census[(m + 1) * types + t] <= model.capacity().initial()[t],
                                model.placements().ids()[t] + " over capacity in month " + m);
                    }
                    assertTrue(result.childDays[m * types + t] >= 0);
                }
            }
        }
    }

    @Test
    void spendIsChildDaysTimesUnitCostPlusFixedCost() {
        Model model = Scenarios.baseline();
        int types = model.types();
        ReplicationResult result = new Replication(model).run(3, 0);
        double[] monthStart = model.time().monthStartDay();
        for (int m = 0; m < result.months; m++) {
            for (int t = 0; t < types; t++) {
                int cell = m * types + t;
                double expected = result.childDays[cell] * model.placements().costPerChildDay()[cell]
                        + model.placements().fixedCostPerDay()[cell] * (monthStart[m + 1] - monthStart[m]);
                assertEquals(expected, result.spend[cell], 1e-6);
            }
        }
        // Secure welfare at 32,000 a week is 32,000 / 7 a day.
        int secure = model.placements().indexOf("secure_welfare");
        assertEquals(32000 / 7.0, model.placements().costPerChildDay()[secure], 1e-9);
    }

    @Test
    void childDaysOfAFullTypeEqualPlacesTimesDays() {
        // Council homes start full (4 of 4) and complex entries keep them full almost always, so
        // child-days in a month can never exceed places x days.
        Model model = Scenarios.baseline();
        int types = model.types();
        int home = model.placements().indexOf("council_home");
        ReplicationResult result = new Replication(model).run(4, 0);
        double[] monthStart = model.time().monthStartDay();
        for (int m = 0; m < result.months; m++) {
            assertTrue(result.childDays[m * types + home] <= 4 * (monthStart[m + 1] - monthStart[m]) + 1e-9);
        }
    }

    @Test
    void everyEntryAndMoveBeginsOnePlacementAndPlaceDaysFollowTheCapacity() {
        // Each child placed in the horizon enters or moves, so placements begun over all types
        // equal entries plus moves, month by month; breakdowns by type add up to all breakdowns;
        // a council home with 4 places and no changes offers exactly 4 x days place-days.
        Model model = ModelCompilerForTests.sufficiencyStrategy();
        int types = model.types();
        int home = model.placements().indexOf("council_home");
        double[] monthStart = model.time().monthStartDay();
        Replication replication = new Replication(model);
        for (int r = 0; r < 5; r++) {
            ReplicationResult result = replication.run(8, r);
            for (int m = 0; m < result.months; m++) {
                int begun = 0;
                int broken = 0;
                for (int t = 0; t < types; t++) {
                    begun += result.placementsStarted[m * types + t];
                    broken += result.breakdownsIn[m * types + t];
                }
                assertEquals(result.entries[m] + result.moves[m], begun, "month " + m);
                assertEquals(result.breakdowns[m], broken, "month " + m);
                assertEquals(4 * (monthStart[m + 1] - monthStart[m]), result.placeDays[m * types + home], 1e-9);
            }
        }
    }

    /** The shipped strategy: every kind of new provision at once. */
    static final class ModelCompilerForTests {
        static Model sufficiencyStrategy() {
            return org.carecast.scenario.ModelCompiler.compile(
                    org.carecast.scenario.ScenarioReader.read(java.nio.file.Path.of("scenarios", "sufficiency-strategy.yaml")));
        }
    }
}
