package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.carecast.engine.ErlangLossTest.assertWithin;

/**
 * A child whose placement ends is matched while it still holds its place, and the place is
 * freed only after, so it can never be handed back the place it just left; after a breakdown
 * the place may stay empty for a void period before anyone else is offered it.
 */
class MovesFreeTheirPlaceTest {

    /**
     * A full pool of council places, no entries, no exits, a breakdown hazard in the pool and
     * none in the market. The first breakdown finds the pool full (the child still holds its
     * place), so that child goes to the market; from then on one place is free, and each later
     * breakdown moves its child to that free place (another carer) and frees its own. So the pool
     * holds c until the first of c breakdown clocks rings, then c - 1: its expected count at t is
     * c - (1 - exp(-c lambda t)). (Before, a broken-down child took its own place again and the
     * pool stayed exactly full.)
     */
    @Test
    void theFirstBreakdownInAFullPoolSendsItsChildToTheMarket() {
        int places = 4;
        double perYear = 0.5;
        Model model = Scenarios.compile(Scenarios.pool(places, places, 0, perYear, 0, 24));
        int replications = 2000;
        int[] months = {1, 3, 6, 12};
        double[][] inPool = new double[months.length][replications];
        Replication replication = new Replication(model);
        for (int r = 0; r < replications; r++) {
            ReplicationResult result = replication.run(5, r);
            for (int k = 0; k < months.length; k++) {
                inPool[k][r] = result.census[months[k] * 2];
            }
        }
        for (int k = 0; k < months.length; k++) {
            double t = model.time().monthStartDay()[months[k]];
            double expected = places - (1 - Math.exp(-places * perYear * t / 365.25));
            assertWithin(inPool[k], expected, 0, "children left in the pool at month " + months[k]);
        }
    }

    /**
     * Each place is a renewal process: occupied for an exponential time of mean 1/lambda until
     * a breakdown, then held empty for the void period V, then taken by the next entrant (entries
     * are frequent: a wait of about 1/Lambda). Its long-run share of time occupied is
     * (1/lambda) / (1/lambda + V + 1/Lambda); with V = 0 it is nearly 1.
     */
    @Test
    void aPlaceHeldEmptyAfterABreakdownIsOccupiedTheRenewalShareOfTime() {
        int places = 20;
        double perYear = 2.0;
        double entriesPerDay = 10;
        for (double voidDays : new double[] {30, 0}) {
            int months = 36;
            int warmUp = 6;
            Model model = Scenarios.compile(Scenarios.pool(places, places, entriesPerDay, perYear, voidDays, months));
            Replication replication = new Replication(model);
            int replications = 150;
            double[] occupied = new double[replications];
            for (int r = 0; r < replications; r++) {
                ReplicationResult result = replication.run(9, r);
                double childDays = 0;
                for (int m = warmUp; m < months; m++) {
                    childDays += result.childDays[m * 2];
                }
                double days = model.time().monthStartDay()[months] - model.time().monthStartDay()[warmUp];
                occupied[r] = childDays / days;
            }
            double up = 365.25 / perYear;
            double expected = places * up / (up + voidDays + 1 / entriesPerDay);
            assertWithin(occupied, expected, 0.02, String.format(Locale.ROOT, "mean places occupied with a %.0f-day void", voidDays));
        }
    }
}
