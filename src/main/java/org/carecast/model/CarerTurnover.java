package org.carecast.model;

/**
 * Foster places gained and lost over time as random processes, not fixed steps: places are
 * gained as a Poisson process (carers approved) and each existing place is lost at a constant
 * hazard (carers resigning or retiring). Rates are constant within a month so recruitment
 * campaigns and retention schemes take effect from a month. A lost place never evicts a child:
 * the type takes no one new until occupancy falls below the remaining places.
 *
 * @param gainPerDay         places gained per day in month {@code m} for type {@code t}, at {@code m * types + t}
 * @param lossPerPlacePerDay hazard per place per day of being lost, same indexing
 * @param active             types with any turnover, in type order
 */
public record CarerTurnover(double[] gainPerDay, double[] lossPerPlacePerDay, int[] active) {

    public boolean isEmpty() {
        return active.length == 0;
    }
}
