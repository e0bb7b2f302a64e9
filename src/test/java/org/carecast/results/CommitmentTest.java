package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.engine.Simulator;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioException;
import org.carecast.scenario.ScenarioReader;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finance commitments: a child in the initial-population CSV may carry what its current
 * placement actually costs (weekly_cost). That price is paid, uplifted each April as the type's
 * price, until the placement ends; the child's next placement is at the type's price.
 */
class CommitmentTest {

    /** The closed population with its children read from {@code csv} instead of a group. */
    private static String withChildren(String yaml) {
        return yaml.replaceAll("(?s)initialPopulation:.*?entries:", """
                initialPopulation:
                  meanYearsInPlacement: 0.5
                  file: children.csv
                entries:""");
    }

    @Test
    void aChildsOwnPriceIsPaidAndUpliftedUntilItsPlacementEnds(@TempDir Path tmp) throws Exception {
        // Two children in type b (900 a week, 10% a year), never moving: one at its own 2,000 a week.
        Files.writeString(tmp.resolve("children.csv"), """
                placement_type,need,age_years,days_in_care,days_in_placement,weekly_cost,uasc
                b,standard,0.5,100,50,2000,false
                b,standard,0.6,100,50,,1
                """);
        String yaml = withChildren(Scenarios.closedPopulation(0, 0, 24, "")
                .replace("weeklyCost: 900, annualInflation: 0,", "weeklyCost: 900, annualInflation: 0.1,"));
        var model = ModelCompiler.compile(ScenarioReader.parse(tmp.resolve("s.yaml"), yaml));
        assertTrue(model.initial().uasc()[1] && !model.initial().uasc()[0], "the uasc column");
        double[] spend = new double[2];
        Simulator.run(model, 1, 1, 1, (i, r) -> {
            spend[0] = yearSpend(r, 1, 0);
            spend[1] = yearSpend(r, 1, 12);
        }, null);
        assertEquals((2000 + 900) / 7.0 * 365, spend[0], 1e-6, "2025/26");
        assertEquals((2000 + 900) / 7.0 * 1.1 * 365, spend[1], 1e-6, "2026/27: uplifted as the type's price");
    }

    @Test
    void theCommitmentEndsWithThePlacement(@TempDir Path tmp) throws Exception {
        // Ten children in type a (500 a week) at their own 3,000, breaking down at lambda into b for good.
        StringBuilder csv = new StringBuilder("placement_type,need,age_years,days_in_care,days_in_placement,weekly_cost\n");
        for (int c = 0; c < 10; c++) {
            csv.append("a,standard,0.5,100,50,3000\n");
        }
        Files.writeString(tmp.resolve("children.csv"), csv);
        String yaml = withChildren(Scenarios.closedPopulation(0, 2, 12, "breakdownDestinations: {a: {b: 1}}"));
        var model = ModelCompiler.compile(ScenarioReader.parse(tmp.resolve("s.yaml"), yaml));
        int reps = 2000;
        double[] spendA = new double[reps];
        Simulator.run(model, reps, 3, 2, (i, r) -> spendA[i] = yearSpend(r, 0, 0), null);
        // Each child is in a for min(Exp(lambda), T) days, all of them at its own price.
        double lambda = 2 / 365.25;
        double t = 365;
        double mean = (1 - Math.exp(-lambda * t)) / lambda;
        double meanSquare = 2 / (lambda * lambda) * (1 - Math.exp(-lambda * t) * (1 + lambda * t));
        double se = 3000 / 7.0 * Math.sqrt(10 * (meanSquare - mean * mean) / reps);
        double simulated = 0;
        for (double x : spendA) {
            simulated += x / reps;
        }
        assertEquals(3000 / 7.0 * 10 * mean, simulated, 4 * se);
    }

    @Test
    void aBadPriceIsALocatedError(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("children.csv"), """
                placement_type,need,age_years,days_in_care,days_in_placement,weekly_cost
                b,standard,0.5,100,50,lots
                """);
        String yaml = withChildren(Scenarios.closedPopulation(0, 0, 12, ""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(tmp.resolve("s.yaml"), yaml));
        assertTrue(e.getMessage().contains("children.csv:2:") && e.getMessage().contains("weekly_cost")
                && e.getMessage().contains("pounds a week"), e.getMessage());
        Files.writeString(tmp.resolve("children.csv"), """
                placement_type,need,age_years,days_in_care,days_in_placement,price
                b,standard,0.5,100,50,100
                """);
        ScenarioException header = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(tmp.resolve("s.yaml"), yaml));
        assertTrue(header.getMessage().contains("optionally weekly_cost, uasc"), header.getMessage());
    }

    private static double yearSpend(ReplicationResult r, int type, int firstMonth) {
        double total = 0;
        for (int m = firstMonth; m < firstMonth + 12; m++) {
            total += r.spend[m * r.types + type];
        }
        return total;
    }
}
