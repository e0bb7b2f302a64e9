package org.carecast.engine;

/**
 * Counter-based random numbers keyed by what they are for, so that a draw depends only on
 * (seed, replication, stream kind, child, draw number) and never on how many draws came
 * before it elsewhere. This is what makes comparisons fair (common random numbers): opening a
 * new home changes where a child is placed, but not when the next child arrives nor when this
 * child would have gone home. It also makes results independent of the thread count.
 *
 * <p>The generator is SplitMix64's output function applied to {@code key + counter * gamma}:
 * a bijective 64-bit mix of a Weyl sequence, as in {@link java.util.SplittableRandom}, with
 * the key itself a mix of the identifiers. Each draw costs a few multiplications.
 */
public final class RandomStreams {

    /** Odd constant from SplitMix64: the Weyl-sequence increment. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    /** Separates stream kinds within one child's key. */
    private static final long KIND_STRIDE = 0xD1B54A32D192ED03L;

    /** Stream kinds; each is an independent sequence per child (or per replication for arrivals). */
    public static final int ARRIVAL = 1;
    public static final int ENTRY = 2;
    public static final int EXIT = 3;
    public static final int BREAKDOWN = 4;
    public static final int ESCALATION = 5;
    public static final int STEP_DOWN = 6;
    public static final int AGEING = 7;
    public static final int PLANNED_END = 8;
    public static final int INITIAL = 9;
    public static final int EXTRA_ARRIVAL = 10;
    public static final int CARER_GAIN = 11;
    public static final int CARER_LOSS = 12;
    public static final int CARE_PLAN = 13;
    public static final int FRAILTY = 14;
    public static final int OUT_OF_BOROUGH = 15;
    public static final int UASC_ARRIVAL = 16;
    /** Per replication pair: the draws of uncertain assumptions (ranges, entry, exit and breakdown rates). */
    public static final int ASSUMPTION = 17;
    /** Per child and placement: where a breakdown sends it, where the scenario gives shares. */
    public static final int BREAKDOWN_DESTINATION = 18;

    private RandomStreams() {
    }

    /** SplitMix64's finaliser (variant 13 of Stafford's mixers): a bijection with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Key of one replication of one seed. */
    public static long replicationKey(long seed, int replication) {
        return mix(mix(seed) + (replication + 1L) * GAMMA);
    }

    /**
     * Key of the assumption draws of a replication: the same for replications 2k and 2k + 1.
     * The two runs of a pair share every drawn assumption and differ only by chance, so the
     * spread of a figure splits into the part from the assumptions and the part from chance
     * (half the mean squared difference within pairs estimates the chance part).
     */
    public static long assumptionKey(long seed, int replication) {
        return mix(mix(seed ^ 0x5851F42D4C957F2DL) + ((replication >>> 1) + 1L) * GAMMA);
    }

    /**
     * Key of one named assumption within a replication's assumption draws: a 64-bit FNV-1a
     * hash of its canonical path, mixed, so the draw depends on the name and not on the order
     * assumptions are written or how many there are.
     */
    public static long pathKey(long assumptionKey, String path) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < path.length(); i++) {
            h = (h ^ path.charAt(i)) * 0x100000001B3L;
        }
        return mix(assumptionKey ^ mix(h));
    }

    /** Key of one entity (a child's arrival number) within a replication. */
    public static long entityKey(long replicationKey, long entity) {
        return mix(replicationKey ^ mix(entity * GAMMA + 0x632BE59BD9B4E019L));
    }

    /** The 64 random bits of draw {@code counter} of {@code kind}, which every draw is made from. */
    public static long bits(long entityKey, int kind, long counter) {
        return mix(entityKey + kind * KIND_STRIDE + (counter + 1) * GAMMA);
    }

    /** A uniform double in the open interval (0, 1) for draw {@code counter} of {@code kind}. */
    public static double uniform(long entityKey, int kind, long counter) {
        return ((bits(entityKey, kind, counter) >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** A standard exponential (mean 1) by inversion of a keyed uniform. */
    public static double exponential(long entityKey, int kind, long counter) {
        return -Math.log(uniform(entityKey, kind, counter));
    }
}
