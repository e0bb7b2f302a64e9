package org.carecast.model;

/**
 * Step-down: a child in an external placement moves to a preferred council placement when a
 * place there is free, once they have stayed a minimum time, if the offered place is taken
 * up (a Bernoulli draw per offer). Each source type has at most one target.
 *
 * @param target        target type per source type, or -1
 * @param minStayDays   minimum time in the source placement before a move, per source type
 * @param probability   probability an offered place is taken up, per source type
 * @param maxAgeDays    children at or above this age are not offered a step-down
 * @param sourcesOf     for each target type, its source types in scenario order
 */
public record StepDownRules(int[] target, double[] minStayDays, double[] probability,
                            double[] maxAgeDays, int[][] sourcesOf) {

    public boolean isSource(int type) {
        return target[type] >= 0;
    }
}
