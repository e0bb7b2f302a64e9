package org.carecast.report;

import org.carecast.results.Projection;

/**
 * What {@code run} reports: the projection, how the run was made, and its charts (built once,
 * shared by the chart files and the page).
 */
public record RunReport(Projection projection, RunInfo info, ChartSet charts) {

    public static RunReport of(Projection projection, RunInfo info) {
        return new RunReport(projection, info, ChartSet.of(projection.scenario(), () -> Charts.forRun(projection)));
    }
}
