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
 * B(c_k, a_k) alone; and the pooled occupancy is a (1 - B) by Little's law. With places each
 * council keeps for its own children, the pool is a two-dimensional birth-death chain whose
 * stationary distribution gives each council's overflow exactly; at the two ends of the rule it
 * is the plain pool (nothing kept) and no sharing at all (everything kept).
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
        RegionReplication region = new RegionReplication(models, List.of(PooledType.firstComeFirstServed(0, 0)));
        double[] occupancy = new double[replications];
        double[][] blocked = overflowShares(region, models.get(0), 11, replications, warmUp, occupancy);
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
    void placesKeptForEachCouncilsOwnChildrenGiveTheOverflowOfTheirMarkovChain() {
        int months = 60;
        int warmUp = 6;
        int replications = 150;
        double meanStay = 40;
        int[] places = {4, 8};
        double[] lambda = {0.16, 0.16};
        int reserved = 2;
        List<Model> models = List.of(
                Scenarios.compile(Scenarios.queue(Integer.toString(places[0]), lambda[0], meanStay, months)),
                Scenarios.compile(Scenarios.queue(Integer.toString(places[1]), lambda[1], meanStay, months)));
        RegionReplication region = new RegionReplication(models, List.of(new PooledType(new int[] {0, 0}, reserved)));
        double[][] blocked = overflowShares(region, models.get(0), 13, replications, warmUp, new double[replications]);
        double[] exact = overflowOfTheChain(places, lambda, 1 / meanStay, reserved);
        double[] firstComeFirstServed = overflowOfTheChain(places, lambda, 1 / meanStay, 0);
        System.out.printf(java.util.Locale.ROOT, "places kept back: council overflow shares, simulated (chain) with %d kept,"
                        + " then the chain with none: smaller %.3f (%.3f) against %.3f; larger %.3f (%.3f) against %.3f%n", reserved,
                mean(blocked[0]), exact[0], firstComeFirstServed[0], mean(blocked[1]), exact[1], firstComeFirstServed[1]);
        for (int k = 0; k < 2; k++) {
            ErlangLossTest.assertWithin(blocked[k], exact[k], 0.004, "council " + k + "'s overflow share vs the chain's, "
                    + reserved + " places kept for each council's own children");
        }
        // The smaller council borrows less when the larger keeps places back, and the larger turns away fewer.
        assertTrue(exact[0] > firstComeFirstServed[0] + 0.02, exact[0] + " against " + firstComeFirstServed[0]);
        assertTrue(exact[1] < firstComeFirstServed[1] - 0.01, exact[1] + " against " + firstComeFirstServed[1]);
        assertEquals(ErlangLossTest.erlangB(12, 0.32 * meanStay), firstComeFirstServed[0], 1e-9, "nothing kept: one Erlang loss pool");
    }

    @Test
    void keepingEveryPlaceIsNotSharingAtAllAndKeepingNoneIsFirstComeFirstServed() {
        Model one = Scenarios.compile(Scenarios.queue("3", 0.15, 40, 24));
        Model two = Scenarios.compile(Scenarios.queue("5", 0.1, 40, 24));
        RegionReplication unshared = new RegionReplication(List.of(one, two), List.of());
        RegionReplication allKept = new RegionReplication(List.of(one, two), List.of(new PooledType(new int[] {0, 0}, 5)));
        RegionReplication noneKept = new RegionReplication(List.of(one, two), List.of(new PooledType(new int[] {0, 0}, 0)));
        RegionReplication plain = new RegionReplication(List.of(one, two), List.of(PooledType.firstComeFirstServed(0, 0)));
        int differs = 0;
        for (int r = 0; r < 8; r++) {
            String[] alone = spillOvers(unshared.run(5, r));
            assertEquals(String.join("|", alone), String.join("|", spillOvers(allKept.run(5, r))), "replication " + r);
            String[] pooled = spillOvers(plain.run(5, r));
            assertEquals(String.join("|", pooled), String.join("|", spillOvers(noneKept.run(5, r))), "replication " + r);
            differs += String.join("|", alone).equals(String.join("|", pooled)) ? 0 : 1;
        }
        assertTrue(differs > 0, "pooling changed something in some replication");
    }

    /**
     * Each council's share of entries after the warm-up that overflowed to the market, by
     * replication ({@code [council][replication]}); the pooled type's mean occupancy, all councils
     * together, goes into {@code occupancy}.
     */
    private static double[][] overflowShares(RegionReplication region, Model time, long seed, int replications, int warmUp,
                                             double[] occupancy) {
        int months = time.time().months();
        double days = time.time().monthStartDay()[months] - time.time().monthStartDay()[warmUp];
        double[][] blocked = new double[2][replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult[] results = region.run(seed, r);
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
        return blocked;
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }

    private static String[] spillOvers(ReplicationResult[] results) {
        String[] out = new String[results.length];
        for (int k = 0; k < results.length; k++) {
            out[k] = java.util.Arrays.toString(results[k].spillOver) + java.util.Arrays.toString(results[k].childDays);
        }
        return out;
    }

    /**
     * Each council's share of arrivals turned away by a pool of two councils' places under
     * {@link PooledType}'s rule, from the stationary distribution of the chain of (children of
     * council 0, children of council 1) in the pool: Poisson arrivals see it (PASTA).
     */
    private static double[] overflowOfTheChain(int[] places, double[] lambda, double mu, int reserved) {
        int total = places[0] + places[1];
        int states = (total + 1) * (total + 1);
        double[][] q = new double[states][states];
        for (int u0 = 0; u0 <= total; u0++) {
            for (int u1 = 0; u0 + u1 <= total; u1++) {
                int s = u0 * (total + 1) + u1;
                if (accepts(0, u0, u1, places, reserved)) {
                    q[s][s + total + 1] += lambda[0];
                }
                if (accepts(1, u0, u1, places, reserved)) {
                    q[s][s + 1] += lambda[1];
                }
                if (u0 > 0) {
                    q[s][s - total - 1] += u0 * mu;
                }
                if (u1 > 0) {
                    q[s][s - 1] += u1 * mu;
                }
            }
        }
        // pi Q = 0 with sum(pi) = 1: solve Q' pi = 0 with one equation replaced by the sum; unreachable states pinned to 0.
        double[][] a = new double[states][states];
        double[] b = new double[states];
        for (int s = 0; s < states; s++) {
            double out = 0;
            for (int t = 0; t < states; t++) {
                out += q[s][t];
                a[t][s] += q[s][t];
            }
            a[s][s] -= out;
            int u0 = s / (total + 1);
            int u1 = s % (total + 1);
            if (u0 + u1 > total) {
                java.util.Arrays.fill(a[s], 0);
                a[s][s] = 1;
            }
        }
        java.util.Arrays.fill(a[0], 1);
        b[0] = 1;
        double[] pi = new org.apache.commons.math3.linear.LUDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(a))
                .getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
        double[] blocked = new double[2];
        for (int u0 = 0; u0 <= total; u0++) {
            for (int u1 = 0; u0 + u1 <= total; u1++) {
                for (int k = 0; k < 2; k++) {
                    if (!accepts(k, u0, u1, places, reserved)) {
                        blocked[k] += pi[u0 * (total + 1) + u1];
                    }
                }
            }
        }
        return blocked;
    }

    /** The rule, written out independently of the engine's: may council k's child take a place? */
    private static boolean accepts(int k, int u0, int u1, int[] places, int reserved) {
        int[] u = {u0, u1};
        int free = places[0] + places[1] - u0 - u1;
        int other = 1 - k;
        int keptForOther = Math.min(reserved, Math.max(0, places[other] - u[other]));
        return free > 0 && (u[k] < places[k] || free - 1 >= keptForOther);
    }

    @Test
    void theFirstCouncilDrawsWhatItDrawsAloneAndAnUnsharedRegionChangesNothing() {
        Model one = Scenarios.compile(Scenarios.queue("5", 0.1, 40, 24));
        Model two = Scenarios.compile(Scenarios.queue("5", 0.2, 40, 24));
        RegionReplication unshared = new RegionReplication(List.of(one, two), List.of());
        for (int r = 0; r < 5; r++) {
            ReplicationResult[] region = unshared.run(7, r);
            ReplicationResult alone0 = new Replication(one).run(7, r);
            assertEquals(java.util.Arrays.toString(alone0.childDays), java.util.Arrays.toString(region[0].childDays));
            ReplicationResult alone1 = new Replication(two).run(RegionReplication.councilSeed(7, 1), r);
            assertEquals(java.util.Arrays.toString(alone1.childDays), java.util.Arrays.toString(region[1].childDays));
        }
    }

    /**
     * {@link Scenarios#queue}'s council and market with two need levels: {@code complexShare} of
     * entries are "complex" and overflow to {@code market}, the rest to {@code market_standard},
     * so the spill-over of each need level is counted apart.
     */
    private static String queueWithTwoNeeds(String places, double entriesPerDay, double meanStayDays, int months, double complexShare) {
        String yaml = Scenarios.queue(places, entriesPerDay, meanStayDays, months);
        String market = "  - {id: market, category: independent_fostering, provider: external, location: out_of_borough,\n"
                + "     weeklyCost: 1400, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}\n";
        assertTrue(yaml.contains(market) && yaml.contains("  - {id: standard, entryShare: 1}\n")
                && yaml.contains("matching:\n  - order: [council, market]\n"), yaml);
        return yaml.replace(market, market + market.replace("id: market,", "id: market_standard,"))
                .replace("  - {id: standard, entryShare: 1}\n", "  - {id: standard, entryShare: " + (1 - complexShare)
                        + "}\n  - {id: complex, entryShare: " + complexShare + "}\n")
                .replace("matching:\n  - order: [council, market]\n", "matching:\n  - {needs: [complex], order: [council, market]}\n"
                        + "  - {needs: [standard], order: [council, market_standard]}\n");
    }

    @Test
    void placesKeptForAPriorityNeedAreTrunkReservationInOneBirthDeathChain() {
        // Trunk reservation: with equal stays the pool is a birth-death chain in the children it
        // holds, n; every child is taken while n < c, a child without priority only while
        // n < c - K. Each class's overflow is its blocked states' stationary probability (PASTA).
        int months = 60;
        int warmUp = 6;
        int replications = 150;
        double meanStay = 40;
        int[] places = {4, 8};
        double[] lambda = {0.12, 0.2};
        double complexShare = 0.3;
        int kept = 3;
        List<Model> models = List.of(
                Scenarios.compile(queueWithTwoNeeds(Integer.toString(places[0]), lambda[0], meanStay, months, complexShare)),
                Scenarios.compile(queueWithTwoNeeds(Integer.toString(places[1]), lambda[1], meanStay, months, complexShare)));
        int complex = List.of(models.get(0).needs().ids()).indexOf("complex");
        boolean[][] priority = new boolean[2][2];
        priority[0][complex] = true;
        priority[1][complex] = true;
        RegionReplication region = new RegionReplication(models,
                List.of(new PooledType(new int[] {0, 0}, 0, kept, List.of("complex"), priority, false, false)));
        int c = places[0] + places[1];
        double total = lambda[0] + lambda[1];
        double[] pi = new double[c + 1];
        pi[0] = 1;
        double sum = 1;
        for (int n = 1; n <= c; n++) {
            double birth = n - 1 < c - kept ? total : total * complexShare;
            pi[n] = pi[n - 1] * birth / (n / meanStay);
            sum += pi[n];
        }
        double blockedComplex = pi[c] / sum;
        double blockedStandard = 0;
        for (int n = c - kept; n <= c; n++) {
            blockedStandard += pi[n] / sum;
        }
        int days = (int) (models.get(0).time().monthStartDay()[months] - models.get(0).time().monthStartDay()[warmUp]);
        double[] complexShareBlocked = new double[replications];
        double[] standardShareBlocked = new double[replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult[] results = region.run(17, r);
            double spillComplex = 0;
            double spillStandard = 0;
            for (int k = 0; k < 2; k++) {
                for (int m = warmUp; m < months; m++) {
                    spillComplex += results[k].spillOver[m * 3 + 1];
                    spillStandard += results[k].spillOver[m * 3 + 2];
                }
            }
            // Expected entries of each level after the warm-up (each entry's level is its own draw).
            complexShareBlocked[r] = spillComplex / (total * days * complexShare);
            standardShareBlocked[r] = spillStandard / (total * days * (1 - complexShare));
        }
        double fcfs = ErlangLossTest.erlangB(c, total * meanStay);
        System.out.printf(java.util.Locale.ROOT, "priority by need, %d of %d pooled places kept for complex need: overflow"
                        + " shares simulated (chain): complex %.3f (%.3f), standard %.3f (%.3f); first come first served %.3f%n",
                kept, c, mean(complexShareBlocked), blockedComplex, mean(standardShareBlocked), blockedStandard, fcfs);
        ErlangLossTest.assertWithin(complexShareBlocked, blockedComplex, 0.004, "complex need's overflow vs the chain's");
        ErlangLossTest.assertWithin(standardShareBlocked, blockedStandard, 0.006, "standard need's overflow vs the chain's");
        assertTrue(blockedComplex < fcfs - 0.1 && blockedStandard > fcfs + 0.05, "the rule moves overflow from complex to standard need");
    }

    @Test
    void noPriorityPlacesIsThePlainPoolAndEveryNeedWithPriorityIsToo() {
        List<Model> models = List.of(Scenarios.compile(queueWithTwoNeeds("3", 0.15, 40, 24, 0.4)),
                Scenarios.compile(queueWithTwoNeeds("5", 0.1, 40, 24, 0.4)));
        RegionReplication plain = new RegionReplication(models, List.of(PooledType.firstComeFirstServed(0, 0)));
        boolean[][] everyNeed = {{true, true}, {true, true}};
        RegionReplication allPriority = new RegionReplication(models,
                List.of(new PooledType(new int[] {0, 0}, 0, 2, List.of("standard", "complex"), everyNeed, false, false)));
        boolean[][] complexOnly = {{false, true}, {false, true}};
        RegionReplication kept = new RegionReplication(models,
                List.of(new PooledType(new int[] {0, 0}, 0, 2, List.of("complex"), complexOnly, false, false)));
        int differs = 0;
        for (int r = 0; r < 8; r++) {
            String pooled = String.join("|", spillOvers(plain.run(5, r)));
            assertEquals(pooled, String.join("|", spillOvers(allPriority.run(5, r))), "replication " + r);
            differs += pooled.equals(String.join("|", spillOvers(kept.run(5, r)))) ? 0 : 1;
        }
        assertTrue(differs > 0, "keeping places for complex need changed something in some replication");
    }

    /**
     * {@link Scenarios#queue}'s council and market where a child in the market steps down into a
     * free council place at once (no minimum stay, always taken): children wait in the market for
     * a place, longest placed first.
     */
    private static String queueWithWaiting(String places, double entriesPerDay, double meanStayDays, int months) {
        return Scenarios.queue(places, entriesPerDay, meanStayDays, months)
                + "stepDown:\n  - {from: [market], to: council, minimumStayDays: 0, probability: 1}\n";
    }

    @Test
    void oneQueueServesEveryCouncilsWaitingChildrenAlikeInOrderOfWaiting() {
        // Children enter at rate lambda, all leave care at rate mu wherever they are, and wait in
        // the market for a pooled place: the number in care N is Poisson(a = lambda / mu), the
        // pool holds min(N, c). A child arriving to N >= c waits at position k = N - c + 1; in one
        // queue it moves up when a place frees (c mu) or someone ahead leaves ((k - 1) mu), and
        // leaves itself at mu, so it gets a place with probability prod (c + j - 1) / (c + j) =
        // c / (c + k). Both councils' children see the same chance; offering a freed place to its
        // own council first favours the council whose children hold more places.
        int months = 60;
        int warmUp = 6;
        int replications = 150;
        double meanStay = 40;
        int[] places = {4, 8};
        double[] lambda = {0.08, 0.3};
        List<Model> models = List.of(
                Scenarios.compile(queueWithWaiting(Integer.toString(places[0]), lambda[0], meanStay, months)),
                Scenarios.compile(queueWithWaiting(Integer.toString(places[1]), lambda[1], meanStay, months)));
        int c = places[0] + places[1];
        double a = (lambda[0] + lambda[1]) * meanStay;
        double waiting = 0;
        double served = 0;
        double p = Math.exp(-a);
        for (int n = 0; n < 200; n++) {
            if (n >= c) {
                waiting += p;
                served += p * c / (n + 1.0);
            }
            p *= a / (n + 1);
        }
        double exact = served / waiting;
        double[][] oneQueue = placedAfterWaiting(new RegionReplication(models,
                List.of(new PooledType(new int[] {0, 0}, 0, 0, List.of(), null, true, false))), models.get(0), replications, warmUp);
        double[][] ownFirst = placedAfterWaiting(new RegionReplication(models,
                List.of(PooledType.firstComeFirstServed(0, 0))), models.get(0), replications, warmUp);
        System.out.printf(java.util.Locale.ROOT, "one queue: share of waiting children placed, smaller council %.3f, larger"
                        + " %.3f, exact %.3f; own council first: %.3f and %.3f%n",
                mean(oneQueue[0]), mean(oneQueue[1]), exact, mean(ownFirst[0]), mean(ownFirst[1]));
        for (int k = 0; k < 2; k++) {
            ErlangLossTest.assertWithin(oneQueue[k], exact, 0.01, "council " + k + "'s waiting children placed, one queue");
        }
        assertTrue(mean(ownFirst[0]) < exact - 0.03, "own council first: the smaller council's waiting children are"
                + " placed less often: " + mean(ownFirst[0]) + " against " + exact);
    }

    /** Per council and replication: step-downs into the pool over spill-overs into the market, after the warm-up. */
    private static double[][] placedAfterWaiting(RegionReplication region, Model time, int replications, int warmUp) {
        int months = time.time().months();
        double[][] share = new double[2][replications];
        for (int r = 0; r < replications; r++) {
            ReplicationResult[] results = region.run(23, r);
            for (int k = 0; k < 2; k++) {
                double spilled = 0;
                double placed = 0;
                for (int m = warmUp; m < months; m++) {
                    spilled += results[k].spillOver[m * 2 + 1];
                    placed += results[k].stepDowns[m];
                }
                share[k][r] = placed / spilled;
            }
        }
        return share;
    }

    @Test
    void runningCostsSharedByUseMoveBetweenCouncilsAndAddUpToTheSame() {
        // One council commissions 4 places with a running cost of 1,000 pounds a day; the other
        // 2 places with none. Shared by use, each month's 1,000 a day (times its days) is split
        // by the child-days each council's children spent in the pool; who is placed is unchanged.
        int months = 24;
        List<Model> models = List.of(
                Scenarios.compile(Scenarios.queue("4, fixedAnnualCost: 365250", 0.15, 40, months)),
                Scenarios.compile(Scenarios.queue("2", 0.1, 40, months)));
        RegionReplication commissioned = new RegionReplication(models, List.of(PooledType.firstComeFirstServed(0, 0)));
        RegionReplication byUse = new RegionReplication(models,
                List.of(new PooledType(new int[] {0, 0}, 0, 0, List.of(), null, false, true)));
        double moved = 0;
        for (int r = 0; r < 6; r++) {
            ReplicationResult[] a = commissioned.run(31, r);
            ReplicationResult[] b = byUse.run(31, r);
            for (int m = 0; m < months; m++) {
                int cell = m * 2;
                double days = models.get(0).time().monthStartDay()[m + 1] - models.get(0).time().monthStartDay()[m];
                double fixedOfFirst = models.get(0).placements().fixedCostPerDay()[cell] * days;
                assertEquals(1_000 * days, fixedOfFirst, 1e-6, "the first council's running cost in month " + m);
                double used = a[0].childDays[cell] + a[1].childDays[cell];
                for (int k = 0; k < 2; k++) {
                    assertEquals(a[k].childDays[cell], b[k].childDays[cell], 0.0, "the same children, placed alike");
                    double own = k == 0 ? fixedOfFirst : 0;
                    double share = used > 0 ? fixedOfFirst * a[k].childDays[cell] / used : own;
                    assertEquals(share - own, b[k].spend[cell] - a[k].spend[cell], 1e-6,
                            "council " + k + ", month " + m + ": its share by use in place of what it commissioned");
                }
                assertEquals(a[0].spend[cell] + a[1].spend[cell], b[0].spend[cell] + b[1].spend[cell], 1e-6,
                        "the councils' spend summed is unchanged in month " + m);
                moved += b[1].spend[cell] - a[1].spend[cell];
            }
        }
        assertTrue(moved > 10_000, "the council without running costs pays for the places its children use: " + moved);
    }
}
