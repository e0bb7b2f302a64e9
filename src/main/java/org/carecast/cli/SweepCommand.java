package org.carecast.cli;

import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;
import org.carecast.report.OutputFolder;
import org.carecast.report.RunInfo;
import org.carecast.report.RunRecord;
import org.carecast.report.ScenarioFiles;
import org.carecast.report.SweepReport;
import org.carecast.results.SensitivityOutput;
import org.carecast.results.Sweep;
import org.carecast.scenario.AssumptionDraws;
import org.carecast.scenario.CsvTable;
import org.carecast.scenario.InputFile;
import org.carecast.scenario.Overrides;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioException;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.SourceLocation;
import org.carecast.scenario.UncertainScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code carecast sweep SCENARIO --variants FILE}: many variants of one scenario in one JVM,
 * each a row of a CSV ({@code variant,PATH,PATH,...}: the values to set, empty to leave one as
 * written), run paired with the scenario as written, and one table of the chosen outputs for
 * every variant. {@code --vary PATH=V1,V2,...} lists the values instead (several make every
 * combination), and the sweep keeps the CSV they make, which {@code --variants} runs again.
 * Variants run in batches that share the JVM and its compiled code, so a sweep of hundreds
 * does not pay a JVM start for each.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run many variants of a scenario (a CSV of --set values) paired with it, in one JVM, and tabulate them.")
final class SweepCommand implements Callable<Integer> {

    /** Variants run together with the base, per batch: engines per worker stay few. */
    static final int BATCH = 16;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario the variants change.")
    Path scenarioFile;

    @Option(names = "--variants", paramLabel = "FILE", description = "CSV: a column 'variant' (a name),"
            + " then one column per field path (as --set takes them); each row a variant, a cell its value (empty: as written).")
    Path variantsFile;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", description = "Instead of --variants: each value of PATH is"
            + " a variant; repeated for other paths, every combination is. Commas separate the values ([a, b] and {k: v}"
            + " keep theirs); e.g. --vary entries.annualTrend=-0.03,0,0.03.")
    List<String> vary = new ArrayList<>();

    /** The most variants a --vary grid may make: beyond that, a file says which are wanted. */
    static final int MAX_GRID = 10_000;

    /** One variant: its name, its value for each column (empty: as written), and where it was given. */
    private record Variant(String name, List<String> cells, SourceLocation where) {
    }

    /** The variants asked for, and the columns (field paths) they set. */
    private record Variants(List<String> columns, List<Variant> rows, String csv) {
    }

    @Option(names = "--output", paramLabel = "METRIC[:PERIOD]", description = "Tabulate this yearly output (as sensitivity"
            + " takes it); repeatable. Default: pressure:next (net_cost:next without budgets) and net_cost:total.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/sweep-<file name>).")
    Path out;

    @picocli.CommandLine.Mixin
    SimulationOptions options = new SimulationOptions();

    @picocli.CommandLine.Mixin
    SettingOptions settings = new SettingOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((variantsFile == null) == vary.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), variantsFile == null
                    ? "give the variants: --variants FILE, or --vary PATH=V1,V2,... (such as --vary entries.annualTrend=-0.03,0,0.03)"
                    : "give --variants FILE or --vary, not both");
        }
        Variants asked = variantsFile != null ? fromFile(variantsFile) : fromValues(vary, spec.commandLine());
        List<String> columns = asked.columns();
        UncertainScenario base = ScenarioReader.readUncertain(scenarioFile, settings.settings());
        Scenario scenario = base.central();
        int reps = options.replications(scenario.replications(), spec.commandLine());
        long seed = options.seed(scenario.seed());
        int threads = Math.min(options.threads(spec.commandLine()), reps);
        ReplicationModels baseModels = AssumptionDraws.of(base, seed);
        Model central = baseModels.central();
        List<SensitivityOutput> chosen = new ArrayList<>();
        for (String text : outputs) {
            try {
                chosen.add(SensitivityOutput.parse(text, central));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--output " + text + ": " + e.getMessage());
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(SensitivityOutput.defaults(central));
        }

        // Each variant: the scenario with its row's values set, each checked and located at its cell.
        List<String> names = asked.rows().stream().map(Variant::name).toList();
        List<List<String>> values = asked.rows().stream().map(Variant::cells).toList();
        List<ReplicationModels> variants = new ArrayList<>();
        int outputCells = org.carecast.results.OutputSeries.cells(central);
        for (Variant row : asked.rows()) {
            String name = row.name();
            List<Overrides.Setting> set = new ArrayList<>(settings.settings());
            List<String> cells = row.cells();
            for (int c = 0; c < columns.size(); c++) {
                String value = cells.get(c);
                if (!value.isEmpty()) {
                    set.add(new Overrides.Setting(set.size() + 1, columns.get(c), value));
                }
            }
            UncertainScenario variant;
            try {
                variant = ScenarioReader.readUncertain(scenarioFile, set);
                if (!variant.central().start().equals(scenario.start()) || variant.central().horizonMonths() != scenario.horizonMonths()) {
                    throw new ScenarioException(null, "", "a variant must keep the scenario's start and horizon");
                }
                ReplicationModels drawn = AssumptionDraws.of(variant, seed);
                // Its figures are read as the scenario's are: the same types, lines and outputs.
                if (!java.util.Arrays.equals(drawn.central().placements().ids(), central.placements().ids())
                        || org.carecast.results.OutputSeries.cells(drawn.central()) != outputCells) {
                    throw new ScenarioException(null, "", "a variant must keep the scenario's placement types, budget and income lines");
                }
                variants.add(drawn);
            } catch (ScenarioException e) {
                throw new ScenarioException(row.where(), e.field(), "variant '" + name + "': " + e.problem());
            }
        }
        SimulationOptions.checkMemory(scenarioFile, List.of(central), threads * (BATCH + 1));
        java.util.OptionalInt restarted = QuickStart.restartIfLong(List.of(central), (long) reps * (names.size() + 1));
        if (restarted.isPresent()) {
            return restarted.getAsInt();
        }
        Path folder = out != null ? out : Path.of("out", "sweep-" + SimulationOptions.stem(scenarioFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "sweep");

        List<Sweep.Figure> baseFigures = new ArrayList<>();
        List<List<Sweep.Figure>> figures = new ArrayList<>();
        for (int o = 0; o < chosen.size(); o++) {
            figures.add(new ArrayList<>());
        }
        double[][] baseValues = null;
        long events = 0;
        double seconds = 0;
        ProgressBar progress = ProgressBar.of(spec, reps * ((names.size() + BATCH - 1) / BATCH), options.quiet);
        int done = 0;
        for (int from = 0; from < names.size(); from += BATCH) {
            // The base runs once, in the first batch: its replication i is the same in any batch.
            boolean withBase = from == 0;
            List<ReplicationModels> batch = new ArrayList<>();
            if (withBase) {
                batch.add(baseModels);
            }
            batch.addAll(variants.subList(from, Math.min(names.size(), from + BATCH)));
            int inBatch = batch.size() - (withBase ? 1 : 0);
            Sweep sweep = new Sweep(chosen, inBatch, reps, withBase);
            int before = done;
            Simulator.RunStats stats = Simulator.runDrawn(batch, reps, seed, threads, sweep,
                    finished -> progress.accept(before + finished));
            done += reps;
            events += stats.events();
            seconds += stats.seconds();
            if (withBase) {
                baseValues = new double[chosen.size()][];
                for (int o = 0; o < chosen.size(); o++) {
                    baseValues[o] = sweep.base(o);
                    baseFigures.add(sweep.baseFigure(o));
                }
            }
            for (int o = 0; o < chosen.size(); o++) {
                for (int v = 0; v < inBatch; v++) {
                    figures.get(o).add(sweep.figure(o, v, baseValues[o]));
                }
            }
        }
        progress.finish();
        SweepReport report = new SweepReport(names, columns, values, chosen, baseFigures, figures);
        String text = report.text(scenario.name(), reps, seed);
        String summary = text + org.carecast.report.ConsoleSummary.paragraph(String.format(java.util.Locale.ROOT,
                "Simulated %,d events in %.2f s on %d thread(s).", events, seconds, threads)) + System.lineSeparator();
        RunInfo info = new RunInfo(VersionProvider.version(), scenarioFile, seed, reps, threads, seconds, events,
                SettingOptions.cautions(settings.given), scenario.sources(), folder).withSettings(settings.given);
        output.write(dir -> {
            Files.writeString(dir.resolve("sweep.csv"), report.csv(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("variants.csv"), asked.csv(), StandardCharsets.UTF_8);
            Path copy = ScenarioFiles.copy(scenario.sources(), dir);
            List<String> own = new ArrayList<>(List.of("--variants=" + folder.resolve("variants.csv")));
            outputs.forEach(o -> own.add("--output=" + o));
            RunRecord.write(dir, "sweep", info, List.of(), copy == null ? List.of() : List.of(copy), own);
        });
        PrintWriter console = spec.commandLine().getOut();
        if (!options.quiet) {
            console.print(summary);
        }
        console.printf("Wrote %s%n", folder);
        console.flush();
        return 0;
    }

    /** The variants of a CSV file, each located at its row. */
    private static Variants fromFile(Path file) throws java.io.IOException {
        CsvTable table = CsvTable.read(file, InputFile.Kind.DATA);
        List<String> header = table.header();
        if (header.isEmpty() || !header.get(0).equalsIgnoreCase("variant") || header.size() < 2) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "header",
                    "expected 'variant' then one or more field paths, such as variant,entries.annualTrend, found " + String.join(",", header));
        }
        List<String> columns = header.subList(1, header.size());
        List<Variant> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            SourceLocation where = new SourceLocation(file, (int) row.line(), 1);
            if (row.problem() != null) {
                throw new ScenarioException(where, "", row.problem());
            }
            List<String> cells = new ArrayList<>();
            for (int c = 1; c < header.size(); c++) {
                cells.add(row.cell(c));
            }
            rows.add(new Variant(row.cell(0).isEmpty() ? "variant " + (rows.size() + 1) : row.cell(0), cells, where));
        }
        if (rows.isEmpty()) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "", "no variants: add a row per variant");
        }
        // Kept beside the results as given.
        return new Variants(List.copyOf(columns), rows, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * The variants of {@code --vary PATH=V1,V2,...} options: every combination of their values,
     * the first option's values varying slowest, each named by its values ("-0.03 / 5500"); and the CSV that
     * {@code --variants} reads back as the same variants.
     */
    static Variants fromValues(List<String> given, picocli.CommandLine line) {
        List<String> columns = new ArrayList<>();
        List<List<String>> lists = new ArrayList<>();
        long combinations = 1;
        for (String text : given) {
            int eq = text.indexOf('=');
            String path = eq > 0 ? text.substring(0, eq).trim() : "";
            List<String> values = eq > 0 ? splitValues(text.substring(eq + 1)) : List.of();
            if (path.isEmpty() || values.isEmpty() || values.contains("")) {
                throw new picocli.CommandLine.ParameterException(line, "--vary must be PATH=V1,V2,... with a value between"
                        + " every two commas, such as entries.annualTrend=-0.03,0,0.03, found '" + text + "'");
            }
            if (columns.contains(path)) {
                throw new picocli.CommandLine.ParameterException(line, "--vary " + path + " is given twice: list all its"
                        + " values in one, such as " + path + "=" + String.join(",", lists.get(columns.indexOf(path))) + ","
                        + String.join(",", values));
            }
            columns.add(path);
            lists.add(values);
            combinations *= values.size();
            if (combinations > MAX_GRID) {
                throw new picocli.CommandLine.ParameterException(line, "--vary makes more than " + MAX_GRID
                        + " variants; list the ones wanted in a file for --variants");
            }
        }
        List<Variant> rows = new ArrayList<>();
        for (int k = 0; k < combinations; k++) {
            List<String> cells = new ArrayList<>();
            long rest = k;
            for (int c = columns.size() - 1; c >= 0; c--) {
                List<String> values = lists.get(c);
                cells.add(0, values.get((int) (rest % values.size())));
                rest /= values.size();
            }
            // Named by its values, in the order of the paths (the report lists the paths).
            rows.add(new Variant(String.join(" / ", cells), cells, new SourceLocation(java.nio.file.Path.of("--vary"), 1, 1)));
        }
        return new Variants(columns, rows, SweepReport.variantsCsv(columns, rows.stream().map(Variant::name).toList(),
                rows.stream().map(Variant::cells).toList()));
    }

    /** The values of one --vary, split at the commas outside [...], {...} and quotes, each trimmed. */
    static List<String> splitValues(String text) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '[' || ch == '{') {
                depth++;
            } else if ((ch == ']' || ch == '}') && depth > 0) {
                depth--;
            } else if (ch == ',' && depth == 0) {
                values.add(text.substring(from, i).trim());
                from = i + 1;
            }
        }
        values.add(text.substring(from).trim());
        return values;
    }
}
