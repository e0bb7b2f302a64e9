package org.carecast.cli;

import org.carecast.model.Model;
import org.carecast.report.OutputFolder;
import org.carecast.report.RunInfo;
import org.carecast.report.RunShard;
import org.carecast.report.ScenarioFiles;
import org.carecast.results.Aggregator;
import org.carecast.results.Projection;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.Overrides;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.UncertainScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code carecast merge SHARD...}: the shards of one run ({@code run --shard I/N}, run on any
 * machines) folded in replication order through the same aggregator as a single run, so the
 * output folder's CSVs are byte for byte those of the run done in one piece. Shards must come
 * from the same scenario files, settings, seed, replications and carecast version, and cover
 * every replication once.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Merge the shards of a run (run --shard I/N) into the output a single run writes.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "The shard folders, in any order.")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario file name>). Replaced only when the merge completes.")
    Path out;

    @Option(names = "--quiet", description = "Do not print the summary.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    OutputOptions formats = new OutputOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Shard(Path folder, RunShard meta) {
    }

    @Override
    public Integer call() throws Exception {
        List<Shard> shards = new ArrayList<>();
        for (Path folder : folders) {
            RunShard meta;
            try {
                meta = RunShard.read(folder);
            } catch (java.io.IOException e) {
                throw refuse(e.getMessage());
            }
            String own = RunShard.fingerprint(folder.resolve(ScenarioFiles.FOLDER), meta.settings(), meta.seed(), meta.replications());
            if (!own.equals(meta.fingerprint())) {
                throw refuse(folder + ": its scenario files are not the ones it was run with (they were edited after the run)");
            }
            shards.add(new Shard(folder, meta));
        }
        shards.sort(Comparator.comparingInt(s -> s.meta().from()));
        RunShard first = shards.get(0).meta();
        for (Shard s : shards) {
            RunShard m = s.meta();
            if (!m.version().equals(VersionProvider.version())) {
                throw refuse(s.folder() + " was written by carecast " + m.version() + ", this is " + VersionProvider.version()
                        + ": run every shard with one version");
            }
            if (!m.fingerprint().equals(first.fingerprint()) || m.seed() != first.seed() || m.replications() != first.replications()
                    || m.cells() != first.cells()) {
                throw refuse(s.folder() + " is a shard of another run than " + shards.get(0).folder()
                        + " (scenario files, --set values, seed or replications differ)");
            }
        }
        int expected = 0;
        for (Shard s : shards) {
            if (s.meta().from() != expected) {
                throw refuse(s.meta().from() > expected
                        ? "replications " + (expected + 1) + " to " + s.meta().from() + " of " + first.replications()
                                + " are in none of the shards given: a shard is missing"
                        : s.folder() + " repeats replications " + (s.meta().from() + 1) + " to " + Math.min(expected, s.meta().to())
                                + ": a shard is given twice");
            }
            expected = s.meta().to();
        }
        if (expected != first.replications()) {
            throw refuse("replications " + (expected + 1) + " to " + first.replications() + " are in none of the shards given:"
                    + " a shard is missing");
        }

        // Checked before any values are read: a merge of a large run should not fail at its end.
        Path folder = out != null ? out : Path.of("out", (first.comparison() ? "compare-" : "")
                + SimulationOptions.stem(Path.of(first.scenarioFile())));
        refuseAnInput(folder);
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "merge");
        if (first.comparison()) {
            return mergeComparison(shards, first, folder, output);
        }
        // The scenario as the shards ran it, from the first shard's copy.
        Path copy = shards.get(0).folder().resolve(first.scenarioCopy());
        List<String> settings = first.settings();
        UncertainScenario uncertain = ScenarioReader.readUncertain(copy, Overrides.parse(settings));
        Scenario scenario = uncertain.central();
        Model model = ModelCompiler.compile(scenario);
        Aggregator aggregator = new Aggregator(model, first.replications());
        if (aggregator.cells() != first.cells()) {
            throw refuse("the shards hold " + first.cells() + " figures a replication, the scenario gives " + aggregator.cells());
        }
        org.carecast.engine.Simulator.RunStats stats = readAll(shards, aggregator::acceptValues);
        Projection projection = RunCommand.withSplitsIfDrawn(aggregator.projection(), model, uncertain);
        List<String> cautions = new ArrayList<>(SettingOptions.cautions(settings));
        cautions.addAll(RunCommand.cautions(scenario, model, RunCommand.rangedPaths(uncertain)));
        RunInfo info = new RunInfo(VersionProvider.version(), Path.of(first.scenarioFile()), first.seed(), first.replications(),
                stats.threads(), stats.seconds(), stats.events(), cautions, scenario.sources(), folder).withSettings(settings);
        RunCommand.write(projection, info, output, formats, spec.commandLine().getOut(), quiet);
        return 0;
    }

    /** Shards of {@code compare}: the paired figures and every scenario's cells, folded as one comparison. */
    private Integer mergeComparison(List<Shard> shards, RunShard first, Path folder, OutputFolder output) throws Exception {
        List<Path> files = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        files.add(Path.of(first.scenarioFile()));
        copies.add(shards.get(0).folder().resolve(first.scenarioCopy()));
        for (int k = 0; k < first.compared().size(); k++) {
            files.add(Path.of(first.compared().get(k)));
            copies.add(shards.get(0).folder().resolve(first.comparedCopies().get(k)));
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        List<UncertainScenario> uncertain = new ArrayList<>();
        for (Path copy : copies) {
            UncertainScenario u = ScenarioReader.readUncertain(copy, Overrides.parse(first.settings()));
            uncertain.add(u);
            scenarios.add(u.central());
            models.add(ModelCompiler.compile(u.central()));
        }
        int reps = first.replications();
        org.carecast.results.Comparison comparison = new org.carecast.results.Comparison(models, reps);
        List<Aggregator> aggregators = models.stream().map(m -> new Aggregator(m, reps)).toList();
        int width = comparison.cells() + aggregators.stream().mapToInt(Aggregator::cells).sum();
        if (width != first.cells()) {
            throw refuse("the shards hold " + first.cells() + " figures a replication, the scenarios give " + width);
        }
        org.carecast.engine.Simulator.RunStats stats = readAll(shards, (replication, values) -> {
            int at = comparison.cells();
            comparison.acceptDifferences(replication, java.util.Arrays.copyOfRange(values, 0, at));
            for (Aggregator aggregator : aggregators) {
                aggregator.acceptValues(replication, java.util.Arrays.copyOfRange(values, at, at + aggregator.cells()));
                at += aggregator.cells();
            }
        });
        CompareCommand.write(new CompareCommand.Compared(files, scenarios, models, uncertain, first.settings()), comparison,
                aggregators, reps, first.seed(), stats, folder, output, formats, spec.commandLine().getOut(), quiet);
        return 0;
    }

    /** Feeds every shard's values, in replication order, to {@code sink}; the run's totals of its shards' time and events. */
    private org.carecast.engine.Simulator.RunStats readAll(List<Shard> shards, RunShard.ValuesSink sink) {
        double seconds = 0;
        long events = 0;
        int threads = 0;
        for (Shard s : shards) {
            try {
                s.meta().readValues(s.folder(), sink);
            } catch (java.io.IOException e) {
                throw refuse(e.getMessage());
            }
            seconds += s.meta().seconds();
            events += s.meta().events();
            threads = Math.max(threads, s.meta().threads());
        }
        return new org.carecast.engine.Simulator.RunStats(shards.get(0).meta().replications(), threads, events, seconds);
    }

    /**
     * The merged output replaces its folder when it completes; a shard folder named as the output
     * (or lying inside it) would be lost with it, and the merge could not be run again.
     */
    private void refuseAnInput(Path output) {
        Path target = where(output);
        for (Path folder : folders) {
            if (where(folder).startsWith(target)) {
                throw refuse("the output folder " + output + (where(folder).equals(target) ? " is the shard folder "
                        : " holds the shard folder ") + folder + " being merged; choose another output folder");
            }
        }
    }

    private static Path where(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private picocli.CommandLine.ParameterException refuse(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}
