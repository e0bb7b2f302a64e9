package org.carecast.report;

import java.nio.file.Path;
import java.util.List;

/**
 * How a projection was produced, written beside it so a result can be reproduced.
 *
 * @param version      carecast version
 * @param scenarioFile scenario file as given
 * @param seed         seed used
 * @param replications replications run
 * @param threads      worker threads used (never changes the numbers)
 * @param seconds      wall time of the simulation
 * @param events       events processed over all replications
 * @param cautions     what a reader must know before reading the numbers (such as a start that
 *                     the scenario's flows do not sustain), one paragraph each; often none
 * @param scenarioSources every file the scenario was read from, the scenario first (see
 *                     {@link ScenarioFiles}); empty when unknown, and then nothing is copied
 * @param outputFolder the output folder as the user gave it (or its default), for the re-run
 *                     command in run.txt; null when unknown
 * @param settings     values set on the command line ({@code --set PATH=VALUE}), as given, in order
 */
public record RunInfo(String version, Path scenarioFile, long seed, int replications, int threads,
                      double seconds, long events, List<String> cautions, List<Path> scenarioSources,
                      Path outputFolder, List<String> settings) {

    public RunInfo {
        cautions = List.copyOf(cautions);
        scenarioSources = List.copyOf(scenarioSources);
        settings = List.copyOf(settings);
    }

    /** A run with no values set on the command line. */
    public RunInfo(String version, Path scenarioFile, long seed, int replications, int threads,
                   double seconds, long events, List<String> cautions, List<Path> scenarioSources, Path outputFolder) {
        this(version, scenarioFile, seed, replications, threads, seconds, events, cautions, scenarioSources, outputFolder,
                List.of());
    }

    /** The same run, made with these {@code --set} values. */
    public RunInfo withSettings(List<String> given) {
        return new RunInfo(version, scenarioFile, seed, replications, threads, seconds, events, cautions, scenarioSources,
                outputFolder, given);
    }

    /** A run whose scenario files are not copied. */
    public RunInfo(String version, Path scenarioFile, long seed, int replications, int threads,
                   double seconds, long events, List<String> cautions) {
        this(version, scenarioFile, seed, replications, threads, seconds, events, cautions, List.of(), null);
    }

    /** A run with no cautions. */
    public RunInfo(String version, Path scenarioFile, long seed, int replications, int threads,
                   double seconds, long events) {
        this(version, scenarioFile, seed, replications, threads, seconds, events, List.of());
    }

    public double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }
}
