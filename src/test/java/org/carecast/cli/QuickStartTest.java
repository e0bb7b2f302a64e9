package org.carecast.cli;

import org.carecast.model.Model;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's quick compiler: a long command starts itself again with the full compiler, the
 * same command line and the same numbers; a short one goes on where it is.
 */
class QuickStartTest {

    @Test
    void theCommandRunAgainDropsOnlyTheQuickCompilerAndTheLaunchersMark() {
        List<String> jvm = List.of("-XX:SharedArchiveFile=/x/carecast.jsa", "-Xlog:cds*=off", QuickStart.QUICK_COMPILER,
                "-D" + QuickStart.PROPERTY + "=true", "-D" + QuickStart.LIMIT_PROPERTY + "=1", "-Xmx2g", "-Djava.awt.headless=true");
        List<String> command = QuickStart.command("/jdk/bin/java", jvm, "/x/carecast.jar",
                new String[] {"run", "scenario with spaces.yaml", "--replications", "5000"});
        assertEquals(List.of("/jdk/bin/java", "-XX:SharedArchiveFile=/x/carecast.jsa", "-Xlog:cds*=off",
                "-D" + QuickStart.LIMIT_PROPERTY + "=1", "-Xmx2g", "-Djava.awt.headless=true", "-cp", "/x/carecast.jar",
                "org.carecast.cli.Main", "run", "scenario with spaces.yaml", "--replications", "5000"), command);
    }

    /**
     * Where the line falls, measured on 2 cores (benchmarks/README.md, seventh session): the
     * baseline's 1,000 and 5,000 replications and a comparison of five options ran sooner with
     * the quick compiler; 20,000 baseline replications, its sensitivity sweep (18,000) and 60
     * England-scale replications sooner with the full one.
     */
    @Test
    void theLineBetweenShortAndLongRunsIsWhereItWasMeasured() throws Exception {
        Model baseline = Scenarios.baseline();
        Model england = ModelCompiler.compile(ScenarioReader.read(Path.of("scenarios", "england-scale.yaml")));
        double limit = QuickStart.FULL_COMPILER_CHILD_MONTHS;
        assertTrue(QuickStart.childMonths(List.of(baseline), 1000) < limit);
        assertTrue(QuickStart.childMonths(List.of(baseline), 5000) < limit);
        assertTrue(QuickStart.childMonths(List.of(baseline, baseline, baseline, baseline, baseline), 1000) < limit);
        assertTrue(QuickStart.childMonths(List.of(england), 8) < limit);
        assertTrue(QuickStart.childMonths(List.of(baseline), 20_000) > limit);
        assertTrue(QuickStart.childMonths(List.of(baseline), 18 * 1000) > limit);
        assertTrue(QuickStart.childMonths(List.of(england), 60) > limit);
    }

    @Test
    void inProcessNothingIsStarted() throws Exception {
        // The tests and the web app call Main.execute: no command line to run again, whatever the size.
        assertFalse(QuickStart.restartIfLong(Double.MAX_VALUE).isPresent());
        // A server started by hand with the launcher's flags forgets its own command line before
        // its jobs run, so none of them starts "serve" again.
        String before = System.getProperty(QuickStart.PROPERTY);
        System.setProperty(QuickStart.PROPERTY, "true");
        try {
            QuickStart.commandLine(new String[] {"serve", "--port", "0"});
            QuickStart.forget();
            assertFalse(QuickStart.restartIfLong(Double.MAX_VALUE).isPresent());
        } finally {
            QuickStart.forget();
            if (before == null) {
                System.clearProperty(QuickStart.PROPERTY);
            } else {
                System.setProperty(QuickStart.PROPERTY, before);
            }
        }
    }

    /**
     * A process's whole command line: Linux's /proc (Java's {@code ProcessHandle.Info} cuts it at
     * 4,096 characters, shorter than a test class path), else what Java gives; empty once it has gone.
     */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            return Files.isReadable(proc) ? new String(Files.readAllBytes(proc)).replace('\0', ' ')
                    : process.info().commandLine().orElse("");
        } catch (java.io.IOException gone) {
            return "";
        }
    }

    @Test
    void aLongRunStartsAgainWithTheFullCompilerAndGivesTheSameFiguresAndStatus(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> quick = List.of(java, QuickStart.QUICK_COMPILER, "-D" + QuickStart.PROPERTY + "=true",
                "-D" + QuickStart.LIMIT_PROPERTY + "=1", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
        List<String> command = new ArrayList<>(quick);
        command.addAll(List.of("run", Scenarios.BASELINE.toString(), "--replications", "120", "--no-charts", "--no-html",
                "--no-xlsx", "--quiet", "--out", tmp.resolve("restarted").toString()));
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        // While it runs, the quick Java has one child: a Java without the quick compiler's flag.
        boolean sawFullCompiler = false;
        while (parent.isAlive()) {
            for (ProcessHandle child : parent.children().toList()) {
                String line = commandLine(child);
                sawFullCompiler |= line.contains(" " + Main.class.getName() + " run ") && !line.contains(QuickStart.QUICK_COMPILER);
            }
            Thread.sleep(5);
        }
        assertEquals(0, parent.waitFor(), Files.readString(tmp.resolve("log.txt")));
        assertTrue(sawFullCompiler, "the run started again with the full compiler");
        assertEquals(0, CommandLineTest.carecast("run", Scenarios.BASELINE.toString(), "--replications", "120", "--no-charts",
                "--no-html", "--no-xlsx", "--quiet", "--out", tmp.resolve("here").toString()).status());
        for (String f : List.of("monthly.csv", "yearly.csv")) {
            assertEquals(Files.readString(tmp.resolve("here").resolve(f)), Files.readString(tmp.resolve("restarted").resolve(f)), f);
        }
        // The restarted command's refusal is the command's: status 2, its message.
        Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(tmp.resolve("mine").resolve("notes.txt"), "mine");
        List<String> refused = new ArrayList<>(quick);
        refused.addAll(List.of("run", Scenarios.BASELINE.toString(), "--replications", "4", "--out", tmp.resolve("mine").toString()));
        Process p = new ProcessBuilder(refused).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(Main.BAD_INPUT, p.waitFor(), said);
        assertTrue(said.contains("carecast did not write"), said);
        assertEquals("mine", Files.readString(tmp.resolve("mine").resolve("notes.txt")));
    }
}
