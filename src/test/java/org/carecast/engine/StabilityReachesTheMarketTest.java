package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preventing breakdowns keeps children out of the market in proportion: in a full pool whose
 * demand always exceeds its places, each breakdown leaves its place empty for the void period
 * and then until the next entrant takes it, so every breakdown avoided (here by Mockingbird
 * hubs supporting every child in the pool) returns V + 1/Lambda place-days to the pool and
 * takes as many child-days from the market. Paired replications (common random numbers).
 */
class StabilityReachesTheMarketTest {

    @Test
    void externalChildDaysAvoidedAreBreakdownsAvoidedTimesTheVoidAndTheWait() {
        double voidDays = 30;
        double entriesPerDay = 10;
        String base = Scenarios.pool(20, 20, entriesPerDay, 2.0, voidDays, 36);
        String hubs = base + """
                interventions:
                  - {id: hub, kind: mockingbird, fosterType: council, start: 2025-04-01, hubs: 1, satelliteHouseholds: 20,
                     childrenPerHousehold: 1, annualCostPerHub: 0, breakdownMultiplier: 0.5}
                """;
        Model without = Scenarios.compile(base);
        Model with = Scenarios.compile(hubs);
        Replication a = new Replication(without);
        Replication b = new Replication(with);
        int replications = 200;
        int market = 1;
        double breakdownsAvoided = 0;
        double marketDaysAvoided = 0;
        for (int r = 0; r < replications; r++) {
            ReplicationResult x = a.run(13, r);
            double breakdowns = 0;
            double marketDays = 0;
            for (int m = 0; m < x.months; m++) {
                breakdowns += x.breakdowns[m];
                marketDays += x.childDays[m * x.types + market];
            }
            ReplicationResult y = b.run(13, r);
            for (int m = 0; m < y.months; m++) {
                breakdowns -= y.breakdowns[m];
                marketDays -= y.childDays[m * y.types + market];
            }
            breakdownsAvoided += breakdowns / replications;
            marketDaysAvoided += marketDays / replications;
        }
        double perBreakdown = marketDaysAvoided / breakdownsAvoided;
        double expected = voidDays + 1 / entriesPerDay;
        System.out.printf(Locale.ROOT, "hubs avoided %.1f breakdowns and %.0f market child-days per replication: %.2f days each,"
                + " expected %.2f%n", breakdownsAvoided, marketDaysAvoided, perBreakdown, expected);
        assertTrue(breakdownsAvoided > 20, "the hubs avoid breakdowns: " + breakdownsAvoided);
        assertTrue(Math.abs(perBreakdown - expected) < 0.05 * expected,
                String.format(Locale.ROOT, "market days avoided per breakdown avoided: %.2f, expected %.2f", perBreakdown, expected));
    }
}
