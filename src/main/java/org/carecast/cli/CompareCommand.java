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
import java.util.concurrent.Callable;

/**
 * {@code carecast compare BASE SCENARIO...}: runs every scenario with the same seed, replication
 * by replication, and reports what each alternative changes against the base (paired
 * differences with common random numbers).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare scenarios with a base scenario, replication by replication (common random numbers).")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE", description = "The base scenario, e.g. the status quo.")
    Path baseFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SCENARIO", description = "Scenarios to compare with the base.")
    List<Path> scenarioFiles;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/compare-<base file name>). Replaced only when the run completes.")
    Path out;

    @picocli.CommandLine.Mixin
    SimulationOptions options = new SimulationOptions();

    @picocli.CommandLine.Mixin
    SettingOptions settings = new SettingOptions();

    @picocli.CommandLine.Mixin
    OutputOptions formats = new OutputOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        Path folder = out != null ? out : Path.of("out", "compare-" + SimulationOptions.stem(baseFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "compare");

        Comparison comparison = new Comparison(models, reps);
        List<Aggregator> aggregators = models.stream().map(m -> new Aggregator(m, reps)).toList();
        ProgressBar progress = ProgressBar.forTerminal(reps, options.quiet);
        Simulator.RunStats stats = Simulator.runDrawn(drawn, reps, seed, threads, (index, results) -> {
            comparison.accept(index, results);
            for (int k = 0; k < results.length; k++) {
                aggregators.get(k).accept(index, results[k]);
            }
        }, progress);
        progress.finish();
        List<StartingMix> mixes = models.stream().map(StartingMix::of).toList();
        List<String> cautions = new ArrayList<>(RunCommand.withSettings(startCautions(scenarios, mixes), settings));
        cautions.add(org.carecast.report.BandNote.forComparison(models.get(0), RunCommand.rangedPaths(uncertain.get(0))));
        RunInfo info = new RunInfo(VersionProvider.version(), baseFile, seed, reps, stats.threads(), stats.seconds(),
                stats.events(), cautions, List.of(), folder).withSettings(settings.given);
        List<Comparison.Row> rows = comparison.rows();
        List<org.carecast.results.Projection> projections = aggregators.stream().map(Aggregator::projection).toList();
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
                    info.threads(), info.seconds(), info.events(), RunCommand.withSettings(RunCommand.cautions(scenarios.get(k),
                    models.get(k), RunCommand.rangedPaths(uncertain.get(k)), projections.get(k).splits()), settings)).withSettings(settings.given),
                    scenarios.get(k).sources()));
        }
        ComparisonResult result = ComparisonResult.of(scenarios.get(0).name(), rows, info, scenarioFiles, text, newProvision, own);
        output.write(dir -> {
            for (ReportFormat format : formats.formats()) {
                format.forComparison().write(result, dir);
            }
        });
        PrintWriter console = spec.commandLine().getOut();
        if (!options.quiet) {
            console.print(text);
        }
        console.printf("Wrote %s%s%n", folder, formats.html ? " (open report.html for the summary, charts and tables)" : "");
        console.flush();
        return 0;
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
