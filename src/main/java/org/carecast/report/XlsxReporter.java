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
            Workbook wb = XlsxReporter.workbook(out);
            Worksheet summary = wb.newWorksheet("Summary");
            summary.width(0, 110);
            int r = 0;
            summary.value(r, 0, p.scenario());
            summary.style(r++, 0).bold().fontSize(14).set();
            summary.value(r++, 0, String.format("carecast %s, %d replications, seed %d, from %s over %d months",
                    report.info().version(), report.info().replications(), report.info().seed(), p.start(), p.months()));
            r++;
            r = keyFigures(summary, r, p);
            r++;
            for (String sentence : Headlines.forRun(p)) {
                summary.value(r++, 0, sentence);
            }
            r++;
            summary.value(r++, 0, "Sheet 'By year' lays the yearly figures out as finance reads them: a row per measure"
                    + " and placement type, and for each financial year (April to March) the median (P50) with P5 and P95"
                    + " beside it. Sheets 'Yearly' and 'Monthly' hold every figure, one row each, with the mean and more"
                    + " percentiles, for filters and pivot tables.");
            summary.value(r++, 0, "Medians of parts do not add up to the median of the total; means do.");
            for (String caution : report.info().cautions()) {
                summary.value(++r, 0, "Note: " + caution);
            }
            byYear(wb.newWorksheet("By year"), p);
            table(wb.newWorksheet("Yearly"), p, p.table(Table.YEARLY));
            table(wb.newWorksheet("Monthly"), p, p.table(Table.MONTHLY));
            wb.finish();
        }
    }

    /**
     * The yearly figures pivoted: a row per (measure, group) in the projection's order, and for
     * each financial year three columns, P50, P5 and P95, so a year's median sits beside its range.
     */
    private static void byYear(Worksheet sheet, Projection p) {
        List<String> years = new java.util.ArrayList<>();
        java.util.Map<String, java.util.Map<String, Projection.Row>> rows = new java.util.LinkedHashMap<>();
        for (Projection.Row row : p.table(Table.YEARLY)) {
            if (!years.contains(row.period())) {
                years.add(row.period());
            }
            rows.computeIfAbsent(row.metric().id() + "\u0000" + row.group(), k -> new java.util.LinkedHashMap<>())
                    .put(row.period(), row);
        }
        List<String> names = new java.util.ArrayList<>(List.of("measure", "placement type or line", "unit"));
        for (String year : years) {
            names.addAll(List.of(year + " P50", year + " P5", year + " P95"));
        }
        header(sheet, names.toArray(String[]::new), 30, 44, 10);
        int r = 1;
        for (java.util.Map<String, Projection.Row> byPeriod : rows.values()) {
            Projection.Row first = byPeriod.values().iterator().next();
            sheet.value(r, 0, first.metric().label());
            sheet.value(r, 1, first.group().equals("all") ? "all" : p.label(first.group()));
            sheet.value(r, 2, first.unit());
            for (int y = 0; y < years.size(); y++) {
                Projection.Row row = byPeriod.get(years.get(y));
                if (row == null) {
                    continue;
                }
                double[] v = {row.summary().p50(), row.summary().p5(), row.summary().p95()};
                for (int k = 0; k < 3; k++) {
                    if (Double.isFinite(v[k])) {
                        sheet.value(r, 3 + 3 * y + k, v[k]);
                    }
                }
                sheet.range(r, 3 + 3 * y, r, 5 + 3 * y).style().format(format(row.unit())).set();
            }
            r++;
        }
        sheet.freezePane(3, 1);
        sheet.setAutoFilter(0, 0, names.size() - 1);
    }

    private static void table(Worksheet sheet, Projection p, List<Projection.Row> rows) {
        header(sheet, HEADER, 24, 22, 40);
        int r = 1;
        for (Projection.Row row : rows) {
            sheet.value(r, 0, row.metric().id());
            sheet.value(r, 1, row.group());
            sheet.value(r, 2, p.label(row.group()));
            sheet.value(r, 3, row.unit());
            if (row.period().matches("\\d{4}-\\d{2}")) {
                // A month is a date (its first day), shown as "Apr 2025", so it sorts and filters as one.
                sheet.value(r, 4, java.time.LocalDate.parse(row.period() + "-01"));
                sheet.style(r, 4).format("mmm yyyy").set();
            } else {
                sheet.value(r, 4, row.period());
            }
            summary(sheet, r, 5, row.summary(), format(row.unit()));
            r++;
        }
        sheet.setAutoFilter(0, 0, HEADER.length - 1);
    }

    /**
     * The headline figures as a small table, numbers as numbers: pressure (or net cost) in the
     * first two financial years, the projected outturn when there is one, and the children in
     * care at the end, each with its median and 90% range. Returns the next free row.
     */
    private static int keyFigures(Worksheet sheet, int r, Projection p) {
        sheet.width(1, 14);
        sheet.width(2, 14);
        sheet.width(3, 14);
        String[] header = {"Key figure", "Median", "P5", "P95"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(r, c, header[c]);
        }
        sheet.range(r, 0, r, 3).style().bold().fillColor("EEF4FA").set();
        r++;
        OutputMetric money = p.series(Table.YEARLY, OutputMetric.PRESSURE, "all").isEmpty() ? OutputMetric.NET_COST : OutputMetric.PRESSURE;
        List<Projection.Row> rows = new java.util.ArrayList<>(p.series(Table.YEARLY, money, "all"));
        rows = rows.subList(0, Math.min(2, rows.size()));
        rows = new java.util.ArrayList<>(rows);
        rows.addAll(p.series(Table.YEARLY, OutputMetric.SPEND_OUTTURN, "all"));
        List<Projection.Row> children = p.series(Table.MONTHLY, OutputMetric.CHILDREN, "all");
        rows.add(children.get(children.size() - 1));
        for (Projection.Row row : rows) {
            String when = row.table() == Table.MONTHLY ? "at " + Format.monthLabel(row.period()) : "in " + row.period();
            sheet.value(r, 0, row.metric().label() + ", " + when + (row.metric().isMoney() && p.placeholderBudgets()
                    && row.metric() == OutputMetric.PRESSURE ? " (placeholder budgets)" : ""));
            double[] v = {row.summary().p50(), row.summary().p5(), row.summary().p95()};
            for (int k = 0; k < v.length; k++) {
                sheet.value(r, 1 + k, v[k]);
            }
            sheet.range(r, 1, r, 3).style().format(format(row.unit())).set();
            r++;
        }
        return r;
    }

    /**
     * A workbook with carecast's default style: Arial 11 for every cell not styled otherwise
     * (the spreadsheet's own default varies by program and locale), numbers formatted per cell.
     */
    static Workbook workbook(OutputStream out) {
        Workbook wb = new Workbook(out, "carecast", null);
        wb.setGlobalDefaultFont("Arial", 11);
        return wb;
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
