package org.carecast.cli;

import org.carecast.report.OutputFile;
import org.carecast.scenario.ScenarioReader;
import org.carecast.ssda903.Calibration;
import org.carecast.ssda903.CalibratedScenario;
import org.carecast.ssda903.CareHistory;
import org.carecast.ssda903.PlacementMapping;
import org.carecast.ssda903.Problem;
import org.carecast.ssda903.ProblemLog;
import org.carecast.ssda903.Ssda903Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code carecast calibrate}: reads a council's SSDA903 returns and writes a scenario whose
 * stock, entry, exit and move rates are estimated from them, ready for {@code run}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Estimate a scenario from SSDA903 header and episodes files.")
final class CalibrateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    Ssda903Options input = new Ssda903Options();

    @Option(names = "--as-at", required = true, paramLabel = "DATE", description = "Census date, the first day of a month (YYYY-MM-DD): the scenario's start.")
    LocalDate asAt;

    @Option(names = "--out", required = true, paramLabel = "SCENARIO.yaml", description = "Scenario file to write.")
    Path out;

    @Option(names = "--horizon", defaultValue = "60", paramLabel = "MONTHS", description = "Horizon of the written scenario (default: ${DEFAULT-VALUE}).")
    int horizon;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (asAt.getDayOfMonth() != 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--as-at must be the first day of a month (a scenario starts on one), found " + asAt);
        }
        if (horizon < 1 || horizon > 1200) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--horizon must be from 1 to 1200 months, found " + horizon);
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--out must name a scenario file ending in .yaml or .yml, found " + out);
        }
        List<Path> inputs = new java.util.ArrayList<>(input.headers);
        inputs.addAll(input.episodes);
        inputs.add(input.mapping);
        inputs.addAll(input.uasc);
        OutputFile target = OutputFile.prepare(out, inputs, text -> text.startsWith(CalibratedScenario.FIRST_LINE),
                "a calibrated scenario");
        // The children in care on the as-at date go beside it, in a CSV of their own.
        String stem = out.getFileName().toString().replaceFirst("\\.(?i)ya?ml$", "");
        Path childrenPath = out.resolveSibling(stem + "-children.csv");
        OutputFile childrenTarget = OutputFile.prepare(childrenPath, inputs,
                text -> text.startsWith(CalibratedScenario.CHILDREN_HEADER + "\n")
                        || text.startsWith(CalibratedScenario.CHILDREN_HEADER + ",uasc\n"), "the children of a calibrated scenario");
        // And the children in care month by month before it, for the charts' history.
        Path actualsPath = out.resolveSibling(stem + "-actuals.csv");
        OutputFile actualsTarget = OutputFile.prepare(actualsPath, inputs,
                text -> text.startsWith(CalibratedScenario.ACTUALS_HEADER + "\n"), "the actuals of a calibrated scenario");
        Ssda903Options.Read read = input.read(spec.commandLine());
        PlacementMapping map = read.mapping();
        Ssda903Reader.Returns returns = read.returns();
        ProblemLog problems = returns.problems();
        List<CareHistory.Period> periods = read.periods();
        List<String> warnings = input.check(read, asAt, "--as-at");
        Calibration.Estimates estimates = Calibration.estimate(periods, map, asAt, input.windowYears, input.exitYears(), read.returns().firstDay(),
                read.uasc());
        String step = input.stepWarning(estimates);
        if (step != null) {
            warnings.add(step);
        }
        String sources = input.episodes.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + " with " + input.headers.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        String yaml = CalibratedScenario.yaml(estimates, map, sources,
                input.mapping == null ? "the default mapping" : input.mapping.toString(), horizon, asAt.toEpochDay(),
                childrenPath.getFileName().toString(), input.entryTrend.projection);
        String actuals = CalibratedScenario.actualsCsv(periods, map, read.returns().firstDay(), asAt);
        boolean anyActuals = actuals.indexOf('\n') < actuals.length() - 1;
        if (anyActuals) {
            yaml += "\nactuals: " + actualsPath.getFileName() + "   # children in care by type on the first of each month the"
                    + " returns cover in full, before " + asAt + "; SSDA903 has no spend: add it by month (column spend) from the"
                    + " ledger for a projected outturn\n";
        }

        // The scenario is written only once it reads back as valid (located at its own name).
        boolean childrenExisted = java.nio.file.Files.exists(childrenPath);
        boolean actualsExisted = java.nio.file.Files.exists(actualsPath);
        childrenTarget.write(CalibratedScenario.childrenCsv(estimates, map));
        if (anyActuals) {
            actualsTarget.write(actuals);
        }
        try {
            ScenarioReader.parse(out, yaml);
        } catch (RuntimeException e) {
            if (!childrenExisted) {
                java.nio.file.Files.deleteIfExists(childrenPath);
            }
            if (anyActuals && !actualsExisted) {
                java.nio.file.Files.deleteIfExists(actualsPath);
            }
            throw e;
        }
        target.write(yaml);

        PrintWriter console = spec.commandLine().getOut();
        console.printf("Read %,d episode rows (%,d repeated across years, merged) and %,d children's periods of care.%n",
                returns.episodeRows(), returns.mergedRepeats(), periods.size());
        Map<Problem.Kind, Integer> counts = problems.counts();
        if (counts.isEmpty()) {
            console.println("No bad rows.");
        } else {
            console.println("Skipped bad rows (use --strict to stop at the first):");
            for (Map.Entry<Problem.Kind, Integer> c : counts.entrySet()) {
                console.printf("  %,6d %s, e.g. %s%n", c.getValue(), c.getKey().label(),
                        problems.all().stream().filter(p -> p.kind() == c.getKey()).findFirst().orElseThrow());
            }
        }
        int stock = 0;
        for (int[] byBand : estimates.stock()) {
            for (int n : byBand) {
                stock += n;
            }
        }
        console.printf("On %s: %,d children in care. Over %s to %s: %.1f entries a month (95%% CI %.1f to %.1f).%n",
                asAt, stock, estimates.windowStart(), asAt, estimates.entries().rate(), estimates.entries().lower(),
                estimates.entries().upper());
        for (String warning : warnings) {
            console.println("WARNING: " + warning + ".");
        }
        console.printf("Wrote %s, %s%s%n", out, childrenPath, anyActuals ? " and " + actualsPath : "");
        console.flush();
        return 0;
    }
}
