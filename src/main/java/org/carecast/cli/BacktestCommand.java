package org.carecast.cli;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.report.BacktestReport;
import org.carecast.report.BacktestResult;
import org.carecast.report.ReportFormat;
import org.carecast.report.OutputFolder;
import org.carecast.results.Aggregator;
import org.carecast.results.Backtest;
import org.carecast.results.Projection;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;
import org.carecast.ssda903.ActualCensus;
import org.carecast.ssda903.CalibratedScenario;
import org.carecast.ssda903.Calibration;
import org.carecast.ssda903.CareHistory;
import org.carecast.ssda903.PlacementMapping;
import org.carecast.ssda903.Ssda903Exception;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code carecast backtest}: calibrates on the returns up to a cutoff, simulates forward, and
 * scores the forecast against what the returns show happened after the cutoff.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Calibrate on SSDA903 returns before a cutoff, simulate forward and compare with what happened.")
final class BacktestCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    Ssda903Options input = new Ssda903Options();

    @Option(names = "--cutoff", paramLabel = "DATE", split = ",",
            description = "First day of a month: calibrate on what happened before it, forecast from it. Several,"
                    + " comma-separated (or --cutoffs), run a rolling-origin back-test with one table.")
    List<LocalDate> cutoffs = new ArrayList<>();

    @Option(names = "--cutoffs", paramLabel = "DATE,DATE...", split = ",", hidden = true)
    List<LocalDate> moreCutoffs = new ArrayList<>();

    @Option(names = "--horizon", required = true, paramLabel = "MONTHS", description = "Months to forecast and score; the returns must cover them.")
    int horizon;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/backtest-<cutoff>, or out/backtest-rolling).")
    Path out;

    @picocli.CommandLine.Mixin
    SimulationOptions options = new SimulationOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LocalDate> all = new ArrayList<>(cutoffs);
        all.addAll(moreCutoffs);
        if (all.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --cutoff DATE (or several, comma-separated)");
        }
        for (LocalDate cutoff : all) {
            if (cutoff.getDayOfMonth() != 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--cutoff must be the first day of a month, found " + cutoff);
            }
        }
        if (horizon < 1 || horizon > 1200) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--horizon must be from 1 to 1200 months, found " + horizon);
        }
        boolean rolling = all.size() > 1;
        Path folder = out != null ? out : Path.of("out", rolling ? "backtest-rolling" : "backtest-" + all.get(0));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "backtest");
        Ssda903Options.Read read = input.read(spec.commandLine());
        List<String> warnings = new ArrayList<>();
        List<BacktestResult> results = new ArrayList<>();
        for (LocalDate cutoff : all) {
            for (String w : input.check(read, cutoff, "--cutoff")) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
            results.add(runOne(read, cutoff, warnings));
        }
        String text = rolling ? BacktestReport.renderRolling(all, horizon, results) : results.get(0).text();
        output.write(dir -> {
            for (int k = 0; k < results.size(); k++) {
                Path into = rolling ? Files.createDirectories(dir.resolve("cutoff-" + all.get(k))) : dir;
                ReportFormat.writeAll(java.util.List.of(ReportFormat.values()), ReportFormat::forBacktest, results.get(k), into);
            }
            if (rolling) {
                BacktestReport.writeRollingCsv(all, results, dir.resolve("rolling.csv"));
                BacktestReport.rollingCharts(all, horizon, results).writeInto(dir.resolve("charts"));
                Files.writeString(dir.resolve("summary.txt"), text, StandardCharsets.UTF_8);
            }
        });
        PrintWriter console = spec.commandLine().getOut();
        for (String warning : warnings) {
            console.println("WARNING: " + warning + ".");
        }
        if (!options.quiet) {
            console.print(text);
        }
        console.printf("Wrote %s%n", folder);
        console.flush();
        return 0;
    }

    /** Calibrates on what the returns show before {@code cutoff}, simulates forward, and scores it. */
    private BacktestResult runOne(Ssda903Options.Read read, LocalDate cutoff, List<String> warnings) throws java.io.IOException {
        PlacementMapping map = read.mapping();
        List<CareHistory.Period> periods = read.periods();
        LocalDate needed = cutoff.plusMonths(horizon);
        LocalDate last = ActualCensus.lastDay(periods);
        if (last.isBefore(needed.minusMonths(1))) {
            throw new Ssda903Exception(input.episodes.get(input.episodes.size() - 1), 0, "the returns end around " + last
                    + "; a horizon of " + horizon + " months from " + cutoff + " needs them to reach " + needed);
        }
        // Calibration looks only at events before the cutoff and the state on it.
        Calibration.Estimates estimates = Calibration.estimate(periods, map, cutoff, input.windowYears, input.exitYears(), read.returns().firstDay(),
                read.uasc());
        String step = input.stepWarning(estimates);
        if (step != null && !warnings.contains(step)) {
            warnings.add(step);
        }
        String yaml = CalibratedScenario.yaml(estimates, map, "back-test calibration", "mapping", horizon, cutoff.toEpochDay(),
                "calibrated-children.csv", input.entryTrend.projection);
        String children = CalibratedScenario.childrenCsv(estimates, map);
        Model model;
        try {
            model = compileCalibrated(yaml, children);
        } catch (org.carecast.scenario.ScenarioException e) {
            // The scenario exists only in memory here: say which cutoff and field, not a temporary path.
            throw new Ssda903Exception(input.episodes.get(input.episodes.size() - 1), "",
                    "the scenario calibrated at the cutoff " + cutoff + " cannot be run (" + (e.field() == null || e.field().isEmpty()
                            ? "" : "field '" + e.field() + "': ") + e.problem() + "); run calibrate with --as-at " + cutoff
                            + " to see the scenario");
        }
        int reps = options.replications(500, spec.commandLine());
        long seed = options.seed(cutoff.toEpochDay());
        Aggregator aggregator = new Aggregator(model, reps);
        Simulator.run(model, reps, seed, options.threads(spec.commandLine()), aggregator, null);
        Projection projection = aggregator.projection();

        List<String> groups = new ArrayList<>();
        groups.add("all");
        map.types().forEach(t -> groups.add(t.id()));
        double[][] actual = series(ActualCensus.monthly(periods, map, cutoff, horizon));
        // The naive line is fitted to the 24 months before the cutoff, or to fewer where the returns begin later.
        LocalDate dataStart = read.returns().firstDay();
        LocalDate from = cutoff.minusMonths(24);
        if (dataStart != null && from.isBefore(dataStart)) {
            from = dataStart.withDayOfMonth(1).equals(dataStart) ? dataStart : dataStart.withDayOfMonth(1).plusMonths(1);
        }
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(from, cutoff);
        double[][] before = series(ActualCensus.monthly(periods, map, from, Math.max(1, months)));
        List<Backtest.Series> scored = Backtest.score(projection, groups, actual, before);
        String text = BacktestReport.render(cutoff.toString(), horizon, scored, "all children in care");
        return BacktestResult.of(projection, scored, text, yaml, children);
    }

    /**
     * The calibrated scenario compiled from its text and its children's CSV, written for the
     * reader to a private temporary folder that is removed straight after.
     */
    private static Model compileCalibrated(String yaml, String children) throws java.io.IOException {
        Path dir = Files.createTempDirectory("carecast-backtest-");
        try {
            Files.writeString(dir.resolve("calibrated-children.csv"), children, StandardCharsets.UTF_8);
            return ModelCompiler.compile(ScenarioReader.parse(dir.resolve("calibrated.yaml"), yaml));
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** counts[m][t] as series[g][m], g = 0 the total and g = 1 + t each type. */
    private static double[][] series(int[][] counts) {
        int types = counts[0].length;
        double[][] out = new double[types + 1][counts.length];
        for (int m = 0; m < counts.length; m++) {
            for (int t = 0; t < types; t++) {
                out[t + 1][m] = counts[m][t];
                out[0][m] += counts[m][t];
            }
        }
        return out;
    }
}
