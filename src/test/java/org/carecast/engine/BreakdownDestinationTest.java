package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.scenario.ScenarioException;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breakdowns sent to given types ({@code breakdownDestinations}). N children in type A, which
 * breaks down at beta a year; a share p of its breakdowns goes to B (unlimited, no breakdowns),
 * the rest are matched by need, back to A. A child leaves A for good at rate beta p, so
 * E[children in A at t] = N exp(-beta p t), and the breakdowns in A number beta times the
 * child-years spent there.
 */
class BreakdownDestinationTest {

    @Test
    void aShareOfBreakdownsLeavesForTheGivenType() {
        int children = 300;
        double beta = 1.2;
        double p = 0.3;
        Model model = Scenarios.compile(scenario(children, beta, "{a: {b: " + p + "}}"));
        Replication replication = new Replication(model);
        int[] months = {6, 12, 24};
        int replications = 400;
        double[][] inA = new double[months.length][replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult result = replication.run(33, r);
            for (int k = 0; k < months.length; k++) {
                inA[k][r] = result.census[months[k] * 2];
                assertEquals(children, result.census[months[k] * 2] + result.census[months[k] * 2 + 1], "nobody leaves care");
            }
        }
        for (int k = 0; k < months.length; k++) {
            double years = model.time().monthStartDay()[months[k]] / 365.25;
            double expected = children * Math.exp(-beta * p * years);
            System.out.printf(Locale.ROOT, "breakdown destinations: in A at month %d, expected %.1f%n", months[k], expected);
            ErlangLossTest.assertWithin(inA[k], expected, 0, "children still in A at month " + months[k]);
        }
    }

    @Test
    void withoutDestinationsEveryBreakdownIsMatchedByNeed() {
        Model model = Scenarios.compile(scenario(100, 1.2, "{}"));
        ReplicationResult result = new Replication(model).run(33, 0);
        assertEquals(100, result.census[24 * 2], "all still in A");
        int breakdowns = 0;
        for (int b : result.breakdowns) {
            breakdowns += b;
        }
        assertTrue(breakdowns > 150, "they did break down: " + breakdowns);
    }

    @Test
    void sharesAddingUpToMoreThanOneAreRefusedWhereTheyAre() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Scenarios.compile(scenario(10, 1, "{a: {a: 0.6, b: 0.6}}")));
        assertTrue(e.getMessage().contains("breakdownDestinations.a") && e.getMessage().contains("at most 1, found 1.2"),
                e.getMessage());
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> Scenarios.compile(scenario(10, 1, "{a: {c: 0.5}}")));
        assertTrue(unknown.getMessage().contains("breakdownDestinations.a.c"), unknown.getMessage());
    }

    static String scenario(int children, double perYear, String destinations) {
        return Scenarios.closedPopulation(children, perYear, 24, "breakdownDestinations: " + destinations);
    }
}
