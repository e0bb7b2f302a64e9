package org.carecast.model;

/**
 * Step-down: a child in an external placement moves to a preferred council placement when a
 * place there is free, once they have stayed a minimum time, if the offered place is taken
 * up (a Bernoulli draw per offer). Rules are indexed; a source type may have several rules
 * (for example to a council children's home and to an enhanced foster place), tried in order.
 *
 * @param from          source type of each rule
 * @param to            target type of each rule
 * @param minStayDays   minimum time in the source placement before a move, per rule
 * @param probability   probability an offered place is taken up, per rule
 * @param minAgeDays    children below this age are not offered the move, per rule
 * @param maxAgeDays    children at or above this age are not offered the move, per rule
 * @param rulesOf       for each type, the rules with it as source, in order
 * @param rulesInto     for each type, the rules with it as target, in order
 */
public record StepDownRules(int[] from, int[] to, double[] minStayDays, double[] probability,
                            double[] minAgeDays, double[] maxAgeDays, int[][] rulesOf, int[][] rulesInto) {

    public boolean isSource(int type) {
        return rulesOf[type].length > 0;
    }

    /** The shortest minimum stay of the rules leaving {@code type}: when a child first becomes eligible. */
    public double earliestEligibleDays(int type) {
        double min = Double.POSITIVE_INFINITY;
        for (int r : rulesOf[type]) {
            min = Math.min(min, minStayDays[r]);
        }
        return min;
    }

    /**
     * The age in days from which no rule leaving {@code type} can ever offer a child a move:
     * each rule stops at its own maximum age or its target's, whichever is lower. Ages only
     * grow, so a child past it can be dropped from the search for candidates.
     */
    public double lastEligibleAgeDays(int type, double[] targetMaxAgeDays) {
        double last = Double.NEGATIVE_INFINITY;
        for (int r : rulesOf[type]) {
            last = Math.max(last, Math.min(maxAgeDays[r], targetMaxAgeDays[to[r]]));
        }
        return last;
    }
}
