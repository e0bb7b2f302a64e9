package org.carecast.engine;

import java.util.Arrays;

/**
 * Places held empty after a placement in them broke down (a foster carer's break, a home's
 * repairs), per placement type, each until a release time in days. Every void of a type lasts
 * the same number of days, so releases within a type come in the order the places were held:
 * one ring buffer of release times per type, and the next release over all types found by a
 * scan of the few types (placement types number about ten). No object is made per void.
 */
final class PlaceVoids {

    private final double[][] releaseAt;
    private final int[] head;
    private final int[] count;
    private double next = Double.POSITIVE_INFINITY;
    private int nextType = -1;

    PlaceVoids(int types) {
        releaseAt = new double[types][4];
        head = new int[types];
        count = new int[types];
    }

    void clear() {
        Arrays.fill(head, 0);
        Arrays.fill(count, 0);
        next = Double.POSITIVE_INFINITY;
        nextType = -1;
    }

    /** Places of type {@code t} held empty now. */
    int held(int t) {
        return count[t];
    }

    /** Holds one place of type {@code t} empty until day {@code until} (no earlier than the type's last). */
    void hold(int t, double until) {
        double[] ring = releaseAt[t];
        if (count[t] == ring.length) {
            double[] grown = new double[ring.length * 2];
            for (int i = 0; i < count[t]; i++) {
                grown[i] = ring[(head[t] + i) % ring.length];
            }
            releaseAt[t] = ring = grown;
            head[t] = 0;
        }
        ring[(head[t] + count[t]) % ring.length] = until;
        count[t]++;
        if (until < next || (until == next && t < nextType)) {
            next = until;
            nextType = t;
        }
    }

    /** The day of the next release over all types; infinite when no place is held. */
    double nextRelease() {
        return next;
    }

    /** Releases the next held place and returns its type; call only when one is held. */
    int release() {
        int t = nextType;
        head[t] = (head[t] + 1) % releaseAt[t].length;
        count[t]--;
        next = Double.POSITIVE_INFINITY;
        nextType = -1;
        for (int k = 0; k < count.length; k++) {
            // Ties go to the lower type index, so the order never depends on how buffers grew.
            if (count[k] > 0 && releaseAt[k][head[k]] < next) {
                next = releaseAt[k][head[k]];
                nextType = k;
            }
        }
        return t;
    }
}
