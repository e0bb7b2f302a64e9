package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: outputs, exit codes, messages without stack traces. */
class CommandLineTest {

    record Outcome(int status, String out, String err) {
    }

    static Outcome carecast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void runWritesTidyCsvsAndASummary(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("result");
        Outcome o = carecast("run", "src/test/resources/scenarios/small.yaml", "--out", folder.toString(),
                "--replications", "12", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("Spend by financial year"), o.out());
        assertTrue(o.out().contains("events per second"), o.out());
        for (String file : List.of("monthly.csv", "yearly.csv", "summary.txt", "run.txt", "scenario/small.yaml")) {
            assertTrue(Files.exists(folder.resolve(file)), file);
        }
        List<String> monthly = Files.readAllLines(folder.resolve("monthly.csv"));
        assertEquals("metric,group,unit,period,mean,p5,p25,p50,p75,p95", monthly.get(0));
        // 28 children at the start in every replication, so every statistic is 28.
        assertTrue(monthly.contains("children,all,children,2025-04,28,28,28,28,28,28"), monthly.get(1));
        List<String> yearly = Files.readAllLines(folder.resolve("yearly.csv"));
        assertTrue(yearly.stream().anyMatch(l -> l.startsWith("spend,all,pounds,2025/26,")));
        assertTrue(yearly.stream().anyMatch(l -> l.startsWith("spend,all,pounds,2026/27,")));
        // Leftover temporary folders would show a partial write.
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(folder), files.toList());
        }
    }

    @Test
    void outputFolderHoldsEveryScenarioFileAndReRunsTheSameNumbersFromThem(@TempDir Path tmp) throws Exception {
        // A scenario in a subfolder extending a parent one folder up, whose children come from a CSV
        // beside the parent: the copy must keep those relative places.
        Path shared = Files.createDirectories(tmp.resolve("scenarios"));
        Files.copy(Path.of("src/test/resources/scenarios/small-csv.yaml"), shared.resolve("small-csv.yaml"));
        Files.copy(Path.of("src/test/resources/scenarios/children.csv"), shared.resolve("children.csv"));
        Path option = Files.createDirectories(shared.resolve("options")).resolve("option.yaml");
        Files.writeString(option, """
                extends: ../small-csv.yaml
                name: option
                """);
        // A folder name with an apostrophe and a space, as on a shared drive: the command must still paste.
        Path first = tmp.resolve("O'Brien's runs").resolve("first run");
        Outcome o = carecast("run", option.toString(), "--out", first.toString(), "--replications", "8", "--no-charts",
                "--no-html", "--no-xlsx", "--quiet");
        assertEquals(0, o.status(), o.err());
        for (String file : List.of("scenario/options/option.yaml", "scenario/small-csv.yaml", "scenario/children.csv")) {
            assertTrue(Files.exists(first.resolve(file)), file);
        }
        List<String> command = rerunCommand(first);
        assertEquals(List.of("run", first.resolve("scenario/options/option.yaml").toString().replace('\\', '/'),
                "--seed", "1", "--replications", "8"), command);

        // The originals change or go; run.txt's command on the copies still gives the first run's numbers.
        Files.writeString(shared.resolve("children.csv"), "placement_type,need,age_years,days_in_care,days_in_placement\n");
        Files.delete(shared.resolve("small-csv.yaml"));
        Path again = tmp.resolve("again");
        o = carecast(withOutput(command, again));
        assertEquals(0, o.status(), o.err());
        assertEquals(Files.readString(first.resolve("monthly.csv")), Files.readString(again.resolve("monthly.csv")));
    }

    /**
     * The arguments of the command run.txt gives to re-run a folder's numbers, after the
     * launcher, as a POSIX shell splits them (so quoting is checked, not assumed).
     */
    private static List<String> rerunCommand(Path folder) throws Exception {
        String run = Files.readString(folder.resolve("run.txt"));
        String marker = "with the same numbers: ./carecast ";
        int at = run.indexOf(marker);
        assertTrue(at >= 0, run);
        int end = run.indexOf('\n', at);
        String words = run.substring(at + marker.length(), end < 0 ? run.length() : end).trim();
        Process sh = new ProcessBuilder("sh", "-c", "printf '%s\\n' " + words).start();
        List<String> args = List.of(new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
        assertEquals(0, sh.waitFor());
        return args;
    }

    private static String[] withOutput(List<String> command, Path out) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of("--out", out.toString(), "--quiet", "--no-charts", "--no-html", "--no-xlsx"));
        return args.toArray(String[]::new);
    }

    @Test
    void theReportOfAnOptionShowsTheAssumptionsItInherits(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("option");
        Outcome o = carecast("run", "scenarios/third-home.yaml", "--out", folder.toString(), "--replications", "4",
                "--no-charts", "--no-xlsx", "--quiet");
        assertEquals(0, o.status(), o.err());
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(html.contains("Set in third-home.yaml") && html.contains("From oldham-baseline.yaml"), "a table per file");
        assertTrue(html.contains("placementTypes[secure_welfare].weeklyCost"), "the baseline's values are listed");
        assertTrue(html.contains("no: set again in third-home.yaml"), "the baseline's name is overridden");
    }

    @Test
    void compareWritesPairedDifferencesAndEachScenariosProjection(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("base.yaml");
        Files.copy(Path.of("src/test/resources/scenarios/small.yaml"), base);
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, """
                extends: base.yaml
                name: plan
                interventions:
                  - {id: new_home, kind: new_home, like: home, start: 2025-06-01, places: 2, fixedAnnualCost: 400000,
                     capitalCost: 250000}
                """);
        Path folder = tmp.resolve("cmp");
        Outcome o = carecast("compare", base.toString(), plan.toString(), "--out", folder.toString(),
                "--replications", "30", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("saving, £ million"), o.out());
        List<String> csv = Files.readAllLines(folder.resolve("compare.csv"));
        assertEquals("scenario,metric,unit,period,mean,p5,p25,p50,p75,p95,probability_better", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("plan,saving,pounds,2025/26,")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("plan,payback_months,months,all,")));
        assertTrue(Files.exists(folder.resolve("base/monthly.csv")));
        for (String file : List.of("report.html", "workbook.xlsx", "charts/savings-per-year.png",
                "charts/savings-per-year.svg", "charts/cumulative-saving.png", "charts/cumulative-saving.svg")) {
            assertTrue(Files.exists(folder.resolve(file)), file);
        }
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("a median saving of") || report.contains("a median extra cost of"), report);
        // small.yaml starts with fewer children than its flows keep: said once, for both scenarios,
        // in the console, summary.txt and the page.
        String caution = "In every scenario compared, the children in care at the start do not match";
        assertTrue(o.out().contains("Note: " + caution), o.out());
        assertEquals(1, o.out().split("at the start do not match", -1).length - 1, o.out());
        assertTrue(Files.readString(folder.resolve("summary.txt")).contains(caution));
        assertTrue(report.contains("class=\"caution\"") && report.contains(caution), report);
        assertTrue(Files.exists(folder.resolve("plan/yearly.csv")));
        // Each scenario's folder holds what it was read from, the plan's parent included, and
        // run.txt's command re-runs the comparison from those copies with the same numbers.
        assertTrue(Files.exists(folder.resolve("plan/scenario/plan.yaml")));
        assertTrue(Files.exists(folder.resolve("plan/scenario/base.yaml")));
        List<String> command = rerunCommand(folder);
        assertEquals(List.of("compare", folder.resolve("base/scenario/base.yaml").toString().replace('\\', '/'),
                folder.resolve("plan/scenario/plan.yaml").toString().replace('\\', '/')), command.subList(0, 3));
        Path second = tmp.resolve("cmp-again");
        Outcome rerun = carecast(withOutput(command, second));
        assertEquals(0, rerun.status(), rerun.err());
        assertEquals(Files.readString(folder.resolve("compare.csv")), Files.readString(second.resolve("compare.csv")));
        // The new home's running cost is reported as its own spend line in the plan's projection.
        List<String> yearly = Files.readAllLines(folder.resolve("plan/yearly.csv"));
        assertTrue(yearly.stream().anyMatch(l -> l.startsWith("spend,new_home,")));
        // Its capital is a line of its own, paid in full in the opening year, every replication.
        assertTrue(yearly.contains("spend,new_home_capital,pounds,2025/26,250000,250000,250000,250000,250000,250000"),
                String.join("\n", yearly));
        // No metric, group and period appears twice.
        assertEquals(yearly.size(), yearly.stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 4))).distinct().count());
    }

    @Test
    void eachReaderFacingFormatCanBeSwitchedOff(@TempDir Path tmp) throws Exception {
        Path all = tmp.resolve("all");
        Outcome o = carecast("run", "src/test/resources/scenarios/small.yaml", "--out", all.toString(),
                "--replications", "4", "--quiet");
        assertEquals(0, o.status(), o.err());
        for (String file : List.of("report.html", "workbook.xlsx", "charts/children-in-care.png", "charts/spill-over.svg")) {
            assertTrue(Files.exists(all.resolve(file)), file);
        }
        Path none = tmp.resolve("none");
        o = carecast("run", "src/test/resources/scenarios/small.yaml", "--out", none.toString(),
                "--replications", "4", "--quiet", "--no-charts", "--no-html", "--no-xlsx");
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.exists(none.resolve("monthly.csv")));
        for (String file : List.of("report.html", "workbook.xlsx", "charts")) {
            assertFalse(Files.exists(none.resolve(file)), file);
        }
    }

    @Test
    void compareRefusesScenariosWithDifferentHorizons(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("base.yaml");
        Files.copy(Path.of("src/test/resources/scenarios/small.yaml"), base);
        Path longer = tmp.resolve("longer.yaml");
        Files.writeString(longer, "extends: base.yaml\nhorizon: 36\n");
        Path folder = tmp.resolve("cmp");
        Outcome o = carecast("compare", base.toString(), longer.toString(), "--out", folder.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(longer + ":"), o.err());
        assertTrue(o.err().contains("share the base's start and horizon"), o.err());
        assertFalse(Files.exists(folder));
    }

    @Test
    void rerunReplacesItsOwnOutputButNeverAFolderOfTheUsers(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("result");
        String scenario = "src/test/resources/scenarios/small.yaml";
        assertEquals(0, carecast("run", scenario, "--out", folder.toString(), "--replications", "3", "--quiet", "--seed", "1").status());
        String first = Files.readString(folder.resolve("monthly.csv"));
        assertEquals(0, carecast("run", scenario, "--out", folder.toString(), "--replications", "3", "--quiet", "--seed", "2").status());
        assertNotEquals(first, Files.readString(folder.resolve("monthly.csv")), "the second run replaced the first");

        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("stale.txt"), "old");
        Outcome o = carecast("run", scenario, "--out", mine.toString(), "--replications", "3", "--quiet");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("error: the output folder " + mine + " holds files carecast did not write (stale.txt)"), o.err());
        assertEquals("old", Files.readString(mine.resolve("stale.txt")));
        assertEquals(1, Files.list(mine).count());
    }

    @Test
    void badScenarioExitsWithStatusTwoAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("src/test/resources/scenarios/small.yaml"))
                .replace("monthlyRate: 2", "monthlyRate: lots"));
        Path folder = tmp.resolve("result");
        Outcome o = carecast("run", bad.toString(), "--out", folder.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("error: " + bad + ":46:16: field 'entries.monthlyRate': expected"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertFalse(Files.exists(folder));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(bad), files.toList());
        }
    }

    @Test
    void missingScenarioFileExitsWithStatusTwo() {
        Outcome o = carecast("validate", "does-not-exist.yaml");
        assertEquals(2, o.status());
        assertEquals("error: does-not-exist.yaml:1:1: file not found", o.err().trim());
    }

    @Test
    void validateAcceptsTheShippedBaseline() {
        Outcome o = carecast("validate", "scenarios/oldham-baseline.yaml");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("valid"), o.out());
        assertTrue(o.out().contains("589 children"), o.out());
        Outcome option = carecast("validate", "scenarios/third-home.yaml");
        assertEquals(0, option.status(), option.err());
        assertTrue(option.out().replaceAll("\\s+", " ").contains("Read from 2 files (a value set in an earlier one wins):"
                + " third-home.yaml, oldham-baseline.yaml."), option.out());
    }

    @Test
    void helpAndVersionWorkOnEveryCommand() {
        for (String command : List.of("compare", "", "run", "validate")) {
            String[] help = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
            Outcome o = carecast(help);
            assertEquals(0, o.status(), command);
            assertTrue(o.out().contains("Usage:"), command);
            String[] version = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
            Outcome v = carecast(version);
            assertEquals(0, v.status(), command);
            assertTrue(v.out().startsWith("carecast 0."), v.out());
        }
    }

    @Test
    void theUsageListsEveryCommandThoughOnlyTheOneNamedIsBuilt() {
        // The command line is built with just the subcommand named (a faster start): the usage
        // text, help on a command and a mistyped name must still know them all.
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help"})) {
            Outcome o = carecast(args);
            assertEquals(0, o.status(), String.join(" ", args));
            for (String command : List.of("run", "region", "serve", "compare", "sensitivity", "sweep", "merge",
                    "validate", "calibrate", "backtest", "help")) {
                assertTrue(o.out().contains("\n  " + command + " "), command + " in: " + o.out());
            }
        }
        Outcome help = carecast("help", "compare");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: carecast compare"), help.out());
        Outcome typo = carecast("rnu", "scenarios/oldham-baseline.yaml");
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("'rnu'"), typo.err());
    }

    @Test
    void badOptionValueIsAUsageError() {
        Outcome o = carecast("run", "scenarios/oldham-baseline.yaml", "--replications", "many");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("--replications"), o.err());
    }
}
