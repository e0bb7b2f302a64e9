package org.carecast.report;

import org.carecast.results.Backtest;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Output of {@code carecast backtest}: a console table of errors and band coverage per series,
 * {@code backtest.csv} month by month, and a chart of the total with the actual counts over the
 * forecast's bands.
 */
public final class BacktestReport {

    static final String HEADER = "group,month,actual,p5,p50,p95,naive_constant,naive_trend";

    private BacktestReport() {
    }

    public static String render(String cutoff, int horizon, List<Backtest.Series> series, String labelOfAll) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Back-test from %s over %d months: children in care on the 1st of each month%n%n",
                cutoff, horizon));
        out.append(String.format(Locale.ROOT, "%-32s %10s %14s %14s %14s%n", "series", "MAPE", "inside 90% band",
                "naive: constant", "naive: trend"));
        for (Backtest.Series s : series) {
            out.append(String.format(Locale.ROOT, "%-32s %9.1f%% %13.0f%% %13.1f%% %13.1f%%%n",
                    s.group().equals("all") ? labelOfAll : s.group(), s.mape() * 100, s.coverage() * 100,
                    s.mapeConstant() * 100, s.mapeTrend() * 100));
        }
        out.append(String.format(Locale.ROOT, "%nMAPE: mean absolute percentage error of the median forecast (months with"
                + " none in care are left out). A 90%% band should hold the actual in about 90%% of months; it allows for"
                + " chance, not for error in the calibrated rates. Naive forecasts: the stock at the cutoff held"
                + " constant, and a line fitted to the 24 months before it.%n"));
        return out.toString();
    }

    public static void writeCsv(List<Backtest.Series> series, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            for (Backtest.Series s : series) {
                for (Backtest.Month m : s.months()) {
                    w.write(String.join(",", s.group(), m.month(), Numbers.plain(m.actual(), 3), Numbers.plain(m.p5(), 3),
                            Numbers.plain(m.p50(), 3), Numbers.plain(m.p95(), 3), Numbers.plain(m.constant(), 3),
                            Numbers.plain(m.trend(), 3)));
                    w.newLine();
                }
            }
        }
    }

    /** The total's forecast band with the actual counts drawn over it. */
    static Charts.Named chart(org.carecast.results.Projection projection, Backtest.Series total) {
        JFreeChart chart = Charts.fan(projection, org.carecast.results.OutputMetric.CHILDREN, "Back-test: children in care, forecast and actual", "children", 1);
        XYPlot plot = chart.getXYPlot();
        XYSeries actual = new XYSeries("Actual");
        for (Backtest.Month m : total.months()) {
            actual.add(java.time.LocalDate.parse(m.month() + "-01").atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                    .toEpochMilli(), m.actual());
        }
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(0xD55E00));
        dots.setSeriesStroke(0, new BasicStroke(2f));
        plot.setDataset(1, new XYSeriesCollection(actual));
        plot.setRenderer(1, dots);
        org.jfree.chart.LegendItemCollection legend = plot.getFixedLegendItems();
        legend.add(dots.getLegendItem(1, 0));
        plot.setFixedLegendItems(legend);
        return new Charts.Named("backtest", "Back-test of the total", chart);
    }
}
