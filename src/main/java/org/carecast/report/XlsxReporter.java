package org.carecast.report;

import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
import org.carecast.results.Summary;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code workbook.xlsx} for finance: a summary sheet, then the yearly and monthly tables
 * with one row per metric, group and period, as the CSV files have them. Numbers are stored as
 * numbers (never as text) with formats by unit: pounds, per cent, counts; so totals and
 * pivot tables work in the spreadsheet.
 */
final class XlsxReporter implements Reporter<RunReport> {

    static final String[] HEADER = {"metric", "group", "name", "unit", "period", "mean", "p5", "p25", "p50", "p75", "p95"};

    @Override
    public void write(RunReport report, Path folder) throws IOException {
        Projection p = report.projection();
        try (OutputStream out = Files.newOutputStream(folder.resolve("workbook.xlsx"))) {
            Workbook wb = new Workbook(out, "carecast", null);
            Worksheet summary = wb.newWorksheet("Summary");
            summary.width(0, 110);
            int r = 0;
            summary.value(r, 0, p.scenario());
            summary.style(r++, 0).bold().fontSize(14).set();
            summary.value(r++, 0, String.format("carecast %s, %d replications, seed %d, from %s over %d months",
                    report.info().version(), report.info().replications(), report.info().seed(), p.start(), p.months()));
            r++;
            for (String sentence : Headlines.forRun(p)) {
                summary.value(r++, 0, sentence);
            }
            r++;
            summary.value(r++, 0, "Sheets 'Yearly' (financial years, April to March) and 'Monthly' hold every figure: "
                    + "mean and percentiles over replications; p50 is the median, p5 to p95 the 90% range.");
            summary.value(r, 0, "Medians of parts do not add up to the median of the total; means do.");
            table(wb.newWorksheet("Yearly"), p, p.table(Table.YEARLY));
            table(wb.newWorksheet("Monthly"), p, p.table(Table.MONTHLY));
            wb.finish();
        }
    }

    private static void table(Worksheet sheet, Projection p, List<Projection.Row> rows) {
        header(sheet, HEADER, 24, 22, 40);
        int r = 1;
        for (Projection.Row row : rows) {
            sheet.value(r, 0, row.metric().id());
            sheet.value(r, 1, row.group());
            sheet.value(r, 2, p.label(row.group()));
            sheet.value(r, 3, row.unit());
            sheet.value(r, 4, row.period());
            summary(sheet, r, 5, row.summary(), format(row.unit()));
            r++;
        }
    }

    /** A bold, shaded header row that stays in view, and the widths of the first columns. */
    static void header(Worksheet sheet, String[] names, double... widths) {
        for (int c = 0; c < names.length; c++) {
            sheet.value(0, c, names[c]);
        }
        sheet.range(0, 0, 0, names.length - 1).style().bold().fillColor("EEF4FA").set();
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, widths[c]);
        }
        sheet.freezePane(0, 1);
    }

    /**
     * Mean and percentiles in six cells from {@code column}, as numbers in {@code format}. A
     * value that is not finite (a payback that never happens) is left blank, not written as text.
     */
    static void summary(Worksheet sheet, int row, int column, Summary s, String format) {
        double[] v = {s.mean(), s.p5(), s.p25(), s.p50(), s.p75(), s.p95()};
        for (int k = 0; k < v.length; k++) {
            if (Double.isFinite(v[k])) {
                sheet.value(row, column + k, v[k]);
            }
        }
        sheet.range(row, column, row, column + v.length - 1).style().format(format).set();
    }

    private static String format(String unit) {
        return switch (unit) {
            case "pounds" -> "£#,##0";
            case "share" -> "0.0%";
            default -> "#,##0.0";
        };
    }
}
