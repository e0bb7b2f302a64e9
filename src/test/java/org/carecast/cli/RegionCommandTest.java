package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code carecast region}: councils sharing places, run together. The engine's pooling is
 * checked against Erlang's loss formula in SharedPlacesTest; here, what the command writes.
 */
class RegionCommandTest {

    private static final String[] QUICK = {"--replications", "40", "--quiet", "--no-charts", "--no-html", "--no-xlsx"};

    private static String[] args(String... first) {
        String[] all = new String[first.length + QUICK.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(QUICK, 0, all, first.length, QUICK.length);
        return all;
    }

    /** region.csv's means by "metric|group|period". */
    private static Map<String, Double> means(Path csv) throws Exception {
        Map<String, Double> out = new HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            out.put(f[0] + "|" + f[1] + "|" + f[3], Double.parseDouble(f[4]));
        }
        return out;
    }

    @Test
    void writesEachCouncilsFolderAndTheRegionsFiguresSummedPerReplication(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome o = carecast("region", "scenarios/region/pair.yaml", "--out", tmp.resolve("r").toString(),
                "--replications", "40", "--quiet", "--no-charts", "--no-xlsx");
        assertEquals(0, o.status(), o.err());
        String page = Files.readString(tmp.resolve("r/report.html"));
        assertTrue(page.contains("href=\"oldham/report.html\"") && page.contains("Children in care at the year"), "the region's page");
        assertFalse(page.contains("What the plan saves"), "no savings without a base");
        assertTrue(Files.isRegularFile(tmp.resolve("r/oldham/report.html")));
        for (String council : List.of("oldham", "neighbour")) {
            assertTrue(Files.isRegularFile(tmp.resolve("r").resolve(council).resolve("yearly.csv")), council);
            assertTrue(Files.readString(tmp.resolve("r").resolve(council).resolve("run.txt")).contains("carecast region"));
        }
        Map<String, Double> mean = means(tmp.resolve("r/region.csv"));
        int checked = 0;
        for (String key : mean.keySet()) {
            if (key.contains("|region|")) {
                // The mean of a sum is the sum of the means: exactly, replication by replication.
                double parts = mean.get(key.replace("|region|", "|oldham|")) + mean.get(key.replace("|region|", "|neighbour|"));
                assertEquals(parts, mean.get(key), 0.011 + 1e-9 * Math.abs(parts), key);
                checked++;
            }
        }
        assertTrue(checked >= 5 * 5, "region figures checked: " + checked);
        assertTrue(mean.containsKey("shared_places_children|region|2027/28"));
        assertTrue(mean.get("shared_places_children|region|2027/28") <= 6 + 1e-9, "no more children than the 6 pooled places");
    }

    @Test
    void theRegionHasChartsAndAWorkbookWithEveryFigure(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome o = carecast("region", "scenarios/region/pair.yaml", "--against",
                "scenarios/region/pair-unshared.yaml", "--out", tmp.resolve("r").toString(), "--replications", "20", "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("workbook.xlsx, charts/"), o.out());
        for (String chart : List.of("net-cost-by-council", "shared-places-by-council", "savings-by-council")) {
            assertTrue(Files.size(tmp.resolve("r/charts/" + chart + ".png")) > 10_000, chart);
            assertTrue(Files.readString(tmp.resolve("r/charts/" + chart + ".svg")).contains("<svg"), chart);
        }
        String page = Files.readString(tmp.resolve("r/report.html"));
        assertTrue(page.contains("<figure><svg") && page.contains("Saving against the base per financial year"), "charts on the page");
        List<String> csv = Files.readAllLines(tmp.resolve("r/region.csv"));
        // The savings come first, in words, each the median region.csv gives (column 7).
        assertTrue(page.indexOf("What the plan saves against the base") < page.indexOf("<figure>"), "savings before the charts");
        String text = page.replaceAll("<[^>]+>", "");
        for (String who : List.of("region", "oldham", "neighbour")) {
            double median = csv.stream().map(l -> l.split(",")).filter(c -> c[0].equals("net_cost_saving") && c[1].equals(who)
                    && c[3].equals("2026/27")).mapToDouble(c -> Double.parseDouble(c[7])).findFirst().orElseThrow() / 1e6;
            String words = String.format(java.util.Locale.ROOT, median >= 0 ? "£%.2fm in 2026/27" : "£%.2fm more in 2026/27",
                    Math.abs(median));
            String line = text.lines().filter(l -> l.startsWith(who.equals("region") ? "The region " : who + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(who + " has no line: " + text));
            assertTrue(line.contains(words) && line.contains(median >= 0 ? "saves" : "pays"), who + ": " + words + " in " + line);
        }
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                tmp.resolve("r/workbook.xlsx").toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertEquals(csv.size(), rows.size(), "a row for every figure of region.csv, and the header");
            // Row by row the same figures: the median of each, to the penny or a hundredth of a child.
            for (int i = 1; i < csv.size(); i++) {
                String[] c = csv.get(i).split(",");
                assertEquals(c[3], rows.get(i).getCellText(3), "year, row " + i);
                assertEquals(Double.parseDouble(c[7]), rows.get(i).getCellAsNumber(7).orElseThrow().doubleValue(), 0.01, "median, row " + i);
            }
            assertTrue(wb.getSheets().anyMatch(s -> s.getName().equals("Notes")));
        }
    }

    @Test
    void validateChecksARegionAsTheRegionCommandReadsIt() {
        CommandLineTest.Outcome o = carecast("validate", "scenarios/region/pair-reserved.yaml");
        assertEquals(0, o.status(), o.err());
        String said = o.out().replaceAll("\\s+", " ");
        assertTrue(said.contains("a valid region") && said.contains("Council neighbour: ")
                && said.contains("oldham: 0 places at the start, 3 by the end")
                && said.contains("each council keeping 1 of its own free places"), o.out());
    }

    @Test
    void aPoolsQueueIsTheCouncilsOrTheRegionsAndNothingElse(@TempDir Path tmp) throws Exception {
        Path dir = copyOfTheCouncils(tmp);
        String region = "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\n"
                + "sharedPlaces:\n  - {type: regional_home, queue: ";
        Files.writeString(dir.resolve("region.yaml"), region + "region}\n");
        CommandLineTest.Outcome o = carecast("validate", dir.resolve("region.yaml").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().replaceAll("\\s+", " ").contains("freed places offered to the region's waiting children as one queue"),
                o.out());
        Files.writeString(dir.resolve("region.yaml"), region + "region, fixedCosts: by_use}\n");
        CommandLineTest.Outcome byUse = carecast("validate", dir.resolve("region.yaml").toString());
        assertEquals(0, byUse.status(), byUse.err());
        assertTrue(byUse.out().replaceAll("\\s+", " ").contains("as one queue, running costs shared by use."), byUse.out());
        Files.writeString(dir.resolve("region.yaml"), region + "region, fixedCosts: used}\n");
        CommandLineTest.Outcome badCosts = carecast("validate", dir.resolve("region.yaml").toString());
        assertEquals(2, badCosts.status());
        assertTrue(badCosts.err().contains("field 'sharedPlaces[0].fixedCosts'") && badCosts.err().contains("by_use"), badCosts.err());
        Files.writeString(dir.resolve("region.yaml"), region + "regoin}\n");
        CommandLineTest.Outcome bad = carecast("validate", dir.resolve("region.yaml").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("region.yaml:6:34: field 'sharedPlaces[0].queue'") && bad.err().contains("did you mean 'region'"), bad.err());
    }

    @Test
    void validateSaysTheNeedLevelsAPoolKeepsItsLastPlacesFor(@TempDir Path tmp) throws Exception {
        Path dir = copyOfTheCouncils(tmp);
        Files.writeString(dir.resolve("region.yaml"), "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n"
                + "  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n"
                + "  - {type: regional_home, priorityPlaces: 2, priorityNeeds: [complex, secure]}\n");
        CommandLineTest.Outcome o = carecast("validate", dir.resolve("region.yaml").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().replaceAll("\\s+", " ").contains("first come first served, the pool's last 2 free places kept for"
                + " children of need complex or secure, freed places offered to the council's own waiting children first."), o.out());
    }

    @Test
    void theFirstCouncilIsItsOwnRunWhenNothingIsSharedAndThreadsChangeNothing(@TempDir Path tmp) throws Exception {
        assertEquals(0, carecast(args("region", "scenarios/region/pair-unshared.yaml", "--out", tmp.resolve("u").toString())).status());
        assertEquals(0, carecast(args("run", "scenarios/region/oldham.yaml", "--out", tmp.resolve("solo").toString())).status());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("solo/yearly.csv")), Files.readAllBytes(tmp.resolve("u/oldham/yearly.csv")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("solo/monthly.csv")), Files.readAllBytes(tmp.resolve("u/oldham/monthly.csv")));
        String[] one = args("region", "scenarios/region/pair.yaml", "--threads", "1", "--out", tmp.resolve("t1").toString());
        String[] two = args("region", "scenarios/region/pair.yaml", "--threads", "2", "--out", tmp.resolve("t2").toString());
        assertEquals(0, carecast(one).status());
        assertEquals(0, carecast(two).status());
        for (String file : List.of("region.csv", "oldham/yearly.csv", "neighbour/monthly.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("t1").resolve(file)), Files.readAllBytes(tmp.resolve("t2").resolve(file)), file);
        }
    }

    @Test
    void againstABaseEachCouncilsSavingIsPairedAndAddsUpToTheRegions(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome o = carecast(args("region", "scenarios/region/pair.yaml", "--against",
                "scenarios/region/pair-unshared.yaml", "--out", tmp.resolve("c").toString()));
        assertEquals(0, o.status(), o.err());
        Map<String, Double> mean = means(tmp.resolve("c/region.csv"));
        // Pooling lets Oldham's children use the neighbour's places before its own open: Oldham saves.
        assertTrue(mean.get("net_cost_saving|oldham|2025/26") > 0, mean.toString());
        for (String year : List.of("2025/26", "2026/27", "2029/30")) {
            assertEquals(mean.get("net_cost_saving|oldham|" + year) + mean.get("net_cost_saving|neighbour|" + year),
                    mean.get("net_cost_saving|region|" + year), 0.011, year);
        }
        // Against itself every saving is exactly nothing: the same children in both (common random numbers).
        assertEquals(0, carecast(args("region", "scenarios/region/pair.yaml", "--against", "scenarios/region/pair.yaml",
                "--out", tmp.resolve("self").toString())).status());
        for (Map.Entry<String, Double> e : means(tmp.resolve("self/region.csv")).entrySet()) {
            if (e.getKey().startsWith("net_cost_saving") || e.getKey().startsWith("spill_over_avoided")) {
                assertEquals(0.0, e.getValue(), 0.0, e.getKey());
            }
        }
    }

    @Test
    void aScenarioGivenForARegionOrTheOtherWayRoundIsNamedAsSuch(@TempDir Path tmp) {
        CommandLineTest.Outcome scenario = carecast(args("region", "scenarios/hayle-road-home.yaml", "--out", tmp.resolve("a").toString()));
        assertEquals(2, scenario.status());
        assertTrue(scenario.err().contains("this is a scenario, not a region: run it with 'carecast run'"), scenario.err());
        CommandLineTest.Outcome region = carecast(args("run", "scenarios/region/pair.yaml", "--out", tmp.resolve("b").toString()));
        assertEquals(2, region.status());
        assertTrue(region.err().contains("this is a region, not a scenario: run it with 'carecast region'"), region.err());
    }

    @Test
    void aBadRegionIsRefusedWithTheLineToFix(@TempDir Path tmp) throws Exception {
        Path dir = copyOfTheCouncils(tmp);
        Files.writeString(dir.resolve("short.yaml"), "extends: oldham.yaml\nhorizon: 24\n");
        Map<String, String> cases = Map.of(
                "name: x\ncouncils:\n  - {id: oldham, scenario: oldham.yaml}\n", "region.yaml:3:3: field 'councils': expected at least two councils",
                "name: x\ncouncils:\n  - {id: oldham, scenario: oldham.yaml}\n  - {id: oldham, scenario: neighbour.yaml}\n", "duplicate council 'oldham'",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: short.yaml}\n", "every council must run over the same months",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n  - type: regional_hom\n",
                "region.yaml:6:11: field 'sharedPlaces[0].type': council 'a' (oldham.yaml) has no placement type 'regional_hom'",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n  - type: ifa\n",
                "'ifa' has unlimited places",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlace: []\n",
                "sharedPlace",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n"
                        + "  - {type: regional_home, reservedPlaces: -1}\n",
                "region.yaml:6:43: field 'sharedPlaces[0].reservedPlaces': expected a whole number of places each council keeps",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n"
                        + "  - {type: regional_home, priorityPlaces: 1, priorityNeeds: [complex, urgent]}\n",
                "region.yaml:6:71: field 'sharedPlaces[0].priorityNeeds[1]': council 'a' (oldham.yaml) has no need level 'urgent'",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n"
                        + "  - {type: regional_home, priorityPlaces: 2}\n",
                "region.yaml:6:43: field 'sharedPlaces[0].priorityPlaces': priorityPlaces keeps places for children of the need levels",
                "name: x\ncouncils:\n  - {id: a, scenario: oldham.yaml}\n  - {id: b, scenario: neighbour.yaml}\nsharedPlaces:\n"
                        + "  - {type: regional_home, priorityNeeds: [complex]}\n",
                "priorityNeeds has no effect without priorityPlaces");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(dir.resolve("region.yaml"), c.getKey());
            CommandLineTest.Outcome o = carecast(args("region", dir.resolve("region.yaml").toString(), "--out", tmp.resolve("o").toString()));
            assertEquals(2, o.status(), c.getKey() + "\n" + o.err());
            assertTrue(o.err().contains(c.getValue()), "expected '" + c.getValue() + "' in: " + o.err());
            assertTrue(!o.err().contains("Exception"), o.err());
        }
        assertTrue(!Files.exists(tmp.resolve("o")), "nothing written");
    }

    /** A folder holding the example region's two council scenarios, their baseline named by its absolute path. */
    private static Path copyOfTheCouncils(Path tmp) throws java.io.IOException {
        Path dir = Files.createDirectories(tmp.resolve("region"));
        for (String f : List.of("oldham.yaml", "neighbour.yaml")) {
            Files.writeString(dir.resolve(f), Files.readString(Path.of("scenarios/region", f)).replace("../oldham-baseline.yaml",
                    Path.of("scenarios/oldham-baseline.yaml").toAbsolutePath().toString()));
        }
        return dir;
    }
}
