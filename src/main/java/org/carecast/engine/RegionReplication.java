package org.carecast.engine;

import org.carecast.model.Model;

import java.util.List;

/**
 * One replication of a region: several councils, each its own model and engine, run together
 * in time order because some placement types' places are pooled between them
 * ({@link SharedPlaces}). The councils take turns, each running up to the next event of any
 * other, so every event of the region happens in time order; at the same instant the council
 * listed first goes first.
 *
 * <p>Council 0 draws exactly the numbers it draws when run alone (same seed and replication);
 * council k draws from seed {@link #councilSeed}, so councils' children are independent of one
 * another and every council keeps common random numbers across the region scenarios compared.
 */
public final class RegionReplication {

    private final Replication[] councils;
    /** The pooled types whose running costs are shared by use ({@link PooledType#fixedCostsByUse}). */
    private final List<PooledType> sharedByUse;
    /** Each council's fixed cost of a pooled type in one month, pounds (working room for {@link #rechargeByUse}). */
    private final double[] fixed;

    /**
     * @param models    each council's model, all on the same months
     * @param pooled    the types pooled, each with its type in every council and its allocation rule
     */
    public RegionReplication(List<Model> models, List<PooledType> pooled) {
        councils = new Replication[models.size()];
        for (int k = 0; k < councils.length; k++) {
            councils[k] = new Replication(models.get(k));
        }
        sharedByUse = pooled.stream().filter(PooledType::fixedCostsByUse).toList();
        fixed = new double[models.size()];
        for (PooledType type : pooled) {
            SharedPlaces pool = new SharedPlaces(type);
            for (int k = 0; k < councils.length; k++) {
                pool.add(councils[k], type.typeInCouncil()[k]);
                councils[k].share(type.typeInCouncil()[k], pool);
            }
        }
    }

    /** The seed council {@code k} draws from: the region's own for the first council. */
    public static long councilSeed(long seed, int k) {
        return k == 0 ? seed : RandomStreams.replicationKey(seed, -k);
    }

    /** Runs replication {@code index} of {@code seed}; {@code results[k]} is council k's (reused by the next call). */
    public ReplicationResult[] run(long seed, int index) {
        int n = councils.length;
        for (int k = 0; k < n; k++) {
            councils[k].begin(councilSeed(seed, k), index);
        }
        boolean[] done = new boolean[n];
        int running = n;
        while (running > 0) {
            // The council with the earliest next event goes; the first listed on a tie.
            int next = -1;
            double at = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (!done[k]) {
                    double t = councils[k].nextTime();
                    if (next < 0 || t < at) {
                        next = k;
                        at = t;
                    }
                }
            }
            // It runs up to the next event of any other: at that instant too when the other is listed after it.
            double limit = Double.POSITIVE_INFINITY;
            boolean inclusive = true;
            for (int k = 0; k < n; k++) {
                if (k != next && !done[k]) {
                    double t = councils[k].nextTime();
                    if (t < limit || (t == limit && k < next)) {
                        limit = t;
                        inclusive = k > next;
                    }
                }
            }
            if (councils[next].runUntil(limit, inclusive)) {
                done[next] = true;
                running--;
            }
        }
        ReplicationResult[] results = new ReplicationResult[n];
        for (int k = 0; k < n; k++) {
            results[k] = councils[k].result();
        }
        for (PooledType type : sharedByUse) {
            rechargeByUse(type, results);
        }
        return results;
    }

    /**
     * Moves the running costs of a pooled type's places between councils: each month, every
     * council's fixed cost for the places it commissioned is taken out of its spend, and their
     * sum is put back in proportion to the child-days each council's children spent there. The
     * councils' spend summed is unchanged (up to rounding); in a month nobody used the places,
     * each keeps paying for its own.
     */
    private void rechargeByUse(PooledType type, ReplicationResult[] results) {
        int n = councils.length;
        int months = results[0].months;
        for (int m = 0; m < months; m++) {
            double total = 0;
            double used = 0;
            for (int k = 0; k < n; k++) {
                var model = councils[k].model();
                int cell = m * model.types() + type.typeInCouncil()[k];
                double days = model.time().monthStartDay()[m + 1] - model.time().monthStartDay()[m];
                // As Replication's month end prices it: the type's fixed cost a day, times the month's days.
                fixed[k] = model.placements().fixedCostPerDay()[cell] * days;
                total += fixed[k];
                used += results[k].childDays[cell];
            }
            if (!(used > 0)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                int cell = m * councils[k].model().types() + type.typeInCouncil()[k];
                results[k].spend[cell] += total * (results[k].childDays[cell] / used) - fixed[k];
            }
        }
    }
}
