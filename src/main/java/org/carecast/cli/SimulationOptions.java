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

    /** More replications than this take hours and add nothing a user can see in a percentile. */
    static final int MAX_REPLICATIONS = 1_000_000;
    /** Threads beyond this only cost memory: replications are independent and the machine has cores. */
    static final int MAX_THREADS = 512;

    int replications(int fallback, picocli.CommandLine line) {
        int reps = replications != null ? replications : fallback;
        if (reps < 1 || reps > MAX_REPLICATIONS) {
            throw new picocli.CommandLine.ParameterException(line, "--replications must be from 1 to "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_REPLICATIONS) + " (1,000 give stable percentiles), found " + reps);
        }
        return reps;
    }

    /**
     * Refuses, before simulating, scenarios whose children cannot fit in the memory Java may use
     * with {@code threads} replications at once, saying how many children and how much memory.
     */
    static void checkMemory(java.nio.file.Path file, java.util.List<org.carecast.model.Model> models, int threads) {
        double children = 0;
        long bytes = 0;
        for (org.carecast.model.Model model : models) {
            org.carecast.model.PopulationBound bound = org.carecast.model.PopulationBound.of(model);
            children = Math.max(children, bound.children());
            bytes += bound.bytes(threads);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap * 0.6) {
            throw new org.carecast.scenario.ScenarioException(org.carecast.scenario.ScenarioReader.locate(file, "entries"), "entries",
                    String.format(java.util.Locale.ROOT, "too large to run: up to about %,.0f children in care at once,"
                            + " which with %d replications at a time needs about %,.0f MB of memory, more than the %,.0f MB"
                            + " Java may use here. Use fewer --threads, lower the entry rate or its trend, or give Java more"
                            + " memory (JAVA_OPTS=-Xmx8g)", children, threads, bytes / 1048576.0, heap * 0.6 / 1048576.0));
        }
    }

    long seed(long fallback) {
        return seed != null ? seed : fallback;
    }

    int threads(picocli.CommandLine line) {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(line, "--threads must be from 1 to " + MAX_THREADS
                    + " (it never changes the numbers; the default is one per core), found " + t);
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
