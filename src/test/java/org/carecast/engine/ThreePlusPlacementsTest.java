package org.carecast.engine;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.carecast.model.Model;
import org.carecast.model.TimeGrid;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The "3 or more placements in the last 12 months" indicator (the national one: the placement
 * held when the 12 months began, or on entry, and one more per move) against its closed form.
 * Children enter from empty as a Poisson stream into one unlimited type, stay an exponential
 * time (rate mu) and break down at rate b, each breakdown being a move within the type. A
 * child in care for s days has had Poisson(b min(s, 365 days)) moves in the window, so three
 * placements or more, two moves or more, has probability 1 - e^-x (1 + x) at
 * x = b min(s, 365); at a census t days in, times in care have
 * density proportional to e^(-mu s) on [0, t]. The engine keeps this count by differences over
 * census months, not by looking at children, so this checks that bookkeeping end to end.
 */
class ThreePlusPlacementsTest {

    /**
     * The moves come from breakdowns, or from planned ends with no change of need (moves as part
     * of the care plan): the indicator counts both the same way.
     */
    @ParameterizedTest(name = "moves by {0}")
    @ValueSource(strings = {"breakdown", "care plan"})
    void shareWithThreeOrMorePlacementsMatchesPoissonMovesOverTimeInCare(String cause) {
        double breakdownsPerYear = 1.2;
        double meanStayDays = 3 * TimeGrid.DAYS_PER_YEAR;
        String moves = cause.equals("breakdown") ? "breakdownRatePerYear: " + breakdownsPerYear
                : "breakdownRatePerYear: 0, plannedEnd: {ratePerYear: " + breakdownsPerYear + "}";
        String yaml = Scenarios.queue("unlimited", 0.6, meanStayDays, 60)
                .replaceFirst("capacity: unlimited, breakdownRatePerYear: 0", "capacity: unlimited, " + moves);
        Model model = Scenarios.compile(yaml);
        Replication engine = new Replication(model);
        double b = breakdownsPerYear / TimeGrid.DAYS_PER_YEAR;
        double mu = 1 / meanStayDays;
        long inCare = 0;
        long threePlus = 0;
        double expectedThreePlus = 0;
        int firstCensus = 13;
        long breakdowns = 0;
        for (int rep = 0; rep < 40; rep++) {
            ReplicationResult r = engine.run(23, rep);
            breakdowns += java.util.Arrays.stream(r.breakdowns).sum();
            for (int m = firstCensus; m <= r.months; m++) {
                int children = r.census[m * r.types] + r.census[m * r.types + 1];
                inCare += children;
                threePlus += r.threePlusPlacements[m];
                expectedThreePlus += children * expectedShare(b, mu, model.time().monthStartDay()[m]);
            }
        }
        double p = expectedThreePlus / inCare;
        System.out.printf("3+ placements in 12 months: simulated share %.4f, closed form %.4f (%d child-censuses)%n",
                (double) threePlus / inCare, p, inCare);
        // Censuses a month apart share children: effective sample a tenth of the count, 4 standard errors.
        double se = Math.sqrt(p * (1 - p) / (inCare / 10.0));
        assertEquals(p, (double) threePlus / inCare, 4 * se, "child-censuses: " + inCare);
        assertEquals(0.24, p, 0.03, "the check should sit well inside (0, 1) to have power");
        // A care-plan move is a move, not a breakdown.
        assertEquals(cause.equals("breakdown"), breakdowns > 0, "breakdowns: " + breakdowns);
    }

    /**
     * Children in care at the start whose placement began after they entered care came to it by
     * a move, and that move counts: with no entries and no exits, placements begun days before
     * the start and breakdowns at rate b, a child has 3+ placements at day t (t under a year)
     * exactly when it has broken down at least once, 1 - e^(-b t). Were the move before the
     * start not counted, it would take two breakdowns: 1 - e^(-b t)(1 + b t).
     */
    @Test
    void theMoveIntoTheStartingPlacementCounts() {
        double breakdownsPerYear = 1.5;
        int children = 400;
        String yaml = Scenarios.queue("unlimited", 0, 365.25, 12)
                .replaceFirst("capacity: unlimited, breakdownRatePerYear: 0", "capacity: unlimited, breakdownRatePerYear: " + breakdownsPerYear)
                .replaceFirst("meanYearsInCare: 1\\n  meanYearsInPlacement: 1\\n  groups: \\[]",
                        "meanYearsInCare: 5\n  meanYearsInPlacement: 0.01\n  groups:\n    - {type: council, need: standard, byAgeBand: {\"0\": " + children + "}}")
                .replaceFirst("ratePerYear: \\{[^}]*}", "ratePerYear: {\"0\": 0, \"1-17\": 0}");
        Model model = Scenarios.compile(yaml);
        assertEquals(children, model.initial().size(), "scenario text as intended");
        Replication engine = new Replication(model);
        int[] months = {1, 3, 6};
        double[] counted = new double[months.length];
        int replications = 40;
        for (int rep = 0; rep < replications; rep++) {
            ReplicationResult r = engine.run(29, rep);
            for (int i = 0; i < months.length; i++) {
                counted[i] += r.threePlusPlacements[months[i]] / (double) (children * replications);
            }
        }
        for (int i = 0; i < months.length; i++) {
            double x = breakdownsPerYear / TimeGrid.DAYS_PER_YEAR * model.time().monthStartDay()[months[i]];
            double p = 1 - Math.exp(-x);
            double se = Math.sqrt(p * (1 - p) / (children * replications));
            System.out.printf("3+ placements at month %d from a start placed days ago: simulated %.4f, closed form %.4f%n",
                    months[i], counted[i], p);
            assertEquals(p, counted[i], 4 * se, "month " + months[i]);
        }
    }

    /** Share of children in care at day t with 2+ moves (3+ placements) in the last 365 days. */
    private static double expectedShare(double b, double mu, double t) {
        UnivariateFunction weighted = s -> {
            double x = b * Math.min(s, 365.0);
            return mu * Math.exp(-mu * s) * (1 - Math.exp(-x) * (1 + x));
        };
        SimpsonIntegrator simpson = new SimpsonIntegrator();
        // The window caps at 365 days: integrate either side of the kink.
        double mass = simpson.integrate(100_000, weighted, 0, 365.0) + simpson.integrate(100_000, weighted, 365.0, t);
        return mass / (1 - Math.exp(-mu * t));
    }
}
