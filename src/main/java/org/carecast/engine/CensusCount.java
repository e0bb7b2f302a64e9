package org.carecast.engine;

import java.util.Arrays;

/**
 * How many children are in some state at each monthly census, kept as a difference array
 * over census indices so that no census has to visit every child. A child adds itself over a
 * run of censuses {@code [from, until)} known when its state changes (a move, an entry, whose
 * consequences are fixed until the next change); at the next change it takes back the part
 * not yet counted. Censuses are read once each, in order, by {@link #take(int)}; a census
 * already taken is never changed, so a run is counted from the first census not yet taken.
 */
final class CensusCount {

    /** At index m, the change in the count from census m-1 to census m. */
    private final int[] change;
    private int running;
    /** Censuses already taken: the first one a change can still reach. */
    private int taken;

    CensusCount(int censuses) {
        change = new int[censuses + 1];
    }

    /**
     * Adds {@code delta} to every census in {@code [from, until)} not yet taken; nothing when
     * that leaves no census.
     */
    void add(int from, int until, int delta) {
        int first = Math.max(from, taken);
        if (first < until) {
            change[first] += delta;
            change[until] -= delta;
        }
    }

    /** The count at census {@code m}; call for m = 0, 1, 2, ... in turn. */
    int take(int m) {
        running += change[m];
        taken = m + 1;
        return running;
    }

    void clear() {
        Arrays.fill(change, 0);
        running = 0;
        taken = 0;
    }
}
