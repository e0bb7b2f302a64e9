package org.carecast.engine;

import org.carecast.model.ExitReason;
import org.carecast.model.Model;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Random draws are keyed by child and purpose, so more council places change where children
 * are placed but not who arrives when, nor when each child leaves care: entries and exits
 * (by month and reason) are identical in every replication, while spend differs.
 */
class CommonRandomNumbersTest {

    @Test
    void capacityChangesPlacementsButNotArrivalsOrDepartures() throws Exception {
        String yaml = Files.readString(Scenarios.BASELINE);
        String more = yaml.replace("capacity: 200 ", "capacity: 260 ");
        assertNotEquals(yaml, more);
        Model base = Scenarios.baseline();
        Model bigger = ModelCompiler.compile(ScenarioReader.parse(Path.of("bigger.yaml"), more));
        Replication a = new Replication(base);
        Replication b = new Replication(bigger);
        int reasons = ExitReason.values().length;
        for (int r = 0; r < 10; r++) {
            ReplicationResult x = a.run(8, r);
            int[] entries = x.entries.clone();
            int[] exits = x.exits.clone();
            double[] spend = x.spend.clone();
            ReplicationResult y = b.run(8, r);
            assertArrayEquals(entries, y.entries, "entries in replication " + r);
            assertArrayEquals(exits, y.exits, "exits by reason in replication " + r + " (" + reasons + " reasons)");
            assertNotEquals(spend[12 * base.types()], y.spend[12 * base.types()], "council foster spend should change");
        }
    }
}
