package org.carecast.report;

import org.carecast.scenario.ScenarioException;
import org.carecast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario's actuals: the children chart continues the past; the financial year the start
 * falls in gets a projected outturn, actual spend to date plus the forecast, in all and for each
 * type whose every earlier month is given; a bad actuals file is a located error.
 */
class ActualsTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml").toAbsolutePath();

    /** small.yaml started in November 2025 with actuals from April 2025 (spend in all and for 'foster' only). */
    private static Path scenario(Path dir, String actuals) throws Exception {
        Files.writeString(dir.resolve("actuals.csv"), actuals);
        return Files.writeString(dir.resolve("mid-year.yaml"), "extends: " + SMALL + "\nstart: 2025-11-01\nactuals: actuals.csv\n"
                + "placementTypes:\n  - {id: foster, capacityChanges: [{date: 2026-01-01, change: 2}]}\n");
    }

    private static String actuals() {
        StringBuilder csv = new StringBuilder("month,placement_type,children,spend\n");
        for (int m = 4; m <= 10; m++) {
            String month = String.format("2025-%02d", m);
            csv.append(month).append(",all,").append(30 + m).append(",100000\n");
            csv.append(month).append(",foster,,40000\n");
        }
        return csv.toString();
    }

    @Test
    void theOutturnIsActualToDatePlusTheForecastAndTheChartShowsThePast(@TempDir Path tmp) throws Exception {
        Path file = scenario(tmp, actuals());
        Path out = tmp.resolve("out");
        CommandLineRun o = CommandLineRun.of("run", file.toString(), "--replications", "40", "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        List<String> yearly = Files.readAllLines(out.resolve("yearly.csv"));
        String spend = row(yearly, "spend,all,pounds,2025/26");
        String outturn = row(yearly, "spend_outturn,all,pounds,2025/26");
        String fosterSpend = row(yearly, "spend,foster,pounds,2025/26");
        String fosterOutturn = row(yearly, "spend_outturn,foster,pounds,2025/26");
        // Seven months of actuals: 700,000 in all and 280,000 on foster care, added to every replication's forecast.
        for (int col = 4; col <= 9; col++) {
            assertEquals(Double.parseDouble(spend.split(",")[col]) + 700_000, Double.parseDouble(outturn.split(",")[col]), 0.02);
            assertEquals(Double.parseDouble(fosterSpend.split(",")[col]) + 280_000, Double.parseDouble(fosterOutturn.split(",")[col]), 0.02);
        }
        assertTrue(yearly.stream().noneMatch(l -> l.startsWith("spend_outturn,home,")), "no outturn for a type without actual spend");
        assertTrue(o.out().contains("projected spend outturn"), o.out());
        String html = Files.readString(out.resolve("report.html")).replace("<span class=\"nw\">", "").replace("</span>", "");
        assertTrue(html.contains("£0.70m spent from April to October 2025"), "headline with the actual part");
        assertTrue(html.contains("2025/26 covers November 2025 to March 2026 only")
                && html.contains("2027/28 covers April 2027 to October 2027 only"), "part years said plainly");
        assertTrue(Files.readString(out.resolve("charts/children-in-care.svg")).contains("Actual (the scenario&apos;s actuals file)"), "the past on the chart");
        // The actuals file is copied with the scenario, so run.txt re-runs it.
        assertTrue(Files.exists(out.resolve("scenario/actuals.csv")) || Files.walk(out.resolve("scenario"), java.nio.file.FileVisitOption.FOLLOW_LINKS)
                .anyMatch(p -> p.getFileName().toString().equals("actuals.csv")));
    }

    @Test
    void aStartInAprilHasNoOutturn(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("actuals.csv"), "month,placement_type,children,spend\n2025-03,all,40,100000\n");
        Path file = Files.writeString(tmp.resolve("april.yaml"), "extends: " + SMALL + "\nactuals: actuals.csv\n");
        Path out = tmp.resolve("out");
        assertEquals(0, CommandLineRun.of("run", file.toString(), "--replications", "10", "--out", out.toString(), "--quiet").status());
        assertFalse(Files.readString(out.resolve("yearly.csv")).contains("spend_outturn"));
    }

    @Test
    void badActualsAreLocatedErrors(@TempDir Path tmp) throws Exception {
        assertError(tmp, "month,placement_type,children,spend\n2025-11,all,40,1\n", "actuals.csv:2:1", "before the scenario's start");
        assertError(tmp, "month,placement_type,children,spend\n2025-10,fostr,40,1\n", "actuals.csv:2:9", "did you mean 'foster'");
        assertError(tmp, "month,placement_type,children,spend\n2025-10,all,40,1\n2025-10,all,41,1\n", "actuals.csv:3:", "a second row");
        assertError(tmp, "month,placement_type,children,spend\n2025-10,all,4.5,1\n", "actuals.csv:2:13", "whole number of children");
        assertError(tmp, "month,placement_type,children,spend\n2025-10,all,,\n", "actuals.csv:2:", "neither");
        assertError(tmp, "month,placement_type,children,spend\n10/2025,all,40,1\n", "actuals.csv:2:1", "YYYY-MM");
        assertError(tmp, "month,type,children,spend\n2025-10,all,40,1\n", "actuals.csv:1:1", "expected the header");
    }

    private static void assertError(Path tmp, String csv, String where, String what) throws Exception {
        Path file = scenario(tmp, csv);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(file));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix + ",")).findFirst().orElseThrow(() -> new AssertionError(prefix));
    }

    /** The command line, run in-process. */
    record CommandLineRun(int status, String out, String err) {
        static CommandLineRun of(String... args) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int status = org.carecast.cli.Main.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
            return new CommandLineRun(status, out.toString(), err.toString());
        }
    }
}
