package org.carecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Places that several councils share (a regional children's home, a shared framework): one
 * placement type in each council's model, whose places are pooled. A child of any of those
 * councils takes a pooled place when the places of every council's type together, less those
 * taken or held empty after a breakdown, leave one free, first come first served; a place freed
 * in one council is offered to its own step-down candidates first, then to the other councils'
 * in their order. Each council keeps its own children, their costs and its own share of the
 * places (what it commissioned, and pays the fixed cost of); only who may use a free place is
 * shared.
 */
final class SharedPlaces {

    private final List<Replication> councils = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();

    /** Adds council {@code replication}'s type {@code type} to the pool. */
    void add(Replication replication, int type) {
        councils.add(replication);
        types.add(type);
    }

    /** Offers a place freed by {@code origin}'s child at {@code at} to the other councils' step-down candidates, in order. */
    void offerToOthers(Replication origin, double at) {
        for (int k = 0; k < councils.size() && hasFreePlace(); k++) {
            if (councils.get(k) != origin) {
                councils.get(k).offerSharedPlace(types.get(k), at);
            }
        }
    }

    /** True when the pooled places, all councils together, have one neither taken nor held empty. */
    boolean hasFreePlace() {
        long taken = 0;
        long places = 0;
        for (int k = 0; k < councils.size(); k++) {
            Replication r = councils.get(k);
            int t = types.get(k);
            taken += r.placesTaken(t);
            places += r.places(t);
        }
        return taken < places;
    }
}
