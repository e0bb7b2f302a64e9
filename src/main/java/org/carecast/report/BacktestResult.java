package org.carecast.report;

import org.carecast.results.Backtest;
import org.carecast.results.Projection;

import java.util.List;

/**
 * What {@code backtest} reports: the forecast from the calibration before the cutoff, scored
 * against what the returns show happened, the console text and the calibrated scenario.
 *
 * @param projection    the forecast
 * @param scored        errors and coverage per series, the total first
 * @param text          the console summary, also written as summary.txt
 * @param calibrated    the scenario calibrated at the cutoff, as YAML
 * @param children      the children in care at the cutoff, the CSV the scenario reads
 * @param charts        the forecast band with the actual counts, built once
 */
public record BacktestResult(Projection projection, List<Backtest.Series> scored, String text, String calibrated,
                             String children, ChartSet charts) {

    public BacktestResult {
        scored = List.copyOf(scored);
    }

    public static BacktestResult of(Projection projection, List<Backtest.Series> scored, String text, String calibrated,
                                    String children) {
        return new BacktestResult(projection, scored, text, calibrated, children,
                ChartSet.of("Back-test from the returns, " + projection.scenario(), () -> List.of(BacktestReport.chart(projection, scored.get(0)))));
    }
}
