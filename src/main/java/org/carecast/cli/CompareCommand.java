package org.carecast.cli;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;
import org.carecast.model.StartingMix;
import org.carecast.report.ComparisonResult;
import org.carecast.report.ComparisonReport;
import org.carecast.report.OutputFolder;
import org.carecast.report.PlaceUse;
import org.carecast.report.ReportFormat;
import org.carecast.report.RunInfo;
import org.carecast.report.RunRecord;
import org.carecast.report.RunShard;
import org.carecast.report.ScenarioFiles;
import org.carecast.results.Aggregator;
import org.carecast.results.Comparison;
import org.carecast.scenario.AssumptionDraws;
import org.carecast.scenario.UncertainScenario;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioException;
import org.carecast.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code carecast compare BASE SCENARIO...}: runs every scenario with the same seed, replication
 * by replication, and reports what each alternative changes against the base (paired
 * differences with common random numbers).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare scenarios with a base scenario, replication by replication (common random numbers).")
final class CompareCommand extends SimulatingCommand {

    @Parameters(index = "0", paramLabel = "BASE", description = "The base scenario, e.g. the status quo.")
    Path baseFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SCENARIO", description = "Scenarios to compare with the base.")
    List<Path> scenarioFiles;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/compare-<base file name>). Replaced only when the run completes.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N of the paired replications and"
            + " write them for 'carecast merge' (the scenarios stay paired: each replication of every scenario runs together).")
    String shard;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(baseFile);
        files.addAll(scenarioFiles);
        List<Scenario> scenarios = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        List<UncertainScenario> uncertain = new ArrayList<>();
        for (Path file : files) {
            UncertainScenario read = ScenarioReader.readUncertain(file, settings.settings());
            uncertain.add(read);
            Scenario scenario = read.central();
            Scenario base = scenarios.isEmpty() ? scenario : scenarios.get(0);
            if (!scenario.start().equals(base.start()) || scenario.horizonMonths() != base.horizonMonths()) {
                String field = scenario.start().equals(base.start()) ? "horizon" : "start";
                throw new ScenarioException(ScenarioReader.locate(file, field), field,
                        "a compared scenario must share the base's start and horizon (" + base.start() + ", "
                                + base.horizonMonths() + " months), found " + scenario.start() + ", "
                                + scenario.horizonMonths() + " months");
            }
            scenarios.add(scenario);
        }
        int reps = options.replications(scenarios.get(0).replications(), spec.commandLine());
        long seed = options.seed(scenarios.get(0).seed());
        // Every scenario draws its ranges from the same seed: a range the scenarios share takes the same value.
        List<ReplicationModels> drawn = uncertain.stream().map(u -> AssumptionDraws.of(u, seed)).toList();
        drawn.forEach(d -> models.add(d.central()));
        int threads = Math.min(options.threads(spec.commandLine()), reps);
        SimulationOptions.checkMemory(baseFile, models, threads);
        int[] ahead = shard != null ? RunCommand.shardRange(shard, reps, spec.commandLine()) : new int[] {0, reps};
        java.util.OptionalInt restarted = QuickStart.restartIfLong(models, ahead[1] - ahead[0]);
        if (restarted.isPresent()) {
            return restarted.getAsInt();
        }
        if (shard != null) {
            return runShard(new Compared(files, scenarios, models, uncertain, settings.given), drawn, reps, seed, threads);
        }
        Path folder = out != null ? out : Path.of("out", "compare-" + SimulationOptions.stem(baseFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "compare");

        Comparison comparison = new Comparison(models, reps);
        List<Aggregator> aggregators = models.stream().map(m -> new Aggregator(m, reps)).toList();
        ProgressBar progress = ProgressBar.of(spec, reps, options.quiet);
        Simulator.RunStats stats = Simulator.runDrawn(drawn, reps, seed, threads, (index, results) -> {
            comparison.accept(index, results);
            for (int k = 0; k < results.length; k++) {
                aggregators.get(k).accept(index, results[k]);
            }
        }, progress);
        progress.finish();
        write(new Compared(files, scenarios, models, uncertain, settings.given), comparison, aggregators, reps, seed,
                stats, folder, output, formats, spec.commandLine().getOut(), options.quiet);
        return 0;
    }

    /**
     * {@code --shard I/N}: runs that shard's replications of every scenario together and writes,
     * per replication, the paired figures and each scenario's cells, with every scenario's files.
     */
    private Integer runShard(Compared c, List<ReplicationModels> drawn, int reps, long seed, int threads)
            throws java.io.IOException {
        int[] range = RunCommand.shardRange(shard, reps, spec.commandLine());
        int index = Integer.parseInt(shard.trim().split("/")[0]);
        int count = Integer.parseInt(shard.trim().split("/")[1]);
        Path folder = out != null ? out : Path.of("out", "compare-" + SimulationOptions.stem(baseFile) + "-shard-" + index + "-of-" + count);
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "compare --shard");
        Comparison comparison = new Comparison(c.models(), reps);
        List<Aggregator> aggregators = c.models().stream().map(m -> new Aggregator(m, reps)).toList();
        int width = comparison.cells() + aggregators.stream().mapToInt(Aggregator::cells).sum();
        double[][] values = new double[range[1] - range[0]][];
        ProgressBar progress = ProgressBar.of(spec, range[1] - range[0], options.quiet);
        Simulator.RunStats stats = Simulator.runRange(drawn, range[0], range[1], seed,
                Math.max(1, Math.min(threads, range[1] - range[0])), (replication, results) -> {
                    double[] row = new double[width];
                    double[] d = comparison.differences(results);
                    System.arraycopy(d, 0, row, 0, d.length);
                    int at = d.length;
                    for (int k = 0; k < results.length; k++) {
                        double[] v = aggregators.get(k).values(results[k]);
                        System.arraycopy(v, 0, row, at, v.length);
                        at += v.length;
                    }
                    values[replication - range[0]] = row;
                }, progress);
        progress.finish();
        output.write(dir -> {
            List<String> copies = new ArrayList<>();
            for (int k = 0; k < c.files().size(); k++) {
                // Each scenario's files in a folder of their own: a plan and the base may share a name.
                Path copy = org.carecast.report.ScenarioFiles.copy(c.scenarios().get(k).sources(),
                        dir.resolve(org.carecast.report.ScenarioFiles.FOLDER).resolve(String.valueOf(k)));
                copies.add(Path.of(org.carecast.report.ScenarioFiles.FOLDER, String.valueOf(k)).resolve(copy.toString()).toString());
            }
            String fingerprint = RunShard.fingerprint(dir.resolve(org.carecast.report.ScenarioFiles.FOLDER), c.given(), seed, reps);
            new RunShard(VersionProvider.version(), c.files().get(0).toString(), copies.get(0), c.given(), seed, reps,
                    range[0], range[1], width, fingerprint, stats.seconds(), stats.events(), stats.threads(),
                    c.files().subList(1, c.files().size()).stream().map(Path::toString).toList(),
                    copies.subList(1, copies.size())).write(dir, values);
        });
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Wrote shard %d of %d of the comparison (replications %,d to %,d of %,d) to %s; 'carecast merge'"
                + " the %d shard folders for its output%n", index, count, range[0] + 1, range[1], reps, folder, count);
        console.flush();
        return 0;
    }

    /**
     * The scenarios of a comparison as read: files as given (base first), the scenarios, their
     * central models, their ranges, and the {@code --set} values applied to all.
     */
    record Compared(List<Path> files, List<Scenario> scenarios, List<Model> models, List<UncertainScenario> uncertain,
                    List<String> given) {
    }

    /** The ranged assumptions of every scenario compared, each once, the base's first. */
    private static List<String> rangedInAny(List<UncertainScenario> uncertain) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        uncertain.forEach(u -> all.addAll(RunCommand.rangedPaths(u)));
        return List.copyOf(all);
    }

    private static List<String> withSettings(List<String> cautions, List<String> given) {
        List<String> all = new ArrayList<>(SettingOptions.cautions(given));
        all.addAll(cautions);
        return all;
    }

    /** Writes a comparison's folder and console text from its folded figures: compare's and merge's output. */
    static void write(Compared c, Comparison comparison, List<Aggregator> aggregators, int reps, long seed,
                      Simulator.RunStats stats, Path folder, OutputFolder output, OutputOptions formats, PrintWriter console,
                      boolean quiet) throws java.io.IOException {
        List<Path> files = c.files();
        List<Scenario> scenarios = c.scenarios();
        List<Model> models = c.models();
        List<UncertainScenario> uncertain = c.uncertain();
        List<String> given = c.given();
        List<StartingMix> mixes = models.stream().map(StartingMix::of).toList();
        List<String> cautions = new ArrayList<>(withSettings(startCautions(scenarios, mixes), given));
        cautions.add(org.carecast.report.BandNote.forComparison(models.get(0), rangedInAny(uncertain)));
        RunInfo info = new RunInfo(VersionProvider.version(), files.get(0), seed, reps, stats.threads(), stats.seconds(),
                stats.events(), cautions, List.of(), folder).withSettings(given);
        List<Comparison.Row> rows = comparison.rows();
        List<org.carecast.results.Projection> projections = new ArrayList<>();
        for (int k = 0; k < aggregators.size(); k++) {
            projections.add(RunCommand.withSplitsIfDrawn(aggregators.get(k).projection(stats.threads()), models.get(k), uncertain.get(k)));
        }
        // How each option's new provision (places the base does not have) is used.
        Map<String, List<List<String>>> newProvision = new LinkedHashMap<>();
        Set<String> baseTypes = Set.of(models.get(0).placements().ids());
        for (int k = 1; k < models.size(); k++) {
            Set<String> added = new HashSet<>(List.of(models.get(k).placements().ids()));
            added.removeAll(baseTypes);
            List<List<String>> use = PlaceUse.table(projections.get(k), added);
            if (!use.isEmpty()) {
                newProvision.put(scenarios.get(k).name(), use);
            }
        }
        StringBuilder use = new StringBuilder();
        newProvision.forEach((name, table) -> use.append(PlaceUse.text("New provision in " + name
                + ": how it is used (mean)", table)));
        String comparisonText = ComparisonReport.render(scenarios.get(0).name(), rows, info);
        // The use of new provision belongs with the options, before the notes and the run's statistics.
        int notes = comparisonText.indexOf("\nNote: ");
        int at = notes >= 0 ? notes + 1 : Math.max(0, comparisonText.lastIndexOf("Simulated "));
        String text = comparisonText.substring(0, at) + use + comparisonText.substring(at);

        Set<String> used = new HashSet<>();
        List<ComparisonResult.Scenario> own = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            // Each scenario's own projection, in a folder named after its file.
            String name = SimulationOptions.stem(files.get(k));
            while (!used.add(name)) {
                name = name + "-" + k;
            }
            own.add(new ComparisonResult.Scenario(name, projections.get(k), new RunInfo(info.version(), files.get(k), seed, reps,
                    info.threads(), info.seconds(), info.events(), withSettings(RunCommand.cautions(scenarios.get(k),
                    models.get(k), RunCommand.rangedPaths(uncertain.get(k))), given)).withSettings(given),
                    scenarios.get(k).sources()));
        }
        ComparisonResult result = ComparisonResult.of(scenarios.get(0).name(), rows, info, files.subList(1, files.size()), text, newProvision, own);
        output.write(dir -> ReportFormat.writeAll(formats.formats(), ReportFormat::forComparison, result, dir));
        if (!quiet) {
            console.print(text);
        }
        console.printf("Wrote %s%s%n", folder, formats.html ? " (open report.html for the summary, charts and tables)" : "");
        console.flush();
    }

    /**
     * The start-versus-flows caution of each compared scenario, once per distinct text (the
     * options usually share the base's children at the start, so usually once in all), with
     * what it means for paired savings.
     */
    static List<String> startCautions(List<Scenario> scenarios, List<StartingMix> mixes) {
        Map<String, List<String>> namesByCaution = new LinkedHashMap<>();
        for (int k = 0; k < mixes.size(); k++) {
            for (String caution : mixes.get(k).cautions()) {
                namesByCaution.computeIfAbsent(caution, c -> new ArrayList<>()).add(scenarios.get(k).name());
            }
        }
        List<String> cautions = new ArrayList<>();
        namesByCaution.forEach((caution, names) -> cautions.add(
                (names.size() == mixes.size() ? "In every scenario compared, " : "In " + String.join(", ", names) + ", ")
                        + Character.toLowerCase(caution.charAt(0)) + caution.substring(1) + " Savings compare paired replications that start from the same children, so the"
                        + " mismatch mostly cancels in them; it shows in each scenario's own figures (its folder)."));
        return cautions;
    }
}
