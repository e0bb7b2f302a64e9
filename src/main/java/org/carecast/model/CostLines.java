package org.carecast.model;

/**
 * Spending that does not depend on where children are placed: the running costs of
 * Mockingbird hubs and recruitment campaigns, and the capital cost of a new home. (Running
 * costs of homes and block contracts are fixed costs of their placement type instead.) Each
 * line is a known amount per month in pounds, inflation included.
 *
 * @param ids     line identifiers (the intervention that pays them)
 * @param labels  names for reports
 * @param pounds  spend in month {@code m} on line {@code l}, at {@code m * lines + l}
 */
public record CostLines(String[] ids, String[] labels, double[] pounds) {

    public int size() {
        return ids.length;
    }
}
