package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Places pooled between councils against queueing theory: two councils with Poisson entries
 * and exponential stays, each commissioning some places of one type and overflowing to the
 * market, form one M/M/c/c loss system when they pool those places: each council's share of
 * entries that overflow is Erlang's B(c, a) for the pooled places c = c1 + c2 and the combined
 * offered load a = (lambda1 + lambda2) / mu (arrivals see time averages), lower than either's
 * B(c_k, a_k) alone; and the pooled occupancy is a (1 - B) by Little's law.
 */
class SharedPlacesTest {

    @Test
    void twoCouncilsSharingPlacesAreOneErlangLossSystem() {
        int months = 60;
        int warmUp = 6;
        int replications = 150;
        double meanStay = 40;
        int[] places = {4, 8};
        double[] lambda = {0.1, 0.2};
        List<Model> models = List.of(
                Scenarios.compile(Scenarios.queue(Integer.toString(places[0]), lambda[0], meanStay, months)),
                Scenarios.compile(Scenarios.queue(Integer.toString(places[1]), lambda[1], meanStay, months)));
        RegionReplication region = new RegionReplication(models, new int[][] {{0, 0}});
        double[][] blocked = new double[2][replications];
        double[] occupancy = new double[replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult[] results = region.run(11, r);
            double days = models.get(0).time().monthStartDay()[months] - models.get(0).time().monthStartDay()[warmUp];
            for (int k = 0; k < 2; k++) {
                double entries = 0;
                double spill = 0;
                for (int m = warmUp; m < months; m++) {
                    entries += results[k].entries[m];
                    spill += results[k].spillOver[m * 2 + 1];
                    occupancy[r] += results[k].childDays[m * 2] / days;
                }
                blocked[k][r] = spill / entries;
            }
        }
        int c = places[0] + places[1];
        double a = (lambda[0] + lambda[1]) * meanStay;
        double pooled = ErlangLossTest.erlangB(c, a);
        for (int k = 0; k < 2; k++) {
            ErlangLossTest.assertWithin(blocked[k], pooled, 0.004, "council " + k + "'s overflow share vs Erlang B of the pool");
            double alone = ErlangLossTest.erlangB(places[k], lambda[k] * meanStay);
            assertTrue(alone > pooled + 0.02, "pooling lowers council " + k + "'s overflow: " + alone + " alone, " + pooled + " pooled");
        }
        ErlangLossTest.assertWithin(occupancy, a * (1 - pooled), 0.02 * c, "pooled occupancy vs Little's law");
    }

    @Test
    void theFirstCouncilDrawsWhatItDrawsAloneAndAnUnsharedRegionChangesNothing() {
        Model one = Scenarios.compile(Scenarios.queue("5", 0.1, 40, 24));
        Model two = Scenarios.compile(Scenarios.queue("5", 0.2, 40, 24));
        RegionReplication unshared = new RegionReplication(List.of(one, two), new int[0][]);
        for (int r = 0; r < 5; r++) {
            ReplicationResult[] region = unshared.run(7, r);
            ReplicationResult alone0 = new Replication(one).run(7, r);
            assertEquals(java.util.Arrays.toString(alone0.childDays), java.util.Arrays.toString(region[0].childDays));
            ReplicationResult alone1 = new Replication(two).run(RegionReplication.councilSeed(7, 1), r);
            assertEquals(java.util.Arrays.toString(alone1.childDays), java.util.Arrays.toString(region[1].childDays));
        }
    }
}
