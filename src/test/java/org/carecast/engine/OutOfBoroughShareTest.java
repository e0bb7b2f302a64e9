package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A share of each type's placements is outside the council's area, drawn per placement: in a
 * type with share s, the children placed away at any census are binomial (n, s) given the n
 * placed there, and each placement keeps its answer until it ends, so the count never goes
 * below zero nor above the children in the type.
 */
class OutOfBoroughShareTest {

    @Test
    void theChildrenPlacedAwayAreTheTypesShareOfItsChildren() {
        double share = 0.4;
        String yaml = Scenarios.queue("10", 0.2, 300, 36)
                .replace("capacity: unlimited, breakdownRatePerYear: 0}", "capacity: unlimited, breakdownRatePerYear: 1.5,"
                        + " outOfBoroughShare: " + share + "}");
        Model model = Scenarios.compile(yaml);
        int types = model.types();
        Replication replication = new Replication(model);
        double away = 0;
        double placed = 0;
        for (int r = 0; r < 200; r++) {
            ReplicationResult result = replication.run(3, r);
            for (int m = 0; m <= result.months; m++) {
                for (int t = 0; t < types; t++) {
                    int n = result.census[m * types + t];
                    int a = result.outOfBorough[m * types + t];
                    assertTrue(a >= 0 && a <= n, "placed away " + a + " of " + n);
                    if (t == 0) {
                        assertEquals(0, a, "the council type has none away");
                    }
                }
                if (m >= 12) {
                    away += result.outOfBorough[m * types + 1];
                    placed += result.census[m * types + 1];
                }
            }
        }
        // Census counts are correlated over months, so allow well beyond a binomial standard error.
        double observed = away / placed;
        System.out.printf("out of borough: %.4f of market placements, share %.2f%n", observed, share);
        assertEquals(share, observed, 0.01);
    }
}
