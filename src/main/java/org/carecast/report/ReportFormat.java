package org.carecast.report;

import java.util.function.Supplier;

/**
 * The output formats, each backed by one {@link Reporter} per command that has it: a run's
 * projection, a comparison, a back-test, a sensitivity run. CSV and the summary are always written; charts,
 * report.html and workbook.xlsx can be switched off. A command without a format writes
 * nothing for it (a back-test has no page or workbook).
 */
public enum ReportFormat {
    /** Tidy CSV tables: monthly.csv and yearly.csv; compare.csv; backtest.csv; sensitivity.csv. */
    CSV(CsvReporter::new, ComparisonReporters::csv, BacktestReporters::csv,
            () -> (result, folder) -> SensitivityReport.writeCsv(result.sensitivity(), folder.resolve("sensitivity.csv"))),
    /** The console summary, saved as summary.txt, with how the result was made (run.txt, scenario copies). */
    SUMMARY(SummaryReporter::new, ComparisonReporters::summary, BacktestReporters::summary, SensitivityReporters::summary),
    /** Charts as PNG and SVG in charts/. */
    CHARTS(() -> (report, folder) -> report.charts().writeInto(folder.resolve("charts")),
            () -> (result, folder) -> result.charts().writeInto(folder.resolve("charts")),
            () -> (result, folder) -> result.charts().writeInto(folder.resolve("charts")),
            () -> (result, folder) -> result.charts().writeInto(folder.resolve("charts"))),
    /** report.html: summary, charts, tables and assumptions in one self-contained page. */
    HTML(HtmlReporter::new, ComparisonReporters::html, Reporter::none,
            () -> (result, folder) -> SensitivityReport.writeHtml(result, folder)),
    /** workbook.xlsx: the tables for finance, numbers as numbers. */
    XLSX(XlsxReporter::new, ComparisonReporters::xlsx, Reporter::none,
            () -> (result, folder) -> SensitivityReport.writeXlsx(result.sensitivity(), folder));

    private final Supplier<Reporter<RunReport>> run;
    private final Supplier<Reporter<ComparisonResult>> comparison;
    private final Supplier<Reporter<BacktestResult>> backtest;
    private final Supplier<Reporter<SensitivityResult>> sensitivity;

    ReportFormat(Supplier<Reporter<RunReport>> run, Supplier<Reporter<ComparisonResult>> comparison,
                 Supplier<Reporter<BacktestResult>> backtest, Supplier<Reporter<SensitivityResult>> sensitivity) {
        this.run = run;
        this.comparison = comparison;
        this.backtest = backtest;
        this.sensitivity = sensitivity;
    }

    public Reporter<SensitivityResult> forSensitivity() {
        return sensitivity.get();
    }

    public Reporter<RunReport> forRun() {
        return run.get();
    }

    public Reporter<ComparisonResult> forComparison() {
        return comparison.get();
    }

    public Reporter<BacktestResult> forBacktest() {
        return backtest.get();
    }
}
