package org.carecast.cli;

import org.carecast.ssda903.CareHistory;
import org.carecast.ssda903.PlacementMapping;
import org.carecast.ssda903.ProblemLog;
import org.carecast.ssda903.Ssda903Reader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The SSDA903 inputs shared by {@code calibrate} and {@code backtest}, and how they are read. */
final class Ssda903Options {

    @Option(names = "--header", required = true, arity = "1..*", paramLabel = "FILE",
            description = "SSDA903 header files (CHILD, SEX, DOB, ...), any number of years.")
    List<Path> headers;

    @Option(names = "--episodes", required = true, arity = "1..*", paramLabel = "FILE",
            description = "SSDA903 episodes files, oldest year first (a later file's copy of an episode wins).")
    List<Path> episodes;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Placement-code mapping (default: the built-in one, documented in the README).")
    Path mapping;

    @Option(names = "--window-years", defaultValue = "3", paramLabel = "N",
            description = "Years before the as-at date or cutoff to estimate rates over (default: ${DEFAULT-VALUE}).")
    int windowYears;

    @Option(names = "--strict", description = "Stop at the first bad row instead of skipping and counting bad rows.")
    boolean strict;

    /** What was read: the returns (with their problems), the periods of care, and the mapping. */
    record Read(Ssda903Reader.Returns returns, List<CareHistory.Period> periods, PlacementMapping mapping) {
    }

    Read read(picocli.CommandLine line) {
        if (windowYears < 1) {
            throw new picocli.CommandLine.ParameterException(line, "--window-years must be at least 1");
        }
        PlacementMapping map = mapping == null ? PlacementMapping.defaults() : PlacementMapping.read(mapping);
        Ssda903Reader.Returns returns = Ssda903Reader.read(headers, episodes, new ProblemLog(strict));
        return new Read(returns, CareHistory.build(returns), map);
    }
}
