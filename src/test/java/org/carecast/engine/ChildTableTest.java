package org.carecast.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ChildTable} packs each child's fields into one row (doubles as bits, small integers two
 * to a long, flags, event kind and need level in one int): every field must read back exactly
 * what was written, whatever its neighbours in the same long hold, for every child, across the
 * table's growth and the reuse of ids.
 */
class ChildTableTest {

    /** Every field of one child, as an oracle. */
    private static final class Fields {
        long key;
        double birth;
        double placeStart;
        double exit;
        double breakdown;
        double planned;
        double sixteen;
        double stepDown;
        double lastMove;
        double carePlan;
        int type;
        int need;
        boolean agedOut;
        boolean uasc;
        boolean away;
        int member;
        int serial;
        int exitCensus;
        int eligibleFrom;
        int eligibleUntil;
        int stableFrom;
        int movesFrom;
        int movesUntil;
    }

    private static final int[] EDGE_INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF_0000, -65536};

    private static int anInt(SplittableRandom random) {
        return random.nextInt(3) == 0 ? EDGE_INTS[random.nextInt(EDGE_INTS.length)] : random.nextInt();
    }

    private static double aTime(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Double.POSITIVE_INFINITY;
            case 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> -random.nextDouble(6_000);
            default -> random.nextDouble(4_000);
        };
    }

    /** Writes one field of child {@code id} (chosen at random) in both the table and the oracle. */
    private static void writeOne(ChildTable table, Fields f, int id, SplittableRandom random) {
        switch (random.nextInt(21)) {
            case 0 -> { f.birth = aTime(random); table.setBirth(id, f.birth); }
            case 1 -> { f.placeStart = aTime(random); table.setPlaceStart(id, f.placeStart); }
            case 2 -> { f.exit = aTime(random); table.setExitTime(id, f.exit); }
            case 3 -> { f.breakdown = aTime(random); table.setBreakdownTime(id, f.breakdown); }
            case 4 -> { f.planned = aTime(random); table.setPlannedTime(id, f.planned); }
            case 5 -> { f.sixteen = aTime(random); table.setBirthday16Time(id, f.sixteen); }
            case 6 -> { f.stepDown = aTime(random); table.setStepDownTime(id, f.stepDown); }
            case 7 -> { f.lastMove = aTime(random); table.setLastMove(id, f.lastMove); }
            case 8 -> { f.carePlan = aTime(random); table.setCarePlanTime(id, f.carePlan); }
            case 9 -> { f.type = anInt(random); table.setType(id, f.type); }
            case 10 -> { f.need = random.nextInt(65_536); table.setNeed(id, f.need); }
            case 11 -> { f.agedOut = random.nextBoolean(); table.setAgedOut(id, f.agedOut); }
            case 12 -> { f.uasc = true; table.markUasc(id); }
            case 13 -> { f.away = random.nextBoolean(); table.setAway(id, f.away); }
            case 14 -> { f.member = anInt(random); table.setMember(id, f.member); }
            case 15 -> { f.serial = anInt(random); table.setPlacementSerial(id, f.serial); }
            case 16 -> { f.exitCensus = anInt(random); table.setExitCensus(id, f.exitCensus); }
            case 17 -> { f.eligibleFrom = anInt(random); table.setEligibleFrom(id, f.eligibleFrom); }
            case 18 -> { f.eligibleUntil = anInt(random); table.setEligibleUntil(id, f.eligibleUntil); }
            case 19 -> { f.stableFrom = anInt(random); table.setStableFrom(id, f.stableFrom); }
            default -> {
                f.movesFrom = anInt(random);
                f.movesUntil = anInt(random);
                table.setMovesFrom(id, f.movesFrom);
                table.setMovesUntil(id, f.movesUntil);
            }
        }
    }

    private static void assertRow(ChildTable table, Fields f, int id, int placements, int offers) {
        String at = "child " + id;
        assertEquals(f.key, table.key(id), at);
        assertEquals(f.birth, table.birth(id), 0.0, at);
        assertEquals(f.placeStart, table.placeStart(id), 0.0, at);
        assertEquals(f.exit, table.exitTime(id), 0.0, at);
        assertEquals(f.breakdown, table.breakdownTime(id), 0.0, at);
        assertEquals(f.planned, table.plannedTime(id), 0.0, at);
        assertEquals(f.sixteen, table.birthday16Time(id), 0.0, at);
        assertEquals(f.stepDown, table.stepDownTime(id), 0.0, at);
        assertEquals(f.lastMove, table.lastMove(id), 0.0, at);
        assertEquals(f.carePlan, table.carePlanTime(id), 0.0, at);
        assertEquals(f.type, table.type(id), at);
        assertEquals(f.need, table.need(id), at);
        assertEquals(f.agedOut, table.agedOut(id), at);
        assertEquals(f.uasc, table.uasc(id), at);
        assertEquals(f.away, table.away(id), at);
        assertEquals(f.member, table.member(id), at);
        assertEquals(f.serial, table.placementSerial(id), at);
        assertEquals(f.exitCensus, table.exitCensus(id), at);
        assertEquals(f.eligibleFrom, table.eligibleFrom(id), at);
        assertEquals(f.eligibleUntil, table.eligibleUntil(id), at);
        assertEquals(f.stableFrom, table.stableFrom(id), at);
        assertEquals(f.movesFrom, table.movesFrom(id), at);
        assertEquals(f.movesUntil, table.movesUntil(id), at);
        assertEquals(placements, table.placements(id), at);
        assertEquals(offers, table.countOffer(id), at);  // counts one more offer: the caller's oracle follows
    }

    @Test
    void everyFieldReadsBackWhatWasWrittenWhateverItsNeighboursHold() {
        SplittableRandom random = new SplittableRandom(3);
        ChildTable table = new ChildTable(2);  // grows several times below
        int n = 300;
        Fields[] oracle = new Fields[n];
        int[] placements = new int[n];
        int[] offers = new int[n];
        for (int i = 0; i < n; i++) {
            long key = random.nextLong();
            int id = table.add(key);
            assertEquals(i, id, "ids are handed out in order while none is free");
            Fields f = new Fields();
            f.key = key;
            // What add promises: no placements, offers, flags or membership; no move; no care-plan move;
            // empty census runs.
            f.lastMove = Double.NEGATIVE_INFINITY;
            f.carePlan = Double.POSITIVE_INFINITY;
            f.stableFrom = Integer.MAX_VALUE;
            // Fields add does not set read as the zeroed table's: written now so the oracle knows them.
            f.birth = aTime(random);
            table.setBirth(id, f.birth);
            f.placeStart = 0;
            oracle[i] = f;
        }
        for (int step = 0; step < 40_000; step++) {
            int id = random.nextInt(n);
            Fields f = oracle[id];
            int op = random.nextInt(10);
            if (op == 0) {
                assertEquals(placements[id]++, table.countPlacement(id));
            } else {
                writeOne(table, f, id, random);
            }
            if (step % 97 == 0) {
                for (int c = 0; c < n; c++) {
                    assertRow(table, oracle[c], c, placements[c], offers[c]++);
                }
            }
        }
    }

    @Test
    void theNextEventIsTheEarliestClockFirstInTieOrderAndLeavesTheOtherFieldsAlone() {
        ChildTable table = new ChildTable(4);
        int id = table.add(42);
        table.setNeed(id, 7);
        table.setType(id, -1);
        table.markUasc(id);
        table.setExitTime(id, 100);
        table.setBreakdownTime(id, 100);
        table.setPlannedTime(id, Double.POSITIVE_INFINITY);
        table.setBirthday16Time(id, 50);
        table.setStepDownTime(id, 50);
        table.setCarePlanTime(id, Double.POSITIVE_INFINITY);
        assertEquals(50, table.nextEvent(id), 0.0);
        assertEquals(ChildTable.BIRTHDAY_16, table.nextKind(id), "a tie goes to the kind listed first");
        table.setBirthday16Time(id, Double.POSITIVE_INFINITY);
        table.setStepDownTime(id, Double.POSITIVE_INFINITY);
        assertEquals(100, table.nextEvent(id), 0.0);
        assertEquals(ChildTable.EXIT, table.nextKind(id), "an exit comes before a breakdown at the same time");
        table.setCarePlanTime(id, 3);
        assertEquals(3, table.nextEvent(id), 0.0);
        assertEquals(ChildTable.CARE_PLAN_MOVE, table.nextKind(id));
        assertEquals(7, table.need(id));
        assertEquals(-1, table.type(id));
        assertTrue(table.uasc(id));
        assertFalse(table.agedOut(id));
        assertThrows(IllegalArgumentException.class, () -> table.setNeed(id, 65_536));
    }

    @Test
    void aReusedIdStartsCleanButKeepsNothingOfItsLastChildsFlags() {
        ChildTable table = new ChildTable(4);
        int first = table.add(1);
        table.markUasc(first);
        table.setAway(first, true);
        table.setAgedOut(first, true);
        table.setNeed(first, 3);
        table.setMember(first, 1);
        table.setPlacementSerial(first, 9);
        table.countPlacement(first);
        table.countOffer(first);
        table.setMovesFrom(first, 5);
        table.setMovesUntil(first, 8);
        table.remove(first);
        assertEquals(ChildTable.FREE, table.type(first));
        assertEquals(0, table.placementSerial(first));
        int again = table.add(2);
        assertEquals(first, again, "the freed id is reused");
        assertEquals(2, table.key(again));
        assertFalse(table.uasc(again));
        assertFalse(table.away(again));
        assertFalse(table.agedOut(again));
        assertEquals(0, table.member(again));
        assertEquals(0, table.placements(again));
        assertEquals(0, table.countOffer(again));
        assertEquals(0, table.movesFrom(again));
        assertEquals(0, table.movesUntil(again));
        assertEquals(Integer.MAX_VALUE, table.stableFrom(again));
        assertEquals(Double.NEGATIVE_INFINITY, table.lastMove(again), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, table.carePlanTime(again), 0.0);
    }
}
