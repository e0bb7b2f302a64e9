package org.carecast.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
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

    /**
     * Writes {@code result} in each of {@code formats} into {@code folder}, the formats at the same
     * time on the machine's cores: a run's charts are drawn and encoded while its workbook, page
     * and tables are written (on 2 cores the baseline's outputs took 0.6 s one after another).
     * Each format writes files of its own and the charts they share are drawn under their set's
     * lock, so every file is the same whatever the order. The first failure is thrown once every
     * format has stopped.
     */
    public static <R> void writeAll(Collection<ReportFormat> formats, java.util.function.Function<ReportFormat, Reporter<R>> reporter,
                                    R result, Path folder) throws IOException {
        int workers = Math.min(formats.size(), Runtime.getRuntime().availableProcessors());
        if (workers <= 1) {
            for (ReportFormat format : formats) {
                reporter.apply(format).write(result, folder);
            }
            return;
        }
        // Not the simulation's worker loop (Simulator), which stops at the first failure: here every
        // writer is waited for before anything is thrown, so no file is still being written into a
        // folder that the failure makes OutputFolder give up and delete.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "carecast-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> written = new java.util.ArrayList<>();
            for (ReportFormat format : formats) {
                Reporter<R> writer = reporter.apply(format);
                written.add(pool.submit(() -> {
                    writer.write(result, folder);
                    return null;
                }));
            }
            Throwable first = null;
            for (java.util.concurrent.Future<?> f : written) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing the outputs");
                }
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first instanceof Error error) {
                throw error;
            }
        } finally {
            pool.shutdownNow();
        }
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
