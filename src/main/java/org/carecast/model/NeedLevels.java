package org.carecast.model;

/**
 * Levels of need a child can have (for example kinship available, standard, complex,
 * secure). Need selects the matching list and scales the breakdown hazard; a breakdown can
 * escalate a child's need.
 *
 * @param ids                  identifiers, in scenario order
 * @param entryShareCumulative cumulative shares of new entries, last element 1
 * @param breakdownMultiplier  factor on every placement's breakdown hazard
 * @param escalatesTo          need level taken after a breakdown with probability
 *                             {@code escalationProbability}; -1 for none
 * @param escalationProbability probability of escalating at a breakdown
 */
public record NeedLevels(String[] ids, double[] entryShareCumulative, double[] breakdownMultiplier,
                         int[] escalatesTo, double[] escalationProbability) {

    public int size() {
        return ids.length;
    }
}
