package org.carecast.results;

import org.carecast.engine.Replication;
import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run fills a replication's cells series by series, and a derived series (a yearly sum, the
 * net cost, the pressure so far in the year) reads the cells of the series filled before it;
 * sensitivity and the tests read one period at a time. Both ways must give the very same
 * doubles, so that a figure does not depend on how it was read: checked cell by cell, bit for
 * bit, on scenarios with every kind of money line, ranged assumptions, interventions and a
 * start in the middle of a financial year with actuals.
 */
class SeriesFillTest {

    @Test
    void everySeriesFillsTheDoublesItsValueGives(@TempDir Path tmp) throws Exception {
        Path small = Path.of("src/test/resources/scenarios/small.yaml").toAbsolutePath();
        Files.writeString(tmp.resolve("actuals.csv"), "month,placement_type,children,spend\n"
                + "2025-04,all,30,100000\n2025-05,all,31,100000\n2025-06,all,32,90000\n");
        Path midYear = Files.writeString(tmp.resolve("mid-year.yaml"),
                "extends: " + small + "\nstart: 2025-07-01\nactuals: actuals.csv\n");
        check("a queue with budgets and every kind of income", Scenarios.compile(Scenarios.queue("5", 0.1, 200, 36) + FinanceTest.FINANCE));
        check("a queue without money lines", Scenarios.compile(Scenarios.queue("5", 0.1, 200, 26)));
        check("the baseline, ranges drawn", Scenarios.baseline());
        check("all the plans together", ModelCompiler.compile(ScenarioReader.read(Path.of("scenarios", "sufficiency-strategy.yaml"))));
        check("a start in July with actuals", ModelCompiler.compile(ScenarioReader.read(midYear)));
    }

    private static void check(String what, Model model) {
        List<Series> series = OutputSeries.of(model);
        Aggregator aggregator = new Aggregator(model, 1);
        Replication replication = new Replication(model);
        int derived = 0;
        for (int index = 0; index < 3; index++) {
            ReplicationResult result = replication.run(99L, index);
            double[] cells = aggregator.values(result);
            int c = 0;
            for (Series x : series) {
                for (int p = 0; p < x.periods().length; p++, c++) {
                    double byValue = x.value().of(result, p);
                    double filled = cells[c];
                    String period = x.periods()[p];
                    assertEquals(Double.doubleToRawLongBits(byValue), Double.doubleToRawLongBits(filled),
                            () -> what + ": " + x.table() + " " + x.metric() + " " + x.group() + " " + period
                                    + ": filled " + filled + ", read " + byValue);
                }
                if (index == 0 && x.fill() != null) {
                    derived++;
                }
            }
            assertEquals(c, cells.length, what);
        }
        assertTrue(derived > 10, what + ": the check covers filled series (" + derived + ")");
    }
}
