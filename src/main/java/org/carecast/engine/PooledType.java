package org.carecast.engine;

/**
 * A placement type whose places the councils of a region pool, and the rule that allocates them.
 * A child of any council takes a free pooled place, first come first served, except that each
 * council keeps up to {@code reserved} of its own free places for its own children: another
 * council's child, once its own council's places are all taken, may take a place only if every
 * other council still has, after it, {@code reserved} of its own places free (or all it has free,
 * if fewer). {@code reserved} 0 is plain first come first served; {@code reserved} at least any
 * council's places means no council ever uses another's, as if nothing were shared.
 *
 * @param typeInCouncil the type's index in each council's model, in the region's council order
 * @param reserved      places each council keeps for its own children, a whole number from 0
 */
public record PooledType(int[] typeInCouncil, int reserved) {

    public PooledType {
        if (reserved < 0) {
            throw new IllegalArgumentException("reserved places must be 0 or more: " + reserved);
        }
    }

    /** First come first served: nothing reserved. */
    public static PooledType firstComeFirstServed(int... typeInCouncil) {
        return new PooledType(typeInCouncil, 0);
    }
}
