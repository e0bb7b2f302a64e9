package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The long-term stability indicator against its closed form. Children enter as infants into one
 * unlimited type whose placements break down at rate b a year, each breakdown starting a new
 * placement in the same type. A child in care for 2.5 years or more has kept the same placement
 * for the last 2 years exactly when no breakdown fell in those 2 years: probability exp(-2b),
 * whatever the exit process (exits do not depend on the placement).
 */
class LongTermStabilityTest {

    @Test
    void shareInTheSamePlacementForTwoYearsIsExpMinusTwoB() {
        double b = 0.3;
        String yaml = Scenarios.queue("unlimited", 0.6, 3 * 365.25, 84)
                .replaceFirst("capacity: unlimited, breakdownRatePerYear: 0", "capacity: unlimited, breakdownRatePerYear: " + b);
        Model model = Scenarios.compile(yaml);
        Replication engine = new Replication(model);
        long eligible = 0;
        long stable = 0;
        for (int rep = 0; rep < 40; rep++) {
            ReplicationResult r = engine.run(17, rep);
            for (int m = 48; m <= r.months; m++) {  // from 4 years on, so 2.5-year stays have had time to form
                eligible += r.longTermEligible[m];
                stable += r.longTermStable[m];
            }
        }
        double share = (double) stable / eligible;
        // Censuses a month apart share children, so the binomial error understates the noise; the
        // tolerance allows about 4 standard errors with an effective sample a tenth of the count.
        double se = Math.sqrt(Math.exp(-2 * b) * (1 - Math.exp(-2 * b)) / (eligible / 10.0));
        assertEquals(Math.exp(-2 * b), share, 4 * se, "eligible child-censuses: " + eligible);
    }
}
