package org.carecast.model;

/**
 * The placement types of a scenario as parallel arrays indexed by type number, so that the
 * engine's hot loop reads primitives rather than objects.
 *
 * @param ids                  scenario identifiers, e.g. {@code council_foster}
 * @param labels               human-readable names for reports
 * @param categories           kind of home
 * @param providers            council's own provision or external
 * @param outOfBoroughShare    share of the type's placements outside the council's area, 0 to 1
 *                             (drawn per placement)
 * @param costPerChildDay      pounds per child per day in month {@code m} for type {@code t},
 *                             at index {@code m * types + t}, inflation included
 * @param priceIndex           the type's price uplift in month {@code m} against the start (1 in the
 *                             first financial year, then times 1 + its annual inflation each 1 April),
 *                             at {@code m * types + t}: how a child's own price at the start is uplifted
 * @param fixedCostPerDay      pounds per day paid whether or not places are filled (council
 *                             homes, block contracts), same indexing, inflation included
 * @param minAgeDays           youngest age a type takes a child at, in days (0 for any)
 * @param maxAgeDays           a type takes children younger than this, in days (18 years for any)
 */
public record PlacementTable(String[] ids, String[] labels, PlacementCategory[] categories,
                             Provider[] providers, double[] outOfBoroughShare,
                             double[] costPerChildDay, double[] priceIndex, double[] fixedCostPerDay,
                             double[] minAgeDays, double[] maxAgeDays) {

    public int size() {
        return ids.length;
    }

    public int indexOf(String id) {
        for (int t = 0; t < ids.length; t++) {
            if (ids[t].equals(id)) {
                return t;
            }
        }
        return -1;
    }
}
