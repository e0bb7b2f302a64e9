package org.carecast.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The formats of a back-test ({@link BacktestResult}): what {@link ReportFormat} writes for {@code backtest}. */
final class BacktestReporters {

    private BacktestReporters() {
    }

    /** backtest.csv: errors and coverage per series and month. */
    static Reporter<BacktestResult> csv() {
        return (result, folder) -> BacktestReport.writeCsv(result.scored(), folder.resolve("backtest.csv"));
    }

    /** summary.txt, and the scenario calibrated at the cutoff as calibrated.yaml. */
    static Reporter<BacktestResult> summary() {
        return (result, folder) -> {
            Files.writeString(folder.resolve("summary.txt"), result.text(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("calibrated.yaml"), result.calibrated(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("calibrated-children.csv"), result.children(), StandardCharsets.UTF_8);
        };
    }
}
