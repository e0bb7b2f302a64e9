package org.carecast.model;

/**
 * Mockingbird-style constellations: a hub carer household supports satellite foster
 * households. Places in satellite households are "slots" attached to a placement type (their
 * number changes as hubs open and close, through {@link CapacityPlan} changes of kind
 * {@link CapacityPlan#SLOTS}). A child placed in the type while a slot is free joins a
 * satellite household, and while there their breakdown hazard is multiplied by the type's
 * multiplier. Children already placed when a hub opens join in order of placement.
 *
 * @param breakdownMultiplier per type, the multiplier on the breakdown hazard of members (1 when none)
 */
public record SatelliteCare(double[] breakdownMultiplier) {

    public boolean appliesTo(int type) {
        return breakdownMultiplier[type] != 1.0;
    }
}
