package org.carecast.report;

import java.nio.file.Path;

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
 */
public record RunInfo(String version, Path scenarioFile, long seed, int replications, int threads,
                      double seconds, long events) {

    public double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }
}
