package org.carecast.cli;

import org.carecast.testing.Scenarios;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code carecast sensitivity} and ranges from the command line: the swing of an output that is
 * linear in an assumption recovers the known slope; the files are written and re-run to the
 * same numbers whatever the thread count; a range of zero width changes nothing in a run;
 * option errors are one line.
 */
class SensitivityCommandTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml");

    /**
     * Ten children in type a who break down at rate lambda, every breakdown into type b, and
     * never come back: the child-days in a are the sum of min(Exp(lambda), T)
     * over the children, and the net cost is linear in each type's weekly cost.
     */
    @Test
    void aSwingOfALinearOutputRecoversItsSlope(@TempDir Path tmp) throws Exception {
        String yaml = Scenarios.closedPopulation(10, 0.5, 12, "breakdownDestinations: {a: {b: 1}}")
                .replace("weeklyCost: 500,", "weeklyCost: {central: 500, low: 300, high: 900},")
                .replace("weeklyCost: 900,", "weeklyCost: {central: 900, low: 800, high: 1200},");
        Path file = Files.writeString(tmp.resolve("linear.yaml"), yaml);
        int reps = 2000;
        CommandLineTest.Outcome o = carecast("sensitivity", file.toString(), "--replications", String.valueOf(reps), "--out",
                tmp.resolve("out").toString(), "--output", "net_cost:total", "--quiet");
        assertEquals(0, o.status(), o.err());
        List<String[]> rows = rows(tmp.resolve("out/sensitivity.csv"));
        assertEquals(2, rows.size());

        double lambda = 0.5 / 365.25;
        double t = 365;   // 1 April 2025 to 1 April 2026
        double meanA = (1 - Math.exp(-lambda * t)) / lambda;
        double meanSquare = 2 / (lambda * lambda) * (1 - Math.exp(-lambda * t) * (1 + lambda * t));
        double se = Math.sqrt(10 * (meanSquare - meanA * meanA) / reps);
        double daysInA = 10 * meanA;
        double daysInB = 10 * t - daysInA;
        for (String[] row : rows) {
            boolean a = row[2].equals("placementTypes[a].weeklyCost");
            double days = a ? daysInA : daysInB;
            double low = (a ? 300 - 500 : 800 - 900) / 7.0;
            double high = (a ? 900 - 500 : 1200 - 900) / 7.0;
            double tolerance = 4 * se;
            assertEquals(low * days, Double.parseDouble(row[7]), Math.abs(low) * tolerance, row[2] + " at low");
            assertEquals(high * days, Double.parseDouble(row[8]), Math.abs(high) * tolerance, row[2] + " at high");
            assertEquals(a ? "300" : "800", row[4]);
        }
        assertTrue(Double.parseDouble(rows.get(0)[9]) >= Double.parseDouble(rows.get(1)[9]), "widest swing first");
    }

    /**
     * With no chance at all (children who never move) the net cost is 5 x 365 / 7 x (price a +
     * price b), so with uniform ranges of variances 200^2/12 and 400^2/12 the first-order shares
     * are 0.2 and 0.8.
     */
    @Test
    void firstOrderSharesRecoverTheVarianceOfALinearOutput(@TempDir Path tmp) throws Exception {
        String yaml = Scenarios.closedPopulation(5, 0, 12, "")
                .replace("weeklyCost: 500,", "weeklyCost: {distribution: uniform, low: 400, high: 600},")
                .replace("weeklyCost: 900,", "weeklyCost: {distribution: uniform, low: 800, high: 1200},")
                .replace("    - {type: a, need: standard, byAgeBand: {\"0\": 5}}",
                        "    - {type: a, need: standard, byAgeBand: {\"0\": 5}}\n    - {type: b, need: standard, byAgeBand: {\"0\": 5}}");
        assertTrue(yaml.contains("{type: b,"), yaml);
        Path file = Files.writeString(tmp.resolve("two.yaml"), yaml);
        CommandLineTest.Outcome o = carecast("sensitivity", file.toString(), "--replications", "2000", "--out",
                tmp.resolve("out").toString(), "--output", "net_cost:total", "--quiet");
        assertEquals(0, o.status(), o.err());
        for (String[] row : rows(tmp.resolve("out/sensitivity.csv"))) {
            double expected = row[2].equals("placementTypes[a].weeklyCost") ? 0.2 : 0.8;
            assertEquals(expected, Double.parseDouble(row[12]), 0.05, row[2]);
        }
    }

    @Test
    void itWritesChartsAPageAWorkbookAndReRunsToTheSameNumbersOnAnyThreadCount(@TempDir Path tmp) throws Exception {
        List<String> args = List.of("sensitivity", SMALL.toString(), "--replications", "40", "--set",
                "placementTypes[market].weeklyCost={central: 5000, low: 4000, high: 6500}", "--set",
                "entries.annualTrend={distribution: normal, mean: 0, sd: 0.05}", "--output", "spend:2025/26", "--output",
                "net_cost:total");
        Path one = tmp.resolve("one");
        CommandLineTest.Outcome o = carecast(with(args, "--out", one.toString(), "--threads", "1"));
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("Spend, 2025/26"), o.out());
        assertTrue(o.out().contains("market weeklyCost"), o.out());
        for (String f : List.of("sensitivity.csv", "summary.txt", "run.txt", "report.html", "workbook.xlsx",
                "charts/tornado-spend-2025-26.png", "charts/tornado-spend-2025-26.svg", "charts/tornado-net-cost-total.png",
                "scenario/small.yaml")) {
            assertTrue(Files.exists(one.resolve(f)), f);
        }
        String html = Files.readString(one.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("What moves"), "the tornado is on the page");
        try (ReadableWorkbook wb = new ReadableWorkbook(one.resolve("workbook.xlsx").toFile())) {
            Sheet sheet = wb.getFirstSheet();
            assertEquals("Sensitivity", sheet.getName());
            List<Row> rows;
            try (Stream<Row> stream = sheet.openStream()) {
                rows = stream.collect(Collectors.toList());
            }
            assertEquals(5, rows.size(), "a header and two assumptions for each of two outputs");
            assertTrue(rows.get(1).getCellAsNumber(7).isPresent(), "effects are numbers");
        }

        Path three = tmp.resolve("three");
        assertEquals(0, carecast(with(args, "--out", three.toString(), "--threads", "3", "--quiet")).status());
        assertEquals(Files.readString(one.resolve("sensitivity.csv")), Files.readString(three.resolve("sensitivity.csv")));

        // run.txt's command, split by a shell, gives the same numbers (--output and --set repeated).
        String text = Files.readString(one.resolve("run.txt"));
        String marker = "with the same numbers: ";
        String words = text.substring(text.indexOf(marker) + marker.length()).trim();
        words = words.substring(words.indexOf(' ') + 1);
        Process sh = new ProcessBuilder("sh", "-c", "printf '%s\\n' " + words).start();
        List<String> again = new ArrayList<>(List.of(new String(sh.getInputStream().readAllBytes()).split("\n")));
        again.addAll(List.of("--out", tmp.resolve("again").toString(), "--quiet"));
        assertEquals(0, carecast(again.toArray(String[]::new)).status(), again.toString());
        assertEquals(Files.readString(one.resolve("sensitivity.csv")), Files.readString(tmp.resolve("again/sensitivity.csv")));
    }

    @Test
    void aRangeOfZeroWidthChangesNothingInARun(@TempDir Path tmp) throws Exception {
        List<String> run = List.of("run", SMALL.toString(), "--replications", "30", "--quiet", "--no-charts", "--no-html", "--no-xlsx");
        assertEquals(0, carecast(with(run, "--out", tmp.resolve("scalar").toString(), "--set",
                "placementTypes[market].weeklyCost=6300")).status());
        assertEquals(0, carecast(with(run, "--out", tmp.resolve("range").toString(), "--set",
                "placementTypes[market].weeklyCost={central: 6300, low: 6300, high: 6300}")).status());
        for (String f : List.of("monthly.csv", "yearly.csv")) {
            assertEquals(Files.readString(tmp.resolve("scalar").resolve(f)), Files.readString(tmp.resolve("range").resolve(f)), f);
        }
        // A real range widens the band and says so.
        assertEquals(0, carecast(with(run, "--out", tmp.resolve("wide").toString(), "--set",
                "placementTypes[market].weeklyCost={central: 6300, low: 4000, high: 9000}")).status());
        String summary = Files.readString(tmp.resolve("wide/summary.txt")).replaceAll("\\s+", " ");
        assertTrue(summary.contains("the range given for market: weekly cost (placementTypes[market].weeklyCost)"), summary);
        assertTrue(summary.contains("The drawn assumptions account for about"), summary);
    }

    @Test
    void optionErrorsAreOneLine(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("o").toString();
        BadInputTest.refused(List.of("--only entries.monthlyRate", "not a ranged assumption", "gives no ranges"),
                "sensitivity", SMALL.toString(), "--only", "entries.monthlyRate", "--out", out);
        BadInputTest.refused(List.of("--output pressur", "unknown output"), "sensitivity", SMALL.toString(), "--set",
                "entries.annualTrend={central: 0, low: -0.1, high: 0.1}", "--output", "pressur", "--out", out);
        BadInputTest.refused(List.of("--output spend:2040/41", "no financial year"), "sensitivity", SMALL.toString(), "--set",
                "entries.annualTrend={central: 0, low: -0.1, high: 0.1}", "--output", "spend:2040/41", "--out", out);
        BadInputTest.refused(List.of("--set 1:1:", "weeklyCost.high", "at or above the low end"), "sensitivity", SMALL.toString(),
                "--set", "placementTypes[market].weeklyCost={central: 5000, low: 4000, high: 3000}", "--out", out);
        CommandLineTest.Outcome none = carecast("sensitivity", SMALL.toString(), "--out", out, "--no-charts");
        assertEquals(0, none.status(), none.err());
        assertTrue(none.out().contains("The scenario gives no ranges"), none.out());
    }

    private static List<String[]> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
        }
        return out;
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
