package org.carecast.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that simulate: how many replications, which seed, how many threads. */
final class SimulationOptions {

    @Option(names = "--replications", paramLabel = "N", description = "Replications to run (default: the scenario's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Never changes the numbers.")
    Integer threads;

    @Option(names = "--quiet", description = "Do not print the summary or the progress bar.")
    boolean quiet;

    int replications(int fallback, picocli.CommandLine line) {
        int reps = replications != null ? replications : fallback;
        if (reps < 1) {
            throw new picocli.CommandLine.ParameterException(line, "--replications must be at least 1");
        }
        return reps;
    }

    long seed(long fallback) {
        return seed != null ? seed : fallback;
    }

    int threads(picocli.CommandLine line) {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new picocli.CommandLine.ParameterException(line, "--threads must be at least 1");
        }
        return t;
    }

    /**
     * The file name without its extension, made safe as a folder name: the default name of an
     * output folder. Letters, digits, '.', '-' and '_' are kept, anything else becomes '-', and
     * leading dots go, so that no name ("..yaml", "...yaml") can reach outside {@code out/}.
     */
    static String stem(java.nio.file.Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String safe = stem.replaceAll("[^\\p{L}\\p{N}._-]", "-").replaceAll("^\\.+", "");
        return safe.isEmpty() ? "scenario" : safe;
    }
}
