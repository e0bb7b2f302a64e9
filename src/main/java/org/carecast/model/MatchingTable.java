package org.carecast.model;

/**
 * Where a child is placed: for each age band and need level, placement types in order of
 * preference. A child takes the first type with a free place; the last type is always
 * unlimited, so a match never fails. Not getting the first type is a spill-over.
 *
 * @param order  preference lists at index {@code band * needs + need}
 * @param needs  number of need levels (the stride of {@code order})
 */
public record MatchingTable(int[][] order, int needs) {

    public int[] preferences(int band, int need) {
        return order[band * needs + need];
    }
}
