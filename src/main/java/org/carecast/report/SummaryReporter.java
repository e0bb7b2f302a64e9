package org.carecast.report;

import org.carecast.results.Projection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves the console summary as {@code summary.txt}, plus how the run was made: {@code run.txt}
 * and the scenario's files in {@code scenario/} (see {@link ScenarioFiles}).
 */
final class SummaryReporter implements Reporter<RunReport> {

    @Override
    public void write(RunReport report, Path folder) throws IOException {
        Projection projection = report.projection();
        RunInfo info = report.info();
        Files.writeString(folder.resolve("summary.txt"), ConsoleSummary.render(projection, info), StandardCharsets.UTF_8);
        Path copy = ScenarioFiles.copy(info.scenarioSources(), folder);
        RunRecord.write(folder, "run", info, List.of(), copy == null ? List.of() : List.of(copy));
    }
}
