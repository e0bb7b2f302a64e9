package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the commands print fits a terminal of 80 columns: tables shorten their labels or split
 * their columns, notes wrap. Only a line naming a file the user chose may be longer.
 */
class ConsoleWidthTest {

    @Test
    void everyCommandPrintsWithin80Columns(@TempDir Path tmp) {
        String baseline = "scenarios/oldham-baseline.yaml";
        List<List<String>> commands = List.of(
                List.of("run", baseline, "--replications", "20", "--no-charts", "--no-html", "--no-xlsx", "--out", tmp.resolve("r").toString()),
                List.of("compare", baseline, "scenarios/third-home.yaml", "scenarios/mockingbird-hubs.yaml", "--replications", "20",
                        "--no-charts", "--no-html", "--no-xlsx", "--out", tmp.resolve("c").toString()),
                List.of("sensitivity", baseline, "--replications", "10", "--no-charts", "--no-html", "--no-xlsx",
                        "--out", tmp.resolve("s").toString()),
                List.of("validate", "scenarios/mockingbird-hubs.yaml"),
                List.of("validate", "scenarios/region/pair-reserved.yaml"),
                List.of("region", "scenarios/region/pair-reserved.yaml", "--against", "scenarios/region/pair-unshared.yaml",
                        "--replications", "10", "--no-charts", "--no-html", "--no-xlsx", "--out", tmp.resolve("g").toString()),
                List.of("run", "scenarios/england-scale.yaml", "--replications", "1", "--no-charts", "--no-html", "--no-xlsx",
                        "--set", "horizon=120", "--set", "entries.monthlyRate=50", "--out", tmp.resolve("e").toString()));
        for (List<String> command : commands) {
            CommandLineTest.Outcome o = carecast(command.toArray(String[]::new));
            assertEquals(0, o.status(), o.err());
            for (String line : o.out().split("\\R")) {
                if (!line.startsWith("Wrote ")) {
                    assertTrue(line.length() <= 80, command.get(0) + ": " + line.length() + " columns: " + line);
                }
            }
        }
    }
}
