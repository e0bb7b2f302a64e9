package org.carecast.cli;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.report.OutputFolder;
import org.carecast.report.ReportFormat;
import org.carecast.report.RunInfo;
import org.carecast.report.SensitivityResult;
import org.carecast.results.Sensitivity;
import org.carecast.results.SensitivityOutput;
import org.carecast.scenario.AssumptionDraws;
import org.carecast.scenario.AssumptionRange;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.UncertainScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code carecast sensitivity SCENARIO}: swings every ranged assumption (or those named with
 * {@code --only}) to its low and high value, one at a time, each case paired with the central
 * case by common random numbers, and ranks the assumptions by how far they move the outputs
 * asked for (by default next financial year's pressure and the whole horizon's net cost).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Rank a scenario's ranged assumptions by how much each moves the forecast (one at a time, low and"
                + " high against the central case, common random numbers); writes a tornado chart, a CSV and a table.")
final class SensitivityCommand extends SimulatingCommand {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario, with ranges on the uncertain numbers.")
    Path scenarioFile;

    @Option(names = "--only", paramLabel = "PATH", description = "Swing only this ranged assumption (its path as"
            + " 'validate' lists it, e.g. placementTypes[external_home].weeklyCost, or the name ranges share); repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--output", paramLabel = "METRIC[:PERIOD]", description = "Rank by this yearly output: METRIC as in"
            + " yearly.csv (pressure, net_cost, spend, spill_over, ...), PERIOD a financial year such as 2026/27, 'next'"
            + " (the first full year, the default) or 'total' (the whole horizon); repeatable. Default: pressure:next"
            + " (net_cost:next without budgets) and net_cost:total.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/sensitivity-<file name>)."
            + " Replaced only when the run completes.")
    Path out;

    @Override
    public Integer call() throws Exception {
        UncertainScenario uncertain = ScenarioReader.readUncertain(scenarioFile, settings.settings());
        Scenario scenario = uncertain.central();
        uncertain.checkExtremes();
        int reps = options.replications(scenario.replications(), spec.commandLine());
        long seed = options.seed(scenario.seed());
        int threads = Math.min(options.threads(spec.commandLine()), reps);
        List<AssumptionRange> ranges = chosen(uncertain.ranges());
        Model central = ModelCompiler.compile(scenario);
        List<SensitivityOutput> chosenOutputs = new ArrayList<>();
        for (String text : outputs) {
            try {
                chosenOutputs.add(SensitivityOutput.parse(text, central));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--output " + text + ": " + e.getMessage());
            }
        }
        if (chosenOutputs.isEmpty()) {
            chosenOutputs.addAll(SensitivityOutput.defaults(central));
        }
        // The central case, then each assumption low and high, every other at its central value.
        List<Model> cases = new ArrayList<>();
        List<Sensitivity.Assumption> assumptions = new ArrayList<>();
        cases.add(central);
        for (AssumptionRange r : ranges) {
            UncertainScenario.Swing low = uncertain.swing(r.key(), r.lowUniform());
            UncertainScenario.Swing high = uncertain.swing(r.key(), r.highUniform());
            cases.add(ModelCompiler.compile(low.scenario()));
            cases.add(ModelCompiler.compile(high.scenario()));
            double[] uniforms = new double[reps];
            for (int i = 0; i < reps; i++) {
                uniforms[i] = AssumptionDraws.uniform(seed, i, r.key());
            }
            assumptions.add(new Sensitivity.Assumption(r.key(), r.describe(), r.text(low.value()), r.text(high.value()), uniforms));
        }
        SimulationOptions.checkMemory(scenarioFile, List.of(central), threads * cases.size());
        java.util.OptionalInt restarted = QuickStart.restartIfLong(List.of(central), (long) reps * cases.size());
        if (restarted.isPresent()) {
            return restarted.getAsInt();
        }
        Path folder = out != null ? out : Path.of("out", "sensitivity-" + SimulationOptions.stem(scenarioFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "sensitivity");

        Sensitivity sensitivity = new Sensitivity(assumptions, chosenOutputs, reps);
        ProgressBar progress = ProgressBar.of(spec, reps, options.quiet);
        // The cases, and the run with every range drawn (for the first-order indices), paired.
        List<org.carecast.model.ReplicationModels> all = new ArrayList<>();
        cases.forEach(m -> all.add(org.carecast.model.ReplicationModels.fixed(m)));
        all.add(AssumptionDraws.of(uncertain, seed));
        Simulator.RunStats stats = ranges.isEmpty() ? new Simulator.RunStats(0, 0, 0, 0)
                : Simulator.runDrawn(all, reps, seed, threads, sensitivity, progress);
        progress.finish();
        List<String> cautions = new ArrayList<>(RunCommand.withSettings(List.of(), settings));
        if (scenario.finance().placeholderBudgets()) {
            cautions.add(0, Scenario.Finance.PLACEHOLDER_CAUTION);
        }
        RunInfo info = new RunInfo(VersionProvider.version(), scenarioFile, seed, reps, stats.threads(), stats.seconds(),
                stats.events(), cautions, scenario.sources(), folder).withSettings(settings.given);
        List<String> own = new ArrayList<>();
        only.forEach(p -> own.add("--only=" + p));
        outputs.forEach(o -> own.add("--output=" + o));
        SensitivityResult result = SensitivityResult.of(scenario.name(), sensitivity, info, own);
        output.write(dir -> ReportFormat.writeAll(formats.formats(), ReportFormat::forSensitivity, result, dir));
        PrintWriter console = spec.commandLine().getOut();
        if (!options.quiet) {
            console.print(result.text());
        }
        console.printf("Wrote %s%s%n", folder, formats.html ? " (open report.html for the tornado charts and tables)" : "");
        console.flush();
        return 0;
    }

    /** The ranges to swing: all, or those named with --only (each must be one of them). */
    private List<AssumptionRange> chosen(List<AssumptionRange> all) {
        if (only.isEmpty()) {
            return all;
        }
        List<String> paths = all.stream().map(AssumptionRange::key).toList();
        List<AssumptionRange> out = new ArrayList<>();
        for (String path : only) {
            int i = paths.indexOf(path.trim());
            if (i < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--only " + path + ": not a ranged"
                        + " assumption of " + scenarioFile + (paths.isEmpty() ? " (it gives no ranges)" : "; its ranges are " + paths));
            }
            if (!out.contains(all.get(i))) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
