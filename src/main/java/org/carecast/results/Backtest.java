package org.carecast.results;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.ArrayList;
import java.util.List;

/**
 * A forecast set against what happened: for children in care in total and in each placement
 * type, month by month after the cutoff, the simulated median and 90% band beside the actual
 * count; the mean absolute percentage error (MAPE) of the median, the share of months whose
 * actual lies inside the band, and the MAPE of two naive forecasts for scale: the stock at the
 * cutoff held constant, a straight line fitted to the (up to) 24 months before the cutoff, and
 * a log-linear line (a constant percentage change a month) fitted to the same months.
 */
public final class Backtest {

    /** One month of one series. */
    public record Month(String month, double actual, double p5, double p50, double p95, double constant, double trend,
                        double logTrend) {
    }

    /** One series (total or a placement type) month by month, and its scores over the whole horizon. */
    public record Series(String group, List<Month> months) {

        public Series {
            months = List.copyOf(months);
        }

        /** The scores over the first {@code first} months only (all when fewer). */
        public Score over(int first) {
            List<Month> some = months.subList(0, Math.min(first, months.size()));
            double errors = 0;
            double constant = 0;
            double trend = 0;
            double logTrend = 0;
            int scored = 0;
            int inside = 0;
            for (Month m : some) {
                inside += m.actual() >= m.p5() && m.actual() <= m.p95() ? 1 : 0;
                // A month with none in care has no percentage error: it counts for the band only.
                if (m.actual() > 0) {
                    errors += Math.abs(m.p50() - m.actual()) / m.actual();
                    constant += Math.abs(m.constant() - m.actual()) / m.actual();
                    trend += Math.abs(m.trend() - m.actual()) / m.actual();
                    logTrend += Math.abs(m.logTrend() - m.actual()) / m.actual();
                    scored++;
                }
            }
            double n = Math.max(1, scored);
            return new Score(some.size(), errors / n, some.isEmpty() ? 0 : (double) inside / some.size(), constant / n, trend / n,
                    logTrend / n);
        }

        /** MAPE of the median over the horizon, a fraction (0.05 = 5%). */
        public double mape() {
            return over(months.size()).mape();
        }

        /** Share of months whose actual lies inside the 90% band. */
        public double coverage() {
            return over(months.size()).coverage();
        }

        public double mapeConstant() {
            return over(months.size()).mapeConstant();
        }

        public double mapeTrend() {
            return over(months.size()).mapeTrend();
        }

        public double mapeLogTrend() {
            return over(months.size()).mapeLogTrend();
        }
    }

    /** Scores over some months: MAPE of the median, share inside the 90% band, MAPE of the naive forecasts. */
    public record Score(int months, double mape, double coverage, double mapeConstant, double mapeTrend,
                        double mapeLogTrend) {
    }

    private Backtest() {
    }

    /**
     * A least-squares line through the logarithms of {@code before} (the last value at x = 0,
     * earlier months at negative x): exp(predict(m)) is the naive log-linear forecast m months on,
     * a constant percentage change a month.
     */
    static SimpleRegression logLinear(double[] before) {
        SimpleRegression logLine = new SimpleRegression();
        for (int k = 0; k < before.length; k++) {
            // Half a child stands in for none, so a series that was empty for a month still has a logarithm.
            logLine.addData(k - (before.length - 1), Math.log(Math.max(0.5, before[k])));
        }
        return logLine;
    }

    /**
     * @param projection a run from the cutoff
     * @param groups     series to score: "all" and type ids, as in the projection's monthly children
     * @param actual     actual[g][m] for m = 0 .. months (m = 0 is the cutoff)
     * @param before     before[g][k] for the 25 months up to and including the cutoff (k = 24 is the cutoff)
     */
    public static List<Series> score(Projection projection, List<String> groups, double[][] actual, double[][] before) {
        List<Series> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Projection.Row> rows = projection.series(Table.MONTHLY, OutputMetric.CHILDREN, groups.get(g));
            SimpleRegression line = new SimpleRegression();
            for (int k = 0; k < before[g].length; k++) {
                line.addData(k - (before[g].length - 1), before[g][k]);
            }
            SimpleRegression logLine = logLinear(before[g]);
            double start = actual[g][0];
            List<Month> months = new ArrayList<>();
            for (int m = 1; m < rows.size() && m < actual[g].length; m++) {
                Summary s = rows.get(m).summary();
                // A single month before the cutoff has no slope: both lines then hold it constant.
                boolean flat = before[g].length < 2;
                double trend = flat ? start : line.predict(m);
                double logTrend = flat ? start : Math.exp(logLine.predict(m));
                months.add(new Month(rows.get(m).period(), actual[g][m], s.p5(), s.p50(), s.p95(), start, trend, logTrend));
            }
            out.add(new Series(groups.get(g), months));
        }
        return out;
    }
}
