package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The move a care plan makes soon after entry, against its closed form. Children arrive at rate
 * lambda into one unlimited type with no breakdowns and leave at rate mu; a share q move once,
 * after an exponential time of rate a from entry, if still in care. Those moves are a thinned
 * Poisson process, so their number over a horizon H is Poisson with mean
 * lambda q a/(a+mu) [H - (1 - e^-(a+mu)H)/(a+mu)].
 */
class CarePlanMoveTest {

    @Test
    void movesSoonAfterEntryArePoissonWithTheClosedFormMean() {
        double lambda = 0.6;
        double meanStayDays = 400;
        double q = 0.6;
        double meanMonths = 3;
        String base = Scenarios.queue("unlimited", lambda, meanStayDays, 24);
        String yaml = base.replaceFirst("ageShares: \\{\"0\": 1, \"1-17\": 0}",
                "$0\n  carePlanMove: {share: " + q + ", meanMonths: " + meanMonths + "}");
        assertTrue(yaml.contains("carePlanMove"), yaml);
        Model with = Scenarios.compile(yaml);
        Model without = Scenarios.compile(base);
        Replication a = new Replication(with);
        Replication b = new Replication(without);
        int replications = 300;
        double moves = 0;
        for (int r = 0; r < replications; r++) {
            ReplicationResult x = a.run(31, r);
            int[] entries = x.entries.clone();
            int[] exits = x.exits.clone();
            int breakdowns = Arrays.stream(x.breakdowns).sum();
            moves += Arrays.stream(x.moves).sum();
            ReplicationResult y = b.run(31, r);
            // Common random numbers: the same children arrive and leave at the same times.
            assertArrayEquals(y.entries, entries);
            assertArrayEquals(y.exits, exits);
            assertEquals(0, breakdowns, "a planned move is not a breakdown");
            assertEquals(0, Arrays.stream(y.moves).sum(), "no moves without it");
        }
        moves /= replications;
        double horizon = with.time().monthStartDay()[24];
        double rate = 1 / (meanMonths * 365.25 / 12);
        double mu = 1 / meanStayDays;
        double expected = lambda * q * rate / (rate + mu) * (horizon - (1 - Math.exp(-(rate + mu) * horizon)) / (rate + mu));
        double se = Math.sqrt(expected / replications);
        System.out.printf(Locale.ROOT, "CarePlanMoveTest: %.1f moves per replication, closed form %.1f (se %.1f)%n",
                moves, expected, se);
        assertEquals(expected, moves, 4 * se);
    }
}
