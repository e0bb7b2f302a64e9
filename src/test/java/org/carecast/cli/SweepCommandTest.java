package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code carecast sweep}: variants run paired with the scenario as written, in one JVM and in
 * batches; an unchanged variant differs by exactly nothing; a price variant differs by the
 * price's share of the spend it prices, computed from a plain run of the same replications; the
 * table is the same on any thread count; a bad value is an error at its row.
 */
class SweepCommandTest {

    private static final String SMALL = "src/test/resources/scenarios/small.yaml";

    @Test
    void variantsArePairedWithTheScenarioAsWritten(@TempDir Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("variant,placementTypes[market].weeklyCost\nunchanged,\ndearer,6000\n");
        for (int i = 0; i < SweepCommand.BATCH + 2; i++) {
            // More variants than a batch holds: the later batches pair with the same base.
            csv.append("filler ").append(i).append(',').append(5000 + i).append('\n');
        }
        Path variants = Files.writeString(tmp.resolve("variants.csv"), csv);
        CommandLineTest.Outcome o = carecast("sweep", SMALL, "--variants", variants.toString(), "--replications", "24",
                "--output", "net_cost:total", "--output", "spend:2025/26", "--out", tmp.resolve("sweep").toString(), "--threads", "1");
        assertEquals(0, o.status(), o.err());
        List<String> rows = Files.readAllLines(tmp.resolve("sweep/sweep.csv"));
        String unchanged = row(rows, "unchanged,,net_cost:total");
        assertEquals("0.00", unchanged.split(",")[7], unchanged);
        assertEquals(row(rows, "as written,,net_cost:total").split(",")[3], unchanged.split(",")[3], "the same mean");

        // The market's spend, from a plain run of the same seed and replications: 6000 is 20% dearer than 5000.
        assertEquals(0, carecast("run", SMALL, "--replications", "24", "--out", tmp.resolve("run").toString(), "--quiet",
                "--no-charts", "--no-html", "--no-xlsx").status());
        double market = 0;
        for (String line : Files.readAllLines(tmp.resolve("run/yearly.csv"))) {
            if (line.startsWith("spend,market,pounds,")) {
                market += Double.parseDouble(line.split(",")[4]);
            }
        }
        String dearer = row(rows, "dearer,6000,net_cost:total");
        assertEquals(0.2 * market, Double.parseDouble(dearer.split(",")[7]), 0.01 * market, dearer);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("filler 17,5017,")), "every batch written");

        CommandLineTest.Outcome again = carecast("sweep", SMALL, "--variants", variants.toString(), "--replications", "24",
                "--output", "net_cost:total", "--output", "spend:2025/26", "--out", tmp.resolve("again").toString(), "--threads", "3",
                "--quiet");
        assertEquals(0, again.status(), again.err());
        assertEquals(Files.readString(tmp.resolve("sweep/sweep.csv")), Files.readString(tmp.resolve("again/sweep.csv")));
    }

    @Test
    void aBadVariantIsAnErrorAtItsRow(@TempDir Path tmp) throws Exception {
        Path variants = Files.writeString(tmp.resolve("v.csv"), "variant,entries.annualTrend\nok,0.01\nbad,lots\n");
        BadInputTest.refused(List.of("v.csv:3:", "variant 'bad'", "entries.annualTrend"), "sweep", SMALL, "--variants",
                variants.toString(), "--out", tmp.resolve("o").toString());
        Path header = Files.writeString(tmp.resolve("h.csv"), "name,entries.annualTrend\nok,0.01\n");
        BadInputTest.refused(List.of("h.csv:1:1", "expected 'variant'"), "sweep", SMALL, "--variants", header.toString(),
                "--out", tmp.resolve("o").toString());
    }

    /**
     * {@code --vary} lists values instead of a file: every combination, the first path's values
     * varying slowest, each variant named by its values; the sweep is the one the CSV it keeps
     * gives to {@code --variants}, byte for byte.
     */
    @Test
    void valuesListedOnTheCommandLineMakeEveryCombination(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome o = carecast("sweep", SMALL, "--vary", "entries.annualTrend=-0.02,0,0.02",
                "--vary", "placementTypes[market].weeklyCost=5000,6000", "--replications", "12", "--output", "net_cost:total",
                "--out", tmp.resolve("grid").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().replaceAll("\\s+", " ").contains("The variants set entries.annualTrend, placementTypes[market].weeklyCost."),
                o.out());
        assertEquals(List.of("variant,entries.annualTrend,placementTypes[market].weeklyCost", "-0.02 / 5000,-0.02,5000",
                "-0.02 / 6000,-0.02,6000", "0 / 5000,0,5000", "0 / 6000,0,6000", "0.02 / 5000,0.02,5000", "0.02 / 6000,0.02,6000"),
                Files.readAllLines(tmp.resolve("grid/variants.csv")));
        List<String> rows = Files.readAllLines(tmp.resolve("grid/sweep.csv"));
        assertEquals(1 + 1 + 6, rows.size(), rows.toString());
        // The same variants from the file the sweep kept: the same table.
        Path file = Files.copy(tmp.resolve("grid/variants.csv"), tmp.resolve("kept.csv"));
        assertEquals(0, carecast("sweep", SMALL, "--variants", file.toString(), "--replications", "12", "--output",
                "net_cost:total", "--out", tmp.resolve("again").toString(), "--quiet").status());
        assertEquals(Files.readString(tmp.resolve("grid/sweep.csv")), Files.readString(tmp.resolve("again/sweep.csv")));
        assertTrue(Files.readString(tmp.resolve("grid/run.txt")).contains("--variants="), "re-run with the kept file");
    }

    @Test
    void valuesAreSplitAtTheirOwnCommasOnly() {
        assertEquals(List.of("-0.03", "0", "0.03"), SweepCommand.splitValues("-0.03, 0 ,0.03"));
        assertEquals(List.of("[council, market]", "[market]"), SweepCommand.splitValues("[council, market],[market]"));
        assertEquals(List.of("{central: 1, low: 0.5, high: 2}", "3"), SweepCommand.splitValues("{central: 1, low: 0.5, high: 2},3"));
        assertEquals(List.of("'a, b'", "c"), SweepCommand.splitValues("'a, b',c"));
    }

    @Test
    void badVaryingIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("o").toString();
        BadInputTest.refused(List.of("--variants FILE, or --vary"), "sweep", SMALL, "--out", out);
        Path variants = Files.writeString(tmp.resolve("v.csv"), "variant,entries.annualTrend\nok,0.01\n");
        BadInputTest.refused(List.of("not both"), "sweep", SMALL, "--variants", variants.toString(), "--vary",
                "entries.annualTrend=0", "--out", out);
        BadInputTest.refused(List.of("a value between every two commas"), "sweep", SMALL, "--vary", "entries.annualTrend=0,,1",
                "--out", out);
        BadInputTest.refused(List.of("PATH=V1,V2"), "sweep", SMALL, "--vary", "entries.annualTrend", "--out", out);
        BadInputTest.refused(List.of("given twice", "entries.annualTrend=0,1,2"), "sweep", SMALL, "--vary",
                "entries.annualTrend=0,1", "--vary", "entries.annualTrend=2", "--out", out);
        String many = String.join(",", java.util.Collections.nCopies(101, "0.01"));
        BadInputTest.refused(List.of("more than " + SweepCommand.MAX_GRID), "sweep", SMALL, "--vary", "entries.annualTrend=" + many,
                "--vary", "placementTypes[market].weeklyCost=" + many, "--out", out);
        BadInputTest.refused(List.of("--vary", "variant 'lots'", "entries.annualTrend"), "sweep", SMALL, "--vary",
                "entries.annualTrend=0.01,lots", "--out", out);
        assertTrue(!Files.exists(tmp.resolve("o")), "nothing written");
    }

    private static String row(List<String> rows, String prefix) {
        return rows.stream().filter(r -> r.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + rows));
    }
}
