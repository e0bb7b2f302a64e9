package org.carecast.report;

import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
import org.carecast.results.Summary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code monthly.csv} and {@code yearly.csv} in tidy (long) form: one row per metric,
 * group and period, with the mean and percentiles over replications. Pounds are given to the
 * penny, counts to three decimals (means of counts are fractional).
 */
final class CsvReporter implements Reporter<RunReport> {

    static final String HEADER = "metric,group,unit,period,mean,p5,p25,p50,p75,p95";

    @Override
    public void write(RunReport report, Path folder) throws IOException {
        write(report.projection(), folder);
    }

    /** Writes monthly.csv and yearly.csv of a projection (also each compared scenario's own). */
    static void write(Projection projection, Path folder) throws IOException {
        write(projection.table(Table.MONTHLY), folder.resolve("monthly.csv"));
        write(projection.table(Table.YEARLY), folder.resolve("yearly.csv"));
    }

    private static void write(List<Projection.Row> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (Projection.Row row : rows) {
                int decimals = row.metric().isMoney() ? 2 : 3;
                Summary s = row.summary();
                out.write(String.join(",", row.metric().id(), row.group(), row.unit(), row.period(),
                        Numbers.plain(s.mean(), decimals), Numbers.plain(s.p5(), decimals), Numbers.plain(s.p25(), decimals),
                        Numbers.plain(s.p50(), decimals), Numbers.plain(s.p75(), decimals), Numbers.plain(s.p95(), decimals)));
                out.newLine();
            }
        }
    }
}
