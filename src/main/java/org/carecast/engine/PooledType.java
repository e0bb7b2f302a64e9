package org.carecast.engine;

import java.util.List;

/**
 * A placement type whose places the councils of a region pool, and the rule that allocates them.
 * A child of any council takes a free pooled place, first come first served, under two optional
 * limits that can be combined:
 * <ul>
 *   <li>each council keeps up to {@code reserved} of its own free places for its own children:
 *       another council's child, once its own council's places are all taken, may take a place
 *       only if every other council still has, after it, {@code reserved} of its own places free
 *       (or all it has free, if fewer). 0 is plain first come first served; at least any
 *       council's places means no council ever uses another's, as if nothing were shared;</li>
 *   <li>the last {@code priorityPlaces} free places of the pool, all councils' together, go only
 *       to children of the need levels in {@code priorityNeeds} (priority by need: a regional
 *       home keeping its last places for the children the region finds hardest to place). 0 is
 *       no priority.</li>
 * </ul>
 *
 * @param typeInCouncil  the type's index in each council's model, in the region's council order
 * @param reserved       places each council keeps for its own children, a whole number from 0
 * @param priorityPlaces free places kept for children of the priority need levels, a whole number from 0
 * @param priorityNeeds  the priority need levels' ids (for descriptions), empty when none
 * @param priority       {@code priority[k][n]}: whether council k's need level n (its index in
 *                       that council's model) has priority; null when {@code priorityPlaces} is 0
 * @param oneQueue       how a freed place is offered to children waiting for one (step-down
 *                       candidates): false, to its own council's first, then the other councils'
 *                       in their order; true, to every council's as one queue, the longest placed
 *                       first
 * @param fixedCostsByUse who pays the places' running costs (the type's fixed cost, pounds a day):
 *                       false, each council for the places it commissioned; true, all councils'
 *                       together shared each month in proportion to the child-days each
 *                       council's children spent in the pool (a recharge by use; as commissioned
 *                       in a month nobody used them). Only the payer changes, never who is placed
 */
public record PooledType(int[] typeInCouncil, int reserved, int priorityPlaces, List<String> priorityNeeds,
                         boolean[][] priority, boolean oneQueue, boolean fixedCostsByUse) {

    public PooledType {
        if (reserved < 0) {
            throw new IllegalArgumentException("reserved places must be 0 or more: " + reserved);
        }
        if (priorityPlaces < 0) {
            throw new IllegalArgumentException("priority places must be 0 or more: " + priorityPlaces);
        }
        if (priorityPlaces > 0 && (priority == null || priority.length != typeInCouncil.length)) {
            throw new IllegalArgumentException("priority places need each council's priority need levels");
        }
        priorityNeeds = List.copyOf(priorityNeeds);
    }

    /** Places each council keeps for its own children, no priority by need; a freed place goes to its council's children first. */
    public PooledType(int[] typeInCouncil, int reserved) {
        this(typeInCouncil, reserved, 0, List.of(), null, false, false);
    }

    /** First come first served: nothing reserved. */
    public static PooledType firstComeFirstServed(int... typeInCouncil) {
        return new PooledType(typeInCouncil, 0);
    }

    /** The rule in a few words, for a page or a console ("first come first served", ...). */
    public String rule() {
        String rule = reserved == 0 ? "first come first served"
                : "each council keeping " + reserved + " of its own free places for its own children";
        if (priorityPlaces > 0) {
            rule += ", the pool's last " + (priorityPlaces == 1 ? "free place" : priorityPlaces + " free places")
                    + " kept for children of need " + String.join(" or ", priorityNeeds);
        }
        return rule + (oneQueue ? ", freed places offered to the region's waiting children as one queue"
                : ", freed places offered to the council's own waiting children first")
                + (fixedCostsByUse ? ", running costs shared by use" : "");
    }

    /** Whether council {@code council}'s need level {@code need} may take one of the last {@link #priorityPlaces}. */
    boolean hasPriority(int council, int need) {
        return priorityPlaces == 0 || priority[council][need];
    }
}
