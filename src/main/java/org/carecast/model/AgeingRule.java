package org.carecast.model;

/**
 * At their 16th birthday, a share of children in the listed placement types move to
 * semi-independent accommodation, matched through {@code order}. (Leaving care at 18 is
 * part of {@link ExitHazard}.)
 *
 * @param share    probability a child in an applicable type moves at 16
 * @param appliesTo per type, whether children placed there are considered
 * @param order    preference list for the move, ending in an unlimited type
 */
public record AgeingRule(double share, boolean[] appliesTo, int[] order) {

    public boolean isActive() {
        return share > 0 && order.length > 0;
    }
}
