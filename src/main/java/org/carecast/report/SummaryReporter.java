package org.carecast.report;

import org.carecast.results.Projection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the console summary as {@code summary.txt}, plus how the run was made: {@code run.txt}
 * and the scenario's files in {@code scenario/} (see {@link ScenarioFiles}).
 */
final class SummaryReporter implements Reporter {

    @Override
    public void write(Projection projection, RunInfo info, Path folder) throws IOException {
        Files.writeString(folder.resolve("summary.txt"), ConsoleSummary.render(projection, info), StandardCharsets.UTF_8);
        String run = "carecast " + info.version() + System.lineSeparator()
                + "scenario: " + info.scenarioFile() + System.lineSeparator()
                + "seed: " + info.seed() + System.lineSeparator()
                + "replications: " + info.replications() + System.lineSeparator()
                + "threads: " + info.threads() + " (results do not depend on it)" + System.lineSeparator();
        Path copy = ScenarioFiles.copy(info.scenarioSources(), folder);
        if (copy != null) {
            run += "scenario files as run: " + ScenarioFiles.FOLDER + "/ (re-run from this folder with: carecast run "
                    + copy.toString().replace('\\', '/') + " --seed " + info.seed() + " --replications "
                    + info.replications() + ")" + System.lineSeparator();
        }
        Files.writeString(folder.resolve("run.txt"), run, StandardCharsets.UTF_8);
    }
}
