package org.carecast.results;

import org.carecast.engine.Replication;
import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unaccompanied asylum-seeking children: their own entry stream, counted apart, and a grant per
 * night that follows their numbers. Entering at ages uniform over 16 to 18 with no exits but
 * leaving care at 18, each stays a year on average, so in steady state the number in care is
 * Poisson with mean (entries a year) x 1 (Little's law); the grant in a month is the nightly
 * rate times their child-days, exactly.
 */
class UascTest {

    @Test
    void uascInCareFollowLittlesLawAndTheGrantFollowsTheirNights() {
        double perMonth = 3;
        double nightly = 143;
        String yaml = String.format(Locale.ROOT, """
                name: uasc
                start: 2025-04-01
                horizon: 48
                replications: 10
                seed: 7
                ageBands: [0, 16]
                needLevels:
                  - {id: standard, entryShare: 1}
                placementTypes:
                  - {id: semi, category: semi_independent, provider: external, location: in_borough,
                     weeklyCost: 1000, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                initialPopulation:
                  meanYearsInCare: 1
                  meanYearsInPlacement: 1
                  groups: []
                entries:
                  monthlyRate: 0
                  ageShares: {"0-15": 1, "16-17": 0}
                  uasc: {monthlyRate: %s, ageShares: {"0-15": 0, "16-17": 1}, need: standard}
                matching:
                  - order: [semi]
                exits:
                  ratePerYear: {"0-15": 0, "16-17": 0}
                  reasons:
                    "0-15": {return_home: 1}
                    "16-17": {return_home: 1}
                finance:
                  income:
                    - {id: uasc_grant, kind: per_uasc_child_night, nightlyAmount: %s}
                """, perMonth, nightly);
        Model model = Scenarios.compile(yaml);
        Money money = new Money(model);
        Replication replication = new Replication(model);
        int replications = 200;
        double[] perReplication = new double[replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult result = replication.run(17, r);
            for (int m = 0; m < result.months; m++) {
                assertEquals(nightly * result.uascDays[m], money.income(result, 0, m), 1e-6, "grant = nights x rate");
                assertEquals(result.childrenInCare(m), result.uasc[m], "only UASC enter");
                if (m >= 24) {
                    perReplication[r] += result.uasc[m] / (double) (result.months - 24);
                }
            }
        }
        double mean = 0;
        for (double x : perReplication) {
            mean += x / replications;
        }
        double var = 0;
        for (double x : perReplication) {
            var += (x - mean) * (x - mean) / (replications - 1);
        }
        double se = Math.sqrt(var / replications);
        double expected = perMonth * 12 * 1.0;
        System.out.printf(Locale.ROOT, "UASC in care: mean %.2f (se %.2f), Little's law %.2f%n", mean, se, expected);
        assertTrue(Math.abs(mean - expected) < 3.5 * se, "mean " + mean + " against " + expected);
    }
}
