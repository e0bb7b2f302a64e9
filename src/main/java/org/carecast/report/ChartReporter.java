package org.carecast.report;

import org.carecast.results.Projection;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the run's charts as PNG and SVG into {@code charts/}. */
final class ChartReporter implements Reporter {

    @Override
    public void write(Projection projection, RunInfo info, Path folder) throws IOException {
        ChartFiles.write(Charts.forRun(projection), folder.resolve("charts"));
    }
}
