package org.carecast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.carecast.cli.CommandLineTest.carecast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample returns' entries fall from 182 in 2017/18 to 15 in 2018/19: calibrate finds the
 * step at April 2018, warns under the default projection (one line through it) and, with
 * {@code --entry-trend step}, fits the months after it alone and says so in the scenario.
 */
class EntryStepTest {

    static final Path S = Path.of("src/test/resources/ssda903-sample");

    private static String[] calibrate(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("calibrate", "--header"));
        for (int y = 2017; y <= 2020; y++) {
            args.add(S.resolve(y + "-header.csv").toString());
        }
        args.add("--episodes");
        for (int y = 2017; y <= 2020; y++) {
            args.add(S.resolve(y + "-episodes.csv").toString());
        }
        args.addAll(List.of("--as-at", "2020-04-01", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theStepIsFoundWarnedOfAndFittedAfterWhenAskedFor(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome line = carecast(calibrate(tmp.resolve("line.yaml")));
        assertEquals(0, line.status(), line.err());
        assertTrue(line.out().contains("WARNING: entries look to have changed at a stroke around 2018-04-01"), line.out());
        String lineYaml = Files.readString(tmp.resolve("line.yaml"));
        assertTrue(lineYaml.contains("--entry-trend step fits the"), lineYaml);

        CommandLineTest.Outcome step = carecast(calibrate(tmp.resolve("step.yaml"), "--entry-trend", "step"));
        assertEquals(0, step.status(), step.err());
        assertFalse(step.out().contains("changed at a stroke"), "no warning when the step is fitted: " + step.out());
        String stepYaml = Files.readString(tmp.resolve("step.yaml"));
        assertTrue(stepYaml.contains("Entries changed at a stroke around 2018-04-01"), stepYaml);
        // After the step the returns show about 10 entries a year; a line through the step carries the
        // fall on and puts the rate at the as-at date far below that.
        assertTrue(rate(stepYaml) > 0.6 && rate(stepYaml) < 1.2, "about 10 a year after the step: " + rate(stepYaml));
        assertTrue(rate(lineYaml) < 0.5, "the line carries the fall on: " + rate(lineYaml));
    }

    private static double rate(String yaml) {
        for (String l : yaml.split("\n")) {
            if (l.trim().startsWith("monthlyRate:")) {
                return Double.parseDouble(l.trim().split("\\s+")[1]);
            }
        }
        throw new AssertionError("no monthlyRate in " + yaml);
    }

    /**
     * --exit-window-years fits exits to the window's last years only: the scenario says which
     * dates, counts fewer exits than over the whole window, and a window longer than
     * --window-years is refused.
     */
    @Test
    void exitsCanBeFittedToTheRecentYearsOnly(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome whole = carecast(calibrate(tmp.resolve("whole.yaml")));
        CommandLineTest.Outcome recent = carecast(calibrate(tmp.resolve("recent.yaml"), "--exit-window-years", "1"));
        assertEquals(0, whole.status(), whole.err());
        assertEquals(0, recent.status(), recent.err());
        String wholeYaml = Files.readString(tmp.resolve("whole.yaml"));
        String recentYaml = Files.readString(tmp.resolve("recent.yaml"));
        assertTrue(recentYaml.contains("comments give the crude rate, 2019-04-01 to 2020-04-01 (exits fitted to the recent"),
                recentYaml);
        assertTrue(exits(recentYaml) > 0 && exits(recentYaml) < exits(wholeYaml) / 2,
                exits(recentYaml) + " exits in the last year against " + exits(wholeYaml) + " over the window");
        // Entries are still fitted over the whole window.
        assertEquals(rate(wholeYaml), rate(recentYaml));

        CommandLineTest.Outcome tooLong = carecast(calibrate(tmp.resolve("long.yaml"), "--exit-window-years", "4"));
        assertEquals(2, tooLong.status());
        assertTrue(tooLong.err().contains("--exit-window-years must be from 1 to --window-years (3), found 4"), tooLong.err());
    }

    /** The crude exits the scenario's comments count, summed over the age bands. */
    private static int exits(String yaml) {
        int n = 0;
        for (java.util.regex.Matcher m = java.util.regex.Pattern.compile("# crude: (\\d+) exits in").matcher(yaml); m.find(); ) {
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }
}
