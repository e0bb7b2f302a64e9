package org.carecast.engine;

import java.util.Arrays;

/**
 * How many children are in some state at each monthly census, kept as a difference array
 * over census indices so that no census has to visit every child. A child adds itself over a
 * run of censuses {@code [from, until)} known when its state changes (a move, an entry, whose
 * consequences are fixed until the next change); at the next change it takes back the part
 * not yet counted. Censuses are read once each, in order, by {@link #take(int)}.
 */
final class CensusCount {

    /** At index m, the change in the count from census m-1 to census m. */
    private final int[] change;
    private int running;

    CensusCount(int censuses) {
        change = new int[censuses + 1];
    }

    /** Adds {@code delta} to every census in {@code [from, until)}; nothing when the run is empty. */
    void add(int from, int until, int delta) {
        if (from < until) {
            change[from] += delta;
            change[until] -= delta;
        }
    }

    /** The count at census {@code m}; call for m = 0, 1, 2, ... in turn. */
    int take(int m) {
        running += change[m];
        return running;
    }

    void clear() {
        Arrays.fill(change, 0);
        running = 0;
    }
}
