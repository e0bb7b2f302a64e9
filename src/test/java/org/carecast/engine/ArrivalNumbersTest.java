package org.carecast.engine;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every stream of arrivals (initial children, entries, extra entries, asylum seekers, carer
 * turnover) numbers its entities from a base of its own, at least 2^40 apart, so no two children
 * ever share a random key: a shared key would give two children the same draws.
 */
class ArrivalNumbersTest {

    @Test
    void theArrivalRangesOfEveryStreamAreDisjoint() throws Exception {
        List<Long> bases = new ArrayList<>(List.of(0L)); // the initial cohort numbers its children from 0
        // Every class that numbers entities in a replication's key space: children and carer turnover.
        for (Class<?> owner : List.of(Replication.class, EntryClocks.class, TurnoverClocks.class)) {
            for (Field f : owner.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == long.class && f.getName().startsWith("FIRST_")) {
                    f.setAccessible(true);
                    bases.add(f.getLong(null));
                }
            }
        }
        assertTrue(bases.size() >= 5, "bases found: " + bases);
        bases.sort(null);
        for (int i = 1; i < bases.size(); i++) {
            assertTrue(bases.get(i) - bases.get(i - 1) >= 1L << 40, "two streams share arrival numbers: " + bases);
        }
    }
}
