package org.carecast.cli;

import org.carecast.model.Model;
import org.carecast.model.StartingMix;
import org.carecast.report.ConsoleSummary;
import org.carecast.scenario.AssumptionRange;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.RegionReader;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.UncertainScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code carecast validate SCENARIO}: reads and checks a scenario without running it; a region
 * file (councils that share places) is checked as {@code carecast region} reads it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a scenario or region file without running it. Exit status 0 if valid, 2 with a located message if not.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file, or a region file.")
    Path scenarioFile;

    @picocli.CommandLine.Mixin
    SettingOptions settings = new SettingOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (RegionReader.isRegion(scenarioFile)) {
            return validateRegion();
        }
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

    /** A region: every council's scenario read and compiled, the shared types found in each, the rule stated. */
    private int validateRegion() {
        RegionReader.Region region = RegionReader.read(scenarioFile, settings.settings());
        PrintWriter out = spec.commandLine().getOut();
        for (RegionReader.Council c : region.councils()) {
            c.scenario().checkExtremes();
        }
        SimulationOptions.checkMemory(scenarioFile, region.councils().stream().map(RegionReader.Council::model).toList(), 1);
        Scenario first = region.councils().get(0).scenario().central();
        out.println(ConsoleSummary.paragraph(String.format(Locale.ROOT, "%s: a valid region. '%s': %d councils from %s for"
                        + " %d months, %d replications; run it with 'carecast region'.", scenarioFile, region.name(),
                region.councils().size(), first.start(), first.horizonMonths(), region.replications())));
        out.println();
        for (RegionReader.Council c : region.councils()) {
            Model m = c.model();
            out.println(ConsoleSummary.paragraph(String.format(Locale.ROOT, "Council %s: %s ('%s'), %d placement types, %d"
                            + " children at the start.", c.id(), c.file(), c.scenario().central().name(), m.types(), m.initial().size())));
        }
        out.println();
        if (region.pooledTypes().isEmpty()) {
            out.println(ConsoleSummary.paragraph("No places are shared: the councils run side by side."));
        }
        for (int p = 0; p < region.pooledTypes().size(); p++) {
            StringBuilder places = new StringBuilder();
            for (int k = 0; k < region.councils().size(); k++) {
                Model m = region.councils().get(k).model();
                int t = region.pooled().get(p).typeInCouncil()[k];
                places.append(k == 0 ? "" : "; ").append(region.councils().get(k).id()).append(": ")
                        .append(m.capacity().initial()[t]).append(" places at the start, ")
                        .append(m.capacity().placesAfterChanges(t)).append(" by the end");
            }
            out.println(ConsoleSummary.paragraph("Shared: " + region.pooledTypes().get(p) + " (" + places + "), "
                    + region.pooled().get(p).rule() + "."));
        }
        return 0;
    }
}
