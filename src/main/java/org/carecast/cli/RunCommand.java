package org.carecast.cli;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;
import org.carecast.model.StartingMix;
import org.carecast.report.ConsoleSummary;
import org.carecast.report.OutputFolder;
import org.carecast.report.ReportFormat;
import org.carecast.report.RunInfo;
import org.carecast.report.RunReport;
import org.carecast.report.RunShard;
import org.carecast.results.Aggregator;
import org.carecast.results.Projection;
import org.carecast.scenario.AssumptionDraws;
import org.carecast.scenario.AssumptionRange;
import org.carecast.scenario.UncertainScenario;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code carecast run SCENARIO}: simulates the scenario and writes its projection to an output
 * folder (CSV tables, the summary, charts, report.html, workbook.xlsx, a copy of the scenario)
 * and the summary to the console.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate a scenario and write monthly and yearly projections with uncertainty bands.")
final class RunCommand extends SimulatingCommand {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario file name>). Replaced only when the run completes.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N of the replications (say 2/4) and"
            + " write them for 'carecast merge', which gives the same CSVs as one run, however the run is split.")
    String shard;

    static java.util.List<String> withSettings(java.util.List<String> cautions, SettingOptions settings) {
        java.util.List<String> all = new java.util.ArrayList<>(settings.cautions());
        all.addAll(cautions);
        return all;
    }

    /**
     * The start-versus-flows caution, that the budgets are placeholders where the scenario says
     * so, and what the bands hold.
     */
    static java.util.List<String> cautions(Scenario scenario, Model model) {
        return cautions(scenario, model, java.util.List.of());
    }

    /** As {@link #cautions(Scenario, Model)}, the band note naming the ranges. */
    static java.util.List<String> cautions(Scenario scenario, Model model, java.util.List<String> ranged) {
        java.util.List<String> cautions = new java.util.ArrayList<>(StartingMix.of(model).cautions());
        if (scenario.finance().placeholderBudgets()) {
            cautions.add(0, Scenario.Finance.PLACEHOLDER_CAUTION);
        }
        cautions.add(org.carecast.report.BandNote.of(model, ranged));
        return cautions;
    }

    /** The projection, keeping its variance splits only when the run drew assumptions (else they are noise about 0). */
    static Projection withSplitsIfDrawn(Projection projection, Model model, UncertainScenario scenario) {
        return org.carecast.report.BandNote.drawsAssumptions(model, rangedPaths(scenario)) ? projection : projection.withoutSplits();
    }

    /**
     * A scenario's ranged assumptions as the band note names them: in words, with the path
     * (or shared name) that --set and --only take in brackets, each once.
     */
    static java.util.List<String> rangedPaths(UncertainScenario scenario) {
        return scenario.ranges().stream().map(AssumptionRange::key).distinct()
                .map(key -> org.carecast.scenario.FieldWords.of(scenario.central(), key) + " (" + key + ")").toList();
    }

    @Override
    public Integer call() throws Exception {
        UncertainScenario uncertain = ScenarioReader.readUncertain(scenarioFile, settings.settings());
        Scenario scenario = uncertain.central();
        int reps = options.replications(scenario.replications(), spec.commandLine());
        long s = options.seed(scenario.seed());
        ReplicationModels models = AssumptionDraws.of(uncertain, s);
        Model model = models.central();
        int t = Math.min(options.threads(spec.commandLine()), reps);
        SimulationOptions.checkMemory(scenarioFile, java.util.List.of(model), t);
        int[] ahead = shard != null ? shardRange(shard, reps, spec.commandLine()) : new int[] {0, reps};
        java.util.OptionalInt restarted = QuickStart.restartIfLong(java.util.List.of(model), ahead[1] - ahead[0]);
        if (restarted.isPresent()) {
            return restarted.getAsInt();
        }
        boolean quiet = options.quiet;
        if (shard != null) {
            return runShard(uncertain, models, reps, s, t);
        }
        Path folder = out != null ? out : Path.of("out", SimulationOptions.stem(scenarioFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "run");

        Aggregator aggregator = new Aggregator(model, reps);
        ProgressBar progress = ProgressBar.of(spec, reps, quiet);
        Simulator.RunStats stats = Simulator.run(models, reps, s, t, aggregator, progress);
        progress.finish();
        Projection projection = withSplitsIfDrawn(aggregator.projection(stats.threads()), model, uncertain);
        RunInfo info = new RunInfo(VersionProvider.version(), scenarioFile, s, reps, stats.threads(), stats.seconds(),
                stats.events(), withSettings(cautions(scenario, model, rangedPaths(uncertain)), settings), scenario.sources(), folder)
                .withSettings(settings.given);

        write(projection, info, output, formats, spec.commandLine().getOut(), quiet);
        return 0;
    }

    /** Writes a run's projection in every format asked for, and its summary to the console: run's and merge's output. */
    static void write(Projection projection, RunInfo info, OutputFolder output, OutputOptions formats, PrintWriter console,
                      boolean quiet) throws java.io.IOException {
        RunReport report = RunReport.of(projection, info);
        output.write(dir -> ReportFormat.writeAll(formats.formats(), ReportFormat::forRun, report, dir));
        if (!quiet) {
            console.print(ConsoleSummary.render(projection, info));
        }
        console.printf("Wrote %s%s%n", info.outputFolder(), formats.html ? " (open report.html for the summary, charts and tables)" : "");
        console.flush();
    }

    /** The replications {@code from .. to-1} of {@code --shard I/N}; anything but 1 <= I <= N <= replications is refused. */
    static int[] shardRange(String shard, int reps, picocli.CommandLine line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,6})").matcher(shard.trim());
        int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int count = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (index < 1 || count < 1 || index > count || count > reps) {
            throw new picocli.CommandLine.ParameterException(line, "--shard must be I/N with 1 <= I <= N <= the"
                    + " replications (" + reps + "), such as 2/4, found '" + shard + "'");
        }
        return RunShard.range(index, count, reps);
    }

    /** {@code --shard I/N}: runs that shard's replications and writes their cell values and the scenario for merge. */
    private Integer runShard(UncertainScenario uncertain, ReplicationModels models, int reps, long seed, int threads)
            throws java.io.IOException {
        int[] range = shardRange(shard, reps, spec.commandLine());
        int index = Integer.parseInt(shard.trim().split("/")[0]);
        int count = Integer.parseInt(shard.trim().split("/")[1]);
        Path folder = out != null ? out : Path.of("out", SimulationOptions.stem(scenarioFile) + "-shard-" + index + "-of-" + count);
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "run --shard");
        Aggregator cells = new Aggregator(models.central(), reps);
        double[][] values = new double[range[1] - range[0]][];
        ProgressBar progress = ProgressBar.of(spec, range[1] - range[0], options.quiet);
        Simulator.RunStats stats = Simulator.runRange(java.util.List.of(models), range[0], range[1], seed,
                Math.max(1, Math.min(threads, range[1] - range[0])),
                (replication, results) -> values[replication - range[0]] = cells.values(results[0]), progress);
        progress.finish();
        Scenario scenario = uncertain.central();
        output.write(dir -> {
            Path copy = org.carecast.report.ScenarioFiles.copy(scenario.sources(), dir);
            String fingerprint = RunShard.fingerprint(dir.resolve(org.carecast.report.ScenarioFiles.FOLDER), settings.given, seed, reps);
            new RunShard(VersionProvider.version(), scenarioFile.toString(), copy.toString(), settings.given, seed, reps,
                    range[0], range[1], cells.cells(), fingerprint, stats.seconds(), stats.events(), stats.threads(), java.util.List.of(),
                    java.util.List.of()).write(dir, values);
        });
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Wrote shard %d of %d (replications %,d to %,d of %,d) to %s; 'carecast merge' the %d shard folders"
                + " for the run's output%n", index, count, range[0] + 1, range[1], reps, folder, count);
        console.flush();
        return 0;
    }
}
