package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The engine picks its event list by the model's size (a heap for a handful of children, the
 * calendar for more); the choice must change nothing but speed: a small model run on the
 * calendar and a large one on the heap give, replication by replication, what the chosen list gives.
 */
class QueueChoiceTest {

    @Test
    void theEventListChosenForAModelChangesNoResult() {
        Model small = Scenarios.compile(Scenarios.queue("4", 4 / 365.0, 365, 60));
        Model large = Scenarios.baseline();
        assertInstanceOf(QuaternaryEventHeap.class, Replication.queueFor(small), "a handful of children: the heap");
        assertInstanceOf(CalendarEventQueue.class, Replication.queueFor(large), "hundreds: the calendar");
        same(small, new Replication(small), new Replication(small, new CalendarEventQueue(1024)));
        same(large, new Replication(large), new Replication(large, new QuaternaryEventHeap(64)));
    }

    private static void same(Model model, Replication chosen, Replication other) {
        for (int r = 0; r < 6; r++) {
            ReplicationResult a = chosen.run(31, r);
            String expected = Arrays.toString(a.census) + Arrays.toString(a.spend) + Arrays.toString(a.spillOver) + a.events;
            ReplicationResult b = other.run(31, r);
            String actual = Arrays.toString(b.census) + Arrays.toString(b.spend) + Arrays.toString(b.spillOver) + b.events;
            assertEquals(expected, actual, model.name() + ", replication " + r);
        }
    }
}
