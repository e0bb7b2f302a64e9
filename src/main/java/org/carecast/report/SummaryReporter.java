package org.carecast.report;

import org.carecast.results.Projection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves the console summary as {@code summary.txt}, plus {@code run.txt} with how the run was made. */
final class SummaryReporter implements Reporter {

    @Override
    public void write(Projection projection, RunInfo info, Path folder) throws IOException {
        Files.writeString(folder.resolve("summary.txt"), ConsoleSummary.render(projection, info), StandardCharsets.UTF_8);
        String run = "carecast " + info.version() + System.lineSeparator()
                + "scenario: " + info.scenarioFile() + System.lineSeparator()
                + "seed: " + info.seed() + System.lineSeparator()
                + "replications: " + info.replications() + System.lineSeparator()
                + "threads: " + info.threads() + " (results do not depend on it)" + System.lineSeparator();
        Files.writeString(folder.resolve("run.txt"), run, StandardCharsets.UTF_8);
    }
}
