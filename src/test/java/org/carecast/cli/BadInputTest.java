package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and tired-user input, class by class: every one is exit 2 with one located line
 * ("error: FILE:LINE:COL: ..." where there is a place to point at), nothing written and nothing
 * of the user's touched; inputs saved by Excel are read like any other.
 */
class BadInputTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml");
    static final Path SAMPLE = Path.of("src/test/resources/ssda903-sample");

    /** Runs the command, expects exit 2 and one "error: " line containing every fragment. */
    static void refused(List<String> fragments, String... args) {
        CommandLineTest.Outcome o = carecast(args);
        assertEquals(2, o.status(), o.out() + o.err());
        String line = o.err().lines().findFirst().orElse("");
        assertTrue(line.startsWith("error: "), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' not in: " + line);
        }
    }

    static Path scenario(Path dir, String name, String from, String to) throws Exception {
        String text = Files.readString(SMALL);
        assertTrue(text.contains(from), from);
        return Files.writeString(dir.resolve(name), text.replace(from, to));
    }

    @Test
    void outputTargetsPeopleReallyTypeAreRefusedAndKept(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path documents = Files.createDirectories(home.resolve("Documents"));
        Files.writeString(documents.resolve("plan.docx"), "plan");
        Path budget = Files.writeString(home.resolve("budget.xlsx"), "money");
        for (Path target : List.of(home, documents, budget, Path.of("."), Path.of("src"))) {
            refused(List.of("the output folder " + target), "run", SMALL.toString(), "--out", target.toString(),
                    "--replications", "2", "--quiet");
        }
        refused(List.of("budget.xlsx"), "compare", SMALL.toString(), SMALL.toString(), "--out", budget.toString(),
                "--replications", "2", "--quiet");
        for (Path target : List.of(home, documents, budget, Path.of("."))) {
            refused(List.of("the output folder " + target), "region", "scenarios/region/pair.yaml", "--out", target.toString(),
                    "--replications", "2", "--quiet");
        }
        refused(List.of("the jobs folder " + budget, "is an existing file"), "serve", "--jobs", budget.toString());
        assertEquals("plan", Files.readString(documents.resolve("plan.docx")));
        assertEquals("money", Files.readString(budget));
        assertTrue(Files.isDirectory(Path.of("src/main/java")) && Files.exists(Path.of("pom.xml")), "the checkout is intact");
    }

    @Test
    void defaultFolderNamesCannotEscapeOut() {
        assertEquals("scenario", SimulationOptions.stem(Path.of("...yaml")));
        assertEquals("scenario", SimulationOptions.stem(Path.of("..yaml")));
        assertEquals("yaml", SimulationOptions.stem(Path.of(".yaml")));
        assertEquals("a-b", SimulationOptions.stem(Path.of("a b.yaml")));
        assertEquals("Ölham", SimulationOptions.stem(Path.of("Ölham.yml")));
        assertFalse(Path.of("out", SimulationOptions.stem(Path.of("..yaml"))).normalize().startsWith(".."));
    }

    @Test
    void scenarioFilesThatAreNotUtf8YamlScenariosSaySo(@TempDir Path tmp) throws Exception {
        Path utf16 = Files.write(tmp.resolve("utf16.yaml"), Files.readString(SMALL).getBytes(StandardCharsets.UTF_16));
        refused(List.of("utf16.yaml:1:1", "looks like UTF-16", "save it as UTF-8"), "validate", utf16.toString());
        Path latin1 = Files.write(tmp.resolve("latin1.yaml"), ("name: Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        refused(List.of("latin1.yaml:1:10", "not UTF-8", "Latin-1"), "validate", latin1.toString());
        Path binary = Files.write(tmp.resolve("binary.yaml"), new byte[] {'a', ':', ' ', 0, 1, 2});
        refused(List.of("binary.yaml:1:4", "binary"), "validate", binary.toString());
        refused(List.of("/dev/zero", ".yaml"), "validate", "/dev/zero");
        Path device = Files.createSymbolicLink(tmp.resolve("zero.yaml"), Path.of("/dev/zero"));
        refused(List.of("zero.yaml:1:1", "not a regular file"), "validate", device.toString());
        Path huge = tmp.resolve("huge.yaml");
        try (var out = Files.newOutputStream(huge)) {
            out.write(new byte[5 << 20]);
        }
        refused(List.of("huge.yaml:1:1", "too large"), "validate", huge.toString());
        Path bom = Files.writeString(tmp.resolve("bom.yaml"), "\ufeff" + Files.readString(SMALL).replace("\n", "\r\n"));
        assertEquals(0, carecast("validate", bom.toString()).status(), "a UTF-8 BOM and CRLF, as Windows editors save");
    }

    @Test
    void yamlFeaturesThatWouldBeMisreadAreRefusedByName(@TempDir Path tmp) throws Exception {
        Path alias = scenario(tmp, "alias.yaml", "name: small", "description: &d small\nname: *d");
        refused(List.of("alias.yaml:1:14", "anchors", "&d"), "validate", alias.toString());
        Path onlyAlias = scenario(tmp, "alias2.yaml", "name: small", "name: *lab");
        refused(List.of("alias2.yaml:1:7", "field 'name'", "aliases", "*lab"), "validate", onlyAlias.toString());
        Path tag = scenario(tmp, "tag.yaml", "name: small", "name: !!binary c21hbGw=");
        refused(List.of("tag.yaml:1:7", "tags"), "validate", tag.toString());
    }

    @Test
    void numbersAreWhatTheyLookLikeOrAnError(@TempDir Path tmp) throws Exception {
        Path fraction = scenario(tmp, "fraction.yaml", "capacity: 20", "capacity: 20.5");
        refused(List.of("fraction.yaml:17:15", "placementTypes[0].capacity", "whole number", "20.5"), "validate", fraction.toString());
        Path suffix = scenario(tmp, "suffix.yaml", "monthlyRate: 2", "monthlyRate: 2f");
        refused(List.of("suffix.yaml:46:16", "entries.monthlyRate", "'2f'"), "validate", suffix.toString());
        Path sum = scenario(tmp, "sum.yaml", "horizon: 24", "horizon: 1+2");
        refused(List.of("sum.yaml:3:10", "horizon"), "validate", sum.toString());
        Path grouped = scenario(tmp, "grouped.yaml", "monthlyRate: 2", "monthlyRate: 1_000");
        assertEquals(0, carecast("validate", grouped.toString()).status(), "YAML's digit grouping is a number");
    }

    @Test
    void extendsReadsOnlyScenarios(@TempDir Path tmp) throws Exception {
        Files.copy(SMALL, tmp.resolve("small.yaml"));
        Path secret = Files.writeString(tmp.resolve("credentials"), "password: hunter2\n");
        Path passwd = Files.writeString(tmp.resolve("passwd.yaml"), "root:x:0:0:root:/root:/bin/bash\n");
        Path a = Files.writeString(tmp.resolve("a.yaml"), "extends: " + secret + "\n");
        refused(List.of("a.yaml:1:10", "extends", ".yaml or .yml"), "validate", a.toString());
        Path b = Files.writeString(tmp.resolve("b.yaml"), "extends: passwd.yaml\n");
        refused(List.of("b.yaml:1:10", "not a scenario"), "validate", b.toString());
        Path c = Files.writeString(tmp.resolve("c.yaml"), "extends: small.yaml\ninitialPopulation: {meanYearsInPlacement: 1, groups: ~, file: "
                + secret + "}\n");
        refused(List.of("c.yaml:2:", "initialPopulation.file", ".csv"), "validate", c.toString());
        Path out = tmp.resolve("out");
        refused(List.of("a.yaml"), "run", a.toString(), "--out", out.toString());
        assertFalse(Files.exists(out));
        assertTrue(Files.exists(passwd));
    }

    @Test
    void anInitialPopulationSavedByExcelIsReadLikeAnyOther(@TempDir Path tmp) throws Exception {
        Path plain = Path.of("src/test/resources/scenarios/small-csv.yaml");
        Files.copy(plain, tmp.resolve("s.yaml"));
        String csv = Files.readString(Path.of("src/test/resources/scenarios/children.csv"));
        Files.writeString(tmp.resolve("children.csv"), csv);
        CommandLineTest.Outcome a = carecast("run", tmp.resolve("s.yaml").toString(), "--out", tmp.resolve("a").toString(),
                "--replications", "3", "--quiet", "--no-charts", "--no-html", "--no-xlsx");
        assertEquals(0, a.status(), a.err());
        // Excel: a byte-order mark, CRLF, the header in capitals, every cell quoted, a stray trailing comma.
        StringBuilder excel = new StringBuilder("\ufeff");
        for (String line : csv.split("\n")) {
            String[] cells = line.split(",", -1);
            StringBuilder row = new StringBuilder();
            for (String cell : cells) {
                row.append(row.length() == 0 ? "" : ",").append('"').append(line.startsWith("placement_type") ? cell.toUpperCase() : cell).append('"');
            }
            excel.append(row).append(",\r\n");
        }
        Files.writeString(tmp.resolve("children.csv"), excel.toString());
        CommandLineTest.Outcome b = carecast("run", tmp.resolve("s.yaml").toString(), "--out", tmp.resolve("b").toString(),
                "--replications", "3", "--quiet", "--no-charts", "--no-html", "--no-xlsx");
        assertEquals(0, b.status(), b.err());
        assertEquals(Files.readString(tmp.resolve("a/monthly.csv")), Files.readString(tmp.resolve("b/monthly.csv")));

        Files.writeString(tmp.resolve("children.csv"), csv.replaceFirst("\n", "\nfoster,\"standard,4.5,400,100\n"));
        refused(List.of("children.csv:2:1", "quote"), "validate", tmp.resolve("s.yaml").toString());
    }

    @Test
    void sampleReturnsWithAMalformedRowLoseOnlyThatRow(@TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("2019-episodes.csv"));
        lines.set(5, lines.get(5).replaceFirst(",", ",\""));        // unbalanced quote
        lines.set(9, lines.get(9) + ",extra,cells");                  // more cells than the header
        Path episodes = Files.write(tmp.resolve("2019-episodes.csv"), lines);
        CommandLineTest.Outcome o = carecast("calibrate", "--header", SAMPLE.resolve("2018-header.csv").toString(),
                SAMPLE.resolve("2019-header.csv").toString(), "--episodes", SAMPLE.resolve("2018-episodes.csv").toString(),
                episodes.toString(), "--as-at", "2020-03-01", "--out", tmp.resolve("c.yaml").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("2 malformed CSV row"), o.out());
        assertTrue(o.out().contains("2019-episodes.csv:6:") || o.out().contains("2019-episodes.csv:10:"), o.out());
    }

    @Test
    void calibrateRefusesDatesOutsideTheReturnsAndIgnoresFileOrder(@TempDir Path tmp) throws Exception {
        String[] oldest = {"--header", s("2017-header.csv"), s("2018-header.csv"), "--episodes", s("2017-episodes.csv"), s("2018-episodes.csv")};
        String[] newest = {"--header", s("2018-header.csv"), s("2017-header.csv"), "--episodes", s("2018-episodes.csv"), s("2017-episodes.csv")};
        refused(List.of("--as-at 2023-04-01", "after the returns end"), concat(oldest, "calibrate", "--as-at", "2023-04-01", "--out", tmp.resolve("x.yaml").toString()));
        refused(List.of("--as-at 2017-06-01", "too early"), concat(oldest, "calibrate", "--as-at", "2017-06-01", "--out", tmp.resolve("x.yaml").toString()));
        assertFalse(Files.exists(tmp.resolve("x.yaml")));
        CommandLineTest.Outcome a = carecast(concat(oldest, "calibrate", "--as-at", "2019-01-01", "--out", tmp.resolve("a.yaml").toString()));
        CommandLineTest.Outcome b = carecast(concat(newest, "calibrate", "--as-at", "2019-01-01", "--out", tmp.resolve("b.yaml").toString()));
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        assertTrue(b.out().contains("WARNING: the episodes files were not given oldest first"), b.out());
        assertEquals(withoutSources(tmp.resolve("a.yaml")).replace("a-children.csv", "b-children.csv")
                        .replace("a-actuals.csv", "b-actuals.csv"),
                withoutSources(tmp.resolve("b.yaml")));
        assertEquals(Files.readString(tmp.resolve("a-children.csv")), Files.readString(tmp.resolve("b-children.csv")));
        assertEquals(Files.readString(tmp.resolve("a-actuals.csv")), Files.readString(tmp.resolve("b-actuals.csv")));
    }

    @Test
    void calibrateNeverOverwritesAnInputOrAFileItDidNotWrite(@TempDir Path tmp) throws Exception {
        Path header = Files.copy(SAMPLE.resolve("2018-header.csv"), tmp.resolve("header.yaml"));
        Path mine = Files.writeString(tmp.resolve("mine.yaml"), "my notes\n");
        String[] inputs = {"--header", header.toString(), "--episodes", s("2017-episodes.csv"), s("2018-episodes.csv"), "--as-at", "2019-01-01"};
        refused(List.of("header.yaml", "input"), concat(inputs, "calibrate", "--out", header.toString()));
        refused(List.of("mine.yaml", "not a calibrated scenario"), concat(inputs, "calibrate", "--out", mine.toString()));
        assertEquals("my notes\n", Files.readString(mine));
        Path ours = tmp.resolve("ours.yaml");
        assertEquals(0, carecast(concat(inputs, "calibrate", "--out", ours.toString())).status());
        assertEquals(0, carecast(concat(inputs, "calibrate", "--out", ours.toString())).status(), "its own earlier output is replaced");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("header.yaml", "mine.yaml", "ours-actuals.csv", "ours-children.csv", "ours.yaml"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left beside it");
        }
    }

    @Test
    void scenariosTooLargeForMemoryAndOptionsOutOfRangeAreRefusedBeforeRunning(@TempDir Path tmp) throws Exception {
        Path huge = scenario(tmp, "huge.yaml", "monthlyRate: 2", "monthlyRate: 90000\n  annualTrend: 1");
        String text = Files.readString(huge).replace("horizon: 24", "horizon: 1200").replaceAll("date: 2025-09-01", "date: 2025-09-01");
        Files.writeString(huge, text);
        refused(List.of("huge.yaml:46:3", "too large to run", "children in care at once", "MB"), "validate", huge.toString());
        refused(List.of("huge.yaml", "too large to run"), "run", huge.toString(), "--out", tmp.resolve("o").toString());
        refused(List.of("--threads"), "run", SMALL.toString(), "--threads", "100000");
        refused(List.of("--replications"), "run", SMALL.toString(), "--replications", "2000000000");
        refused(List.of("--replications"), "run", SMALL.toString(), "--replications", "0");
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    private static String s(String name) {
        return SAMPLE.resolve(name).toString();
    }

    private static String[] concat(String[] inputs, String command, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(inputs));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String withoutSources(Path file) throws Exception {
        return Files.readString(file).replaceAll("(?m)^# Sources:.*$", "");
    }
}
