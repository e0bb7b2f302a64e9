package org.carecast.report;

import java.util.function.Supplier;

/** The output formats a run can write, each backed by one {@link Reporter}. */
public enum ReportFormat {
    /** Tidy CSV tables: monthly.csv and yearly.csv. */
    CSV(CsvReporter::new),
    /** The console summary, saved as summary.txt. */
    SUMMARY(SummaryReporter::new),
    /** Charts as PNG and SVG in charts/. */
    CHARTS(ChartReporter::new),
    /** report.html: summary, charts, tables and assumptions in one self-contained page. */
    HTML(HtmlReporter::new),
    /** workbook.xlsx: the tables for finance, numbers as numbers. */
    XLSX(XlsxReporter::new);

    private final Supplier<Reporter> factory;

    ReportFormat(Supplier<Reporter> factory) {
        this.factory = factory;
    }

    public Reporter reporter() {
        return factory.get();
    }
}
