package org.carecast.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The step-down candidate store: order of start, stale entries, and compaction. */
class StepDownCandidatesTest {

    @Test
    void sortsByStartWithTiesInTheOrderAdded() {
        StepDownCandidates list = new StepDownCandidates((id, serial) -> true);
        double[] starts = {-10, -300, -10, 0.0, -0.0, -45.5, -300};
        for (int id = 0; id < starts.length; id++) {
            list.add(id, id + 1, starts[id]);
        }
        list.sortByStart();
        List<Integer> order = new ArrayList<>();
        for (int i = list.begin(); i < list.end(); i++) {
            order.add(list.id(i));
            assertEquals(list.serial(i), list.id(i) + 1, "serial travels with its entry");
            assertEquals(starts[list.id(i)], list.start(i));
        }
        // -0.0 sorts before 0.0, as Double.compare has it.
        assertEquals(List.of(1, 6, 5, 0, 2, 4, 3), order);
    }

    @Test
    void keepsCurrentPlacementsInOrderThroughStaleEntriesAndCompaction() {
        Map<Integer, Integer> current = new HashMap<>();
        StepDownCandidates list = new StepDownCandidates((id, serial) -> current.getOrDefault(id, -9) == serial);
        SplittableRandom random = new SplittableRandom(3);
        int serial = 0;
        java.util.Set<Integer> droppedByHand = new java.util.HashSet<>();
        for (int step = 0; step < 50_000; step++) {
            int id = random.nextInt(200);
            if (random.nextInt(3) > 0) {
                current.put(id, ++serial);  // a new placement; any older entry of this child is stale
                list.add(id, serial, step);
            } else {
                current.remove(id);         // the child moved out of the type
            }
            if (random.nextInt(50) == 0 && list.begin() < list.end()) {
                droppedByHand.add(list.serial(list.begin()));
                list.drop(list.begin());
            }
        }
        double lastStart = Double.NEGATIVE_INFINITY;
        for (int i = list.begin(); i < list.end(); i++) {
            assertEquals(true, list.start(i) >= lastStart, "entries stay in order of start");
            lastStart = list.start(i);
        }
        // Compaction never loses a current placement: each one not dropped by hand is still there.
        int checked = 0;
        for (var e : current.entrySet()) {
            if (droppedByHand.contains(e.getValue())) {
                continue;
            }
            boolean found = false;
            for (int i = list.begin(); i < list.end() && !found; i++) {
                found = list.id(i) == e.getKey() && list.serial(i) == e.getValue();
            }
            assertEquals(true, found, "placement " + e.getValue() + " of child " + e.getKey());
            checked++;
        }
        assertEquals(true, checked > 100, "enough current placements to mean something: " + checked);
        assertEquals(true, list.end() - list.begin() < 4 * 200 + 16, "stale entries are compacted away");
    }
}
