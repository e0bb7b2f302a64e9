package org.carecast.cli;

import org.carecast.scenario.Overrides;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --set PATH=VALUE}: a value replaces the scenario's after extends and is checked as if
 * written in the file, errors located at the --set; a value equal to the file's changes
 * nothing; run.txt repeats the settings so its command reproduces the numbers.
 */
class SetOptionTest {

    static final Path SMALL = Path.of("src/test/resources/scenarios/small.yaml");

    @Test
    void aSettingReplacesTheValueAndIsValidatedWhereItWasGiven() {
        Scenario s = ScenarioReader.read(SMALL, Overrides.parse(List.of("placementTypes[market].weeklyCost=6300",
                "entries.annualTrend=-0.03", "breakdownFrailty.variance=1.5", "needLevels[1].breakdownMultiplier=3")));
        assertEquals(6300, s.placementTypes().get(2).weeklyCost());
        assertEquals(-0.03, s.entries().annualTrend());
        assertEquals(1.5, s.breakdownFrailtyVariance(), "a field the file leaves out can be set");
        assertEquals(3, s.needLevels().get(1).breakdownMultiplier());

        BadInputTest.refused(List.of("--set 1:1:", "placementTypes[market].weeklyCost", "found 'lots'"),
                "validate", SMALL.toString(), "--set", "placementTypes[market].weeklyCost=lots");
        BadInputTest.refused(List.of("--set 2:1:1", "no item 'markt'", "did you mean 'market'"),
                "validate", SMALL.toString(), "--set", "entries.annualTrend=0", "--set", "placementTypes[markt].weeklyCost=1");
        BadInputTest.refused(List.of("--set 1:1:1", "expected PATH=VALUE"), "validate", SMALL.toString(), "--set", "horizon");
        BadInputTest.refused(List.of("--set 1:", "field 'horizon'", "1 to 1200"), "validate", SMALL.toString(), "--set", "horizon=5000");
        BadInputTest.refused(List.of("--set 1:", "unknown field"), "validate", SMALL.toString(), "--set", "entries.monthlyRat=3");
    }

    @Test
    void aSettingEqualToTheFilesValueChangesNothingAndRunTxtReproducesASetting(@TempDir Path tmp) throws Exception {
        List<String> run = List.of("run", SMALL.toString(), "--replications", "20", "--quiet", "--no-charts", "--no-html", "--no-xlsx");
        assertEquals(0, carecast(with(run, "--out", tmp.resolve("plain").toString())).status());
        assertEquals(0, carecast(with(run, "--out", tmp.resolve("same").toString(), "--set", "placementTypes[market].weeklyCost=5000")).status());
        assertEquals(Files.readString(tmp.resolve("plain/monthly.csv")), Files.readString(tmp.resolve("same/monthly.csv")));

        Path changed = tmp.resolve("changed");
        CommandLineTest.Outcome o = carecast(with(run, "--out", changed.toString(), "--set", "placementTypes[market].weeklyCost=6300"));
        assertEquals(0, o.status(), o.err());
        assertNotEquals(Files.readString(tmp.resolve("plain/monthly.csv")), Files.readString(changed.resolve("monthly.csv")));
        assertTrue(Files.readString(changed.resolve("summary.txt")).contains("Values set on the command line"));

        // The command run.txt gives, split by a shell, reproduces the numbers.
        String text = Files.readString(changed.resolve("run.txt"));
        String words = text.substring(text.indexOf("with the same numbers: ./carecast ") + "with the same numbers: ./carecast ".length()).trim();
        Process sh = new ProcessBuilder("sh", "-c", "printf '%s\\n' " + words).start();
        List<String> args = new ArrayList<>(List.of(new String(sh.getInputStream().readAllBytes()).split("\n")));
        args.addAll(List.of("--out", tmp.resolve("again").toString(), "--quiet", "--no-charts", "--no-html", "--no-xlsx"));
        assertTrue(args.contains("placementTypes[market].weeklyCost=6300"), args.toString());
        assertEquals(0, carecast(args.toArray(String[]::new)).status());
        assertEquals(Files.readString(changed.resolve("monthly.csv")), Files.readString(tmp.resolve("again/monthly.csv")));
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
