package org.carecast.cli;

import org.carecast.ssda903.CalibratedScenario;
import org.carecast.ssda903.CareHistory;
import org.carecast.ssda903.PlacementMapping;
import org.carecast.ssda903.ProblemLog;
import org.carecast.ssda903.Ssda903Exception;
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

    @Option(names = "--uasc", arity = "1..*", paramLabel = "FILE",
            description = "SSDA903 UASC tables (CHILD, DUC), any number of years: unaccompanied asylum-seeking children"
                    + " enter through a stream of their own and are marked among the children at the start.")
    List<Path> uasc = new java.util.ArrayList<>();

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Placement-code mapping (default: the built-in one, documented in the README).")
    Path mapping;

    @Option(names = "--window-years", defaultValue = "3", paramLabel = "N",
            description = "Years before the as-at date or cutoff to estimate rates over (default: ${DEFAULT-VALUE}).")
    int windowYears;

    @Option(names = "--exit-window-years", paramLabel = "N",
            description = "Fit exit hazards to the last N years of the window only (default: the whole window), where"
                    + " children have been leaving care faster or slower lately.")
    Integer exitWindowYears;

    /** Years of the window exits are fitted to. */
    int exitYears() {
        return exitWindowYears == null ? windowYears : exitWindowYears;
    }

    @Option(names = "--strict", description = "Stop at the first bad row instead of skipping and counting bad rows.")
    boolean strict;

    /**
     * How entries are projected from the window: a fitted log-linear trend, the same after a step
     * change where one is found, or the window's average held flat.
     */
    enum EntryTrendChoice {
        fit(CalibratedScenario.EntryProjection.LINE), step(CalibratedScenario.EntryProjection.STEP),
        none(CalibratedScenario.EntryProjection.FLAT);

        final CalibratedScenario.EntryProjection projection;

        EntryTrendChoice(CalibratedScenario.EntryProjection projection) {
            this.projection = projection;
        }
    }

    @Option(names = "--entry-trend", defaultValue = "fit", paramLabel = "fit|step|none",
            description = "Entries: 'fit' a log-linear trend over the window and start from its rate on the as-at date;"
                    + " 'step' the same, fitted only after a step change in entries where one is found; or 'none' for"
                    + " the window's average held flat (default: ${DEFAULT-VALUE}).")
    EntryTrendChoice entryTrend;

    /** What was read: the returns (with their problems), the periods of care, and the mapping. */
    record Read(Ssda903Reader.Returns returns, List<CareHistory.Period> periods, PlacementMapping mapping,
                java.util.Map<String, java.time.LocalDate> uasc) {
    }

    /**
     * Refuses a census date the returns cannot support: before a year of them has passed, or
     * after they end. Returns the warnings to print: files given out of order (merged oldest
     * first), two files for one year, a window reaching back before the data.
     */
    List<String> check(Read read, java.time.LocalDate date, String option) {
        Ssda903Reader.Returns returns = read.returns();
        if (returns.firstDay() == null) {
            throw new Ssda903Exception(episodes.get(0), 0, "no usable episode in the episodes files; nothing to calibrate on");
        }
        java.time.LocalDate first = returns.firstDay();
        java.time.LocalDate last = returns.lastDay();
        if (date.isBefore(first.plusYears(1))) {
            throw new picocli.CommandLine.ParameterException(line(), option + " " + date + " is too early: the returns cover "
                    + first + " to " + last + ", and rates need at least a year of them before " + option
                    + " (so " + first.plusYears(1) + " or later)");
        }
        if (date.isAfter(last.plusDays(1))) {
            throw new picocli.CommandLine.ParameterException(line(), option + " " + date + " is after the returns end ("
                    + last + "): who is in care then is not known; use " + last.plusDays(1) + " or earlier");
        }
        List<String> warnings = new java.util.ArrayList<>();
        if (returns.reordered()) {
            warnings.add("the episodes files were not given oldest first; they were merged oldest first (by the latest date"
                    + " in each), so a later return's copy of an episode wins");
        }
        for (String pair : returns.sameYear()) {
            warnings.add(pair + " cover the same collection year; where they hold the same episode, the one given later wins");
        }
        java.time.LocalDate windowStart = date.minusYears(windowYears);
        if (windowStart.isBefore(first)) {
            warnings.add("the " + windowYears + "-year window from " + windowStart + " starts before the returns do (" + first
                    + "): rates are estimated over the " + String.format(java.util.Locale.ROOT, "%.1f",
                    java.time.temporal.ChronoUnit.DAYS.between(first, date) / org.carecast.model.TimeGrid.DAYS_PER_YEAR) + " years of data from "
                    + first + " (the window is clipped to them). Consider --window-years "
                    + Math.max(1, (int) Math.floor(java.time.temporal.ChronoUnit.DAYS.between(first, date) / org.carecast.model.TimeGrid.DAYS_PER_YEAR + 0.01)));
        }
        return warnings;
    }

    private picocli.CommandLine commandLine;

    private picocli.CommandLine line() {
        return commandLine;
    }

    Read read(picocli.CommandLine line) {
        this.commandLine = line;
        if (windowYears < 1 || windowYears > 50) {
            throw new picocli.CommandLine.ParameterException(line, "--window-years must be from 1 to 50, found " + windowYears);
        }
        if (exitWindowYears != null && (exitWindowYears < 1 || exitWindowYears > windowYears)) {
            throw new picocli.CommandLine.ParameterException(line, "--exit-window-years must be from 1 to --window-years ("
                    + windowYears + "), found " + exitWindowYears);
        }
        PlacementMapping map = mapping == null ? PlacementMapping.defaults() : PlacementMapping.read(mapping);
        Ssda903Reader.Returns returns = Ssda903Reader.read(headers, episodes, new ProblemLog(strict));
        return new Read(returns, CareHistory.build(returns), map, Ssda903Reader.uasc(uasc, returns.problems()));
    }

    /**
     * The warning to print when entries look to have changed at a stroke and the chosen
     * projection runs one line through the change; null when there is none to give.
     */
    String stepWarning(org.carecast.ssda903.Calibration.Estimates estimates) {
        if (entryTrend == EntryTrendChoice.step || estimates.entryStep().breakDay() <= 0) {
            return null;
        }
        return "entries look to have changed at a stroke around " + CalibratedScenario.breakDate(estimates)
                + " (the calibrated scenario says how strongly); --entry-trend step fits only the months after it";
    }
}
