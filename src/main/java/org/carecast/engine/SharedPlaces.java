package org.carecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Places that several councils share (a regional children's home, a shared framework): one
 * placement type in each council's model, whose places are pooled. A child of any of those
 * councils takes a pooled place when the places of every council's type together, less those
 * taken or held empty after a breakdown, leave one free, under the allocation rule of
 * {@link PooledType} (first come first served, with places each council keeps for its own
 * children, the pool's last places kept for children of given need levels, or both); a place freed in one council is offered to its own step-down candidates first, then
 * to the other councils' in their order. Each council keeps its own children, their costs and its
 * own share of the places (what it commissioned, and pays the fixed cost of); only who may use a
 * free place is shared.
 */
final class SharedPlaces {

    private final List<Replication> councils = new ArrayList<>();
    /** Each council's pooled type, by the council's place in {@link #councils}. */
    private int[] types = new int[0];
    private final PooledType rule;
    private final int reserved;

    /** @param rule the pooled type's allocation rule (places kept for each council, and for need) */
    SharedPlaces(PooledType rule) {
        this.rule = rule;
        this.reserved = rule.reserved();
    }

    /** Adds council {@code replication}'s type {@code type} to the pool. */
    void add(Replication replication, int type) {
        councils.add(replication);
        types = java.util.Arrays.copyOf(types, types.length + 1);
        types[types.length - 1] = type;
    }

    /** Whether freed places go to one queue of every council's candidates ({@link PooledType#oneQueue}). */
    boolean oneQueue() {
        return rule.oneQueue();
    }

    /** Per council and step-down rule into its type: the council, the rule, and where its candidates have been read to. */
    private int[] cursorCouncil;
    private int[] cursorRule;
    private int[] cursor;

    /**
     * Offers the pool's free places to every council's step-down candidates as one queue, the
     * longest placed first whichever council they belong to (ties: the council listed first, then
     * its rules' order), while places remain free and someone accepts. Each council's own rules
     * say who may be offered one (minimum stay, ages, the chance an offer is taken) and the pool's
     * rule whether its child may take it.
     */
    void offerInOneQueue(double at) {
        if (cursor == null) {
            java.util.List<int[]> pairs = new ArrayList<>();
            for (int k = 0; k < councils.size(); k++) {
                for (int r : councils.get(k).rulesInto(types[k])) {
                    pairs.add(new int[] {k, r});
                }
            }
            cursorCouncil = pairs.stream().mapToInt(p -> p[0]).toArray();
            cursorRule = pairs.stream().mapToInt(p -> p[1]).toArray();
            cursor = new int[pairs.size()];
        }
        for (Replication council : councils) {
            council.advanceTo(at);
        }
        boolean moved = true;
        while (moved && freePlaces() > 0) {
            moved = false;
            for (int q = 0; q < cursor.length; q++) {
                cursor[q] = councils.get(cursorCouncil[q]).firstCandidate(cursorRule[q]);
            }
            while (!moved) {
                int best = -1;
                double earliest = Double.POSITIVE_INFINITY;
                for (int q = 0; q < cursor.length; q++) {
                    if (cursor[q] < 0) {
                        continue;
                    }
                    Replication council = councils.get(cursorCouncil[q]);
                    cursor[q] = council.nextCandidate(cursorRule[q], cursor[q]);
                    if (cursor[q] < 0) {
                        continue;
                    }
                    double start = council.candidateStart(cursorRule[q], cursor[q]);
                    if (best < 0 || start < earliest) {
                        best = q;
                        earliest = start;
                    }
                }
                if (best < 0) {
                    break;
                }
                int k = cursorCouncil[best];
                int entry = cursor[best]++;
                moved = councils.get(k).offerTo(types[k], cursorRule[best], entry);
            }
        }
    }

    /** Offers a place freed by {@code origin}'s child at {@code at} to the other councils' step-down candidates, in order. */
    void offerToOthers(Replication origin, double at) {
        for (int k = 0; k < councils.size() && freePlaces() > 0; k++) {
            if (councils.get(k) != origin) {
                councils.get(k).offerSharedPlace(types[k], at);
            }
        }
    }

    /** Pooled places, all councils together, neither taken nor held empty. */
    private long freePlaces() {
        long free = 0;
        for (int k = 0; k < councils.size(); k++) {
            free += councils.get(k).places(types[k]) - councils.get(k).placesTaken(types[k]);
        }
        return free;
    }

    /**
     * True when a child of {@code council} with need level {@code need} (its index in that
     * council's model; -1 for a child with priority, when asking whether anyone could take one)
     * may take a pooled place now, under the allocation rule.
     */
    boolean hasFreePlaceFor(Replication council, int need) {
        long free = 0;
        long ownFree = 0;
        long keptForOthers = 0;
        int index = -1;
        for (int k = 0; k < councils.size(); k++) {
            Replication r = councils.get(k);
            int t = types[k];
            long unused = r.places(t) - r.placesTaken(t);
            free += unused;
            if (r == council) {
                ownFree = unused;
                index = k;
            } else {
                keptForOthers += Math.min(reserved, Math.max(0, unused));
            }
        }
        boolean priority = need < 0 || rule.hasPriority(index, need);
        return free > 0 && (ownFree > 0 || free - 1 >= keptForOthers) && (priority || free - 1 >= rule.priorityPlaces());
    }
}
