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
 * {@code backtest --cutoff A,B,C}: every origin in one command, one table, and each cutoff's own
 * outputs in a folder of its own, the same as a back-test from that cutoff alone.
 */
class RollingBacktestTest {

    static final Path S = Path.of("src/test/resources/ssda903-sample");

    static String[] backtest(Path out, String cutoffs) {
        return new String[] {"backtest", "--header", S.resolve("2017-header.csv").toString(), S.resolve("2018-header.csv").toString(),
                S.resolve("2019-header.csv").toString(), S.resolve("2020-header.csv").toString(), "--episodes",
                S.resolve("2017-episodes.csv").toString(), S.resolve("2018-episodes.csv").toString(),
                S.resolve("2019-episodes.csv").toString(), S.resolve("2020-episodes.csv").toString(),
                "--cutoff", cutoffs, "--horizon", "6", "--replications", "40", "--out", out.toString(), "--quiet"};
    }

    @Test
    void severalCutoffsGiveOneTableAndEachCutoffsOwnOutputs(@TempDir Path tmp) throws Exception {
        CommandLineTest.Outcome rolling = carecast(backtest(tmp.resolve("rolling"), "2018-10-01,2019-04-01,2019-10-01"));
        assertEquals(0, rolling.status(), rolling.err());
        String summary = Files.readString(tmp.resolve("rolling/summary.txt"));
        assertTrue(summary.contains("Rolling-origin back-test: 3 cutoffs") && summary.contains("\nmean "), summary);
        List<String> csv = Files.readAllLines(tmp.resolve("rolling/rolling.csv"));
        assertEquals("cutoff,group,months,mape,coverage,mape_naive_constant,mape_naive_trend,mape_naive_loglinear", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("2019-04-01,all,6,")), csv.toString());
        assertTrue(summary.contains("By series, mean over the cutoffs") && summary.contains("all children in care"), summary);
        assertTrue(Files.size(tmp.resolve("rolling/charts/rolling.png")) > 1000, "the rolling chart is drawn");
        assertTrue(Files.readString(tmp.resolve("rolling/charts/rolling.svg")).contains("<svg"));

        CommandLineTest.Outcome single = carecast(backtest(tmp.resolve("single"), "2019-04-01"));
        assertEquals(0, single.status(), single.err());
        assertEquals(Files.readString(tmp.resolve("single/backtest.csv")),
                Files.readString(tmp.resolve("rolling/cutoff-2019-04-01/backtest.csv")), "a cutoff's own results, as if run alone");
    }
}
