package org.carecast.report;

import org.carecast.results.Backtest;
import org.jfree.chart.JFreeChart;

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

    static final String HEADER = "group,month,actual,p5,p50,p95,naive_constant,naive_trend,naive_loglinear";

    private BacktestReport() {
    }

    public static String render(String cutoff, int horizon, List<Backtest.Series> series, String labelOfAll) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Back-test from %s over %d months:%nchildren in care on the 1st of each month%n%n",
                cutoff, horizon));
        out.append(String.format(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s%n", "series", "MAPE", "band",
                "const", "line", "log-lin"));
        for (Backtest.Series s : series) {
            out.append(String.format(Locale.ROOT, "%-28s %7.1f%% %7.0f%% %7.1f%% %7.1f%% %7.1f%%%n",
                    s.group().equals("all") ? labelOfAll : s.group(), s.mape() * 100, s.coverage() * 100,
                    s.mapeConstant() * 100, s.mapeTrend() * 100, s.mapeLogTrend() * 100));
        }
        out.append(System.lineSeparator()).append(ConsoleSummary.wrap(String.format(Locale.ROOT,
                "MAPE: mean absolute percentage error of the median forecast (months with"
                + " none in care are left out). A 90%% band should hold the actual in about 90%% of months; it allows for"
                + " chance and for the estimation error of the calibrated entry, exit and breakdown rates (drawn per replication),"
                + " not for changes the returns before the cutoff did not show. Naive forecasts: the stock at the cutoff"
                + " held constant (const), a straight line (line) and a log-linear line (log-lin, constant %% change a"
                + " month) fitted to the (up to) 24 months of returns before it; band: months inside the 90%% band."),
                80)).append(System.lineSeparator());
        return out.toString();
    }

    /**
     * The rolling-origin table: for each cutoff, the total's error and band coverage over the
     * first 6 months and over the whole horizon, beside the naive forecasts; then the means.
     */
    public static String renderRolling(List<java.time.LocalDate> cutoffs, int horizon, List<BacktestResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Rolling-origin back-test: %d cutoffs, %d months each;%nchildren in care on the 1st of each month, in total%n%n",
                cutoffs.size(), horizon));
        // Under 80 columns, so it reads in a standard terminal.
        out.append(String.format(Locale.ROOT, "%-10s %8s %8s %8s %8s %8s %8s %8s%n", "cutoff", "MAPE 6m", "band 6m",
                "MAPE " + horizon + "m", "band " + horizon + "m", "const", "line", "log-lin"));
        double[] sums = new double[7];
        for (int k = 0; k < cutoffs.size(); k++) {
            Backtest.Series total = results.get(k).scored().get(0);
            Backtest.Score six = total.over(6);
            Backtest.Score whole = total.over(horizon);
            double[] row = {six.mape(), six.coverage(), whole.mape(), whole.coverage(), whole.mapeConstant(), whole.mapeTrend(),
                whole.mapeLogTrend()};
            out.append(rollingRow(cutoffs.get(k).toString(), row));
            for (int i = 0; i < row.length; i++) {
                sums[i] += row[i] / cutoffs.size();
            }
        }
        out.append(rollingRow("mean", sums));
        out.append(String.format(Locale.ROOT, "%nBy series, mean over the cutoffs (%d months):%n%n%-28s %8s %8s %8s %8s %8s%n",
                horizon, "series", "MAPE", "band", "const", "line", "log-lin"));
        List<Backtest.Series> first = results.get(0).scored();
        for (int g = 0; g < first.size(); g++) {
            double[] mean = new double[7];
            for (BacktestResult result : results) {
                Backtest.Series s = result.scored().get(g);
                Backtest.Score six = s.over(6);
                Backtest.Score whole = s.over(horizon);
                double[] row = {six.mape(), six.coverage(), whole.mape(), whole.coverage(), whole.mapeConstant(),
                    whole.mapeTrend(), whole.mapeLogTrend()};
                for (int i = 0; i < row.length; i++) {
                    mean[i] += row[i] / results.size();
                }
            }
            String name = first.get(g).group().equals("all") ? "all children in care" : first.get(g).group();
            out.append(String.format(Locale.ROOT, "%-28s %7.1f%% %7.0f%% %7.1f%% %7.1f%% %7.1f%%%n", name,
                    mean[2] * 100, mean[3] * 100, mean[4] * 100, mean[5] * 100, mean[6] * 100));
        }
        out.append(System.lineSeparator()).append(ConsoleSummary.wrap(String.format(Locale.ROOT,
                "MAPE: mean absolute percentage error of the median forecast; band: share of"
                + " months whose actual lies inside the 90%% band. Naive forecasts, their MAPE over the horizon: const, the"
                + " stock at the cutoff held constant; line and log-lin, a straight line and a log-linear line (constant %%"
                + " change a month) fitted to the (up to) 24 months of returns before it. Every series' 6-month figures are"
                + " in rolling.csv. A small series' percentage error is large for a difference of a few children. Each cutoff's own"
                + " tables are in its folder (cutoff-DATE/summary.txt); every figure is in rolling.csv and"
                + " charts/rolling.png."), 80)).append(System.lineSeparator());
        return out.toString();
    }

    private static String rollingRow(String label, double[] row) {
        return String.format(Locale.ROOT, "%-10s %7.1f%% %7.0f%% %7.1f%% %7.0f%% %7.1f%% %7.1f%% %7.1f%%%n", label,
                row[0] * 100, row[1] * 100, row[2] * 100, row[3] * 100, row[4] * 100, row[5] * 100, row[6] * 100);
    }

    /** rolling.csv: one row per cutoff, series and span (6 months and the whole horizon). */
    public static void writeRollingCsv(List<java.time.LocalDate> cutoffs, List<BacktestResult> results, Path file)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("cutoff,group,months,mape,coverage,mape_naive_constant,mape_naive_trend,mape_naive_loglinear");
            w.newLine();
            for (int k = 0; k < cutoffs.size(); k++) {
                for (Backtest.Series s : results.get(k).scored()) {
                    for (int span : new int[] {6, s.months().size()}) {
                        Backtest.Score score = s.over(span);
                        w.write(String.join(",", cutoffs.get(k).toString(), s.group(), Integer.toString(score.months()),
                                Numbers.plain(score.mape(), 4), Numbers.plain(score.coverage(), 4),
                                Numbers.plain(score.mapeConstant(), 4), Numbers.plain(score.mapeTrend(), 4),
                                Numbers.plain(score.mapeLogTrend(), 4)));
                        w.newLine();
                    }
                }
            }
        }
    }

    public static void writeCsv(List<Backtest.Series> series, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            for (Backtest.Series s : series) {
                for (Backtest.Month m : s.months()) {
                    w.write(String.join(",", s.group(), m.month(), Numbers.plain(m.actual(), 3), Numbers.plain(m.p5(), 3),
                            Numbers.plain(m.p50(), 3), Numbers.plain(m.p95(), 3), Numbers.plain(m.constant(), 3),
                            Numbers.plain(m.trend(), 3), Numbers.plain(m.logTrend(), 3)));
                    w.newLine();
                }
            }
        }
    }

    /**
     * The rolling-origin chart: the total's error over the horizon at each cutoff, the model's
     * median beside the naive forecasts, and the share of months inside the band.
     */
    public static ChartSet rollingCharts(List<java.time.LocalDate> cutoffs, int horizon, List<BacktestResult> results) {
        return ChartSet.of("Rolling-origin back-test from the returns", () -> {
            java.util.Map<String, double[]> lines = new java.util.LinkedHashMap<>();
            String[] names = {"carecast median", "naive: constant", "naive: straight line", "naive: log-linear",
                "carecast: months outside the 90% band"};
            for (String n : names) {
                lines.put(n, new double[cutoffs.size()]);
            }
            List<String> labels = new java.util.ArrayList<>();
            for (int k = 0; k < cutoffs.size(); k++) {
                labels.add(cutoffs.get(k).toString().substring(0, 7));
                Backtest.Score s = results.get(k).scored().get(0).over(horizon);
                double[] values = {s.mape(), s.mapeConstant(), s.mapeTrend(), s.mapeLogTrend(), 1 - s.coverage()};
                for (int i = 0; i < names.length; i++) {
                    lines.get(names[i])[k] = values[i] * 100;
                }
            }
            return List.of(new Charts.Named("rolling", "Rolling-origin back-test",
                    Charts.byCutoff("Rolling-origin back-test: children in care, " + horizon + " months from each cutoff",
                            "percent", labels, lines)));
        });
    }

    /** The total's forecast band with the actual counts drawn over it. */
    static Charts.Named chart(org.carecast.results.Projection projection, Backtest.Series total) {
        JFreeChart chart = Charts.fan(projection, org.carecast.results.OutputMetric.CHILDREN, "Back-test: children in care, forecast and actual", "children", 1);
        Charts.addActual(chart.getXYPlot(), "Actual", total.months().stream().map(Backtest.Month::month).toList(),
                total.months().stream().map(m -> (double) m.actual()).toList(), false);
        return new Charts.Named("backtest", "Back-test of the total", chart);
    }
}
