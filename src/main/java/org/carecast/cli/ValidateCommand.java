package org.carecast.cli;

import org.carecast.model.Model;
import org.carecast.model.StartingMix;
import org.carecast.report.ConsoleSummary;
import org.carecast.scenario.AssumptionRange;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.UncertainScenario;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code carecast validate SCENARIO}: reads and checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a scenario file without running it. Exit status 0 if valid, 2 with a located message if not.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @picocli.CommandLine.Mixin
    SettingOptions settings = new SettingOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        UncertainScenario uncertain = ScenarioReader.readUncertain(scenarioFile, settings.settings());
        Scenario scenario = uncertain.central();
        Model model = ModelCompiler.compile(scenario);
        uncertain.checkExtremes();
        // A scenario that cannot run even one replication at a time is not valid here.
        SimulationOptions.checkMemory(scenarioFile, java.util.List.of(model), 1);
        spec.commandLine().getOut().println(ConsoleSummary.paragraph(String.format(java.util.Locale.ROOT,
                "%s: valid. '%s': %d placement types, %d need levels, %d age bands, %d children at %s, %d months, %d replications, %d interventions.",
                scenarioFile, scenario.name(), model.types(), model.needs().size(), model.ages().size(),
                model.initial().size(), scenario.start(), scenario.horizonMonths(), scenario.replications(),
                scenario.interventions().size())));
        StartingMix mix = StartingMix.of(model);
        PrintWriter out = spec.commandLine().getOut();
        if (scenario.sources().size() > 1) {
            // Which files a value can come from, highest precedence first, as run's copy keeps them.
            out.println(ConsoleSummary.paragraph("Read from " + scenario.sources().size() + " files (a value set in an earlier one wins): "
                    + String.join(", ", scenario.sources().stream().map(p -> p.getFileName().toString()).toList()) + "."));
        }
        if (!uncertain.ranges().isEmpty()) {
            out.println();
            out.println(ConsoleSummary.paragraph("Ranged assumptions (each drawn once per pair of replications; 'sensitivity'"
                    + " swings them one at a time):"));
            for (AssumptionRange r : uncertain.ranges()) {
                String line = "  " + r.key() + ": " + r.describe() + (r.name() != null ? " (shared by every range named so)" : "");
                // A long path on a line of its own, its range indented below it.
                out.println(line.length() <= 80 ? line : "  " + r.key() + ":\n      " + r.describe()
                        + (r.name() != null ? " (shared by every range named so)" : ""));
            }
        }
        out.println();
        out.println(ConsoleSummary.paragraph("Children in care by age: at the start, and what the entries and exits sustain"
                + " in the long run (steady state)"));
        out.printf("  %-10s %10s %10s%n", "age band", "at start", "sustained");
        for (int b = 0; b < mix.bands().length; b++) {
            out.printf(Locale.ROOT, "  %-10s %10d %10.0f%n", mix.bands()[b], mix.atStart()[b], mix.sustained()[b]);
        }
        out.printf(Locale.ROOT, "  %-10s %10d %10.0f%n", "all", mix.childrenAtStart(), mix.childrenSustained());
        if (mix.unsettled()) {
            out.println();
            out.println(ConsoleSummary.paragraph("Note: " + mix.caution()));
        }
        return 0;
    }
}
