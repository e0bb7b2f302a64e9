package org.carecast.cli;

import org.carecast.engine.PooledType;
import org.carecast.engine.RegionReplication;
import org.carecast.engine.Simulator;
import org.carecast.model.ReplicationModels;
import org.carecast.report.OutputFolder;
import org.carecast.report.RegionReport;
import org.carecast.report.ReportFormat;
import org.carecast.report.RunInfo;
import org.carecast.report.RunReport;
import org.carecast.results.Aggregator;
import org.carecast.results.Projection;
import org.carecast.results.RegionFigures;
import org.carecast.scenario.AssumptionDraws;
import org.carecast.scenario.RegionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code carecast region REGION.yaml}: councils that share places (a regional home, a shared
 * framework) simulated together. Each council's children, entries, prices and budgets are its
 * own; a shared type's places are pooled, first come first served unless the region reserves
 * some of each council's places for its own children. Writes each council's own
 * output folder (the same files as {@code carecast run}) and the region's figures side by side.
 */
@Command(name = "region", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate councils that share places together; write each council's projection and the region's.")
final class RegionCommand extends SimulatingCommand {

    @Parameters(index = "0", paramLabel = "REGION", description = "Region YAML file: councils, their scenarios, the shared types.")
    Path regionFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<region file name>).")
    Path out;

    @Option(names = "--against", paramLabel = "BASE", description = "A region file of the same councils to compare with"
            + " (the status quo, say): each council's saving, paired with common random numbers.")
    Path against;

    @Override
    public Integer call() throws Exception {
        RegionReader.Region region = RegionReader.read(regionFile, settings.settings());
        RegionReader.Region base = against == null ? null : RegionReader.read(against, settings.settings());
        if (base != null) {
            RegionReader.checkSameCouncils(base, region);
        }
        int reps = options.replications(region.replications(), spec.commandLine());
        long seed = options.seed(region.seed());
        int n = region.councils().size();
        List<ReplicationModels> models = new ArrayList<>();
        List<Aggregator> aggregators = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            RegionReader.Council c = region.councils().get(k);
            // Each council's ranges are drawn from its own seed, as its engine draws.
            ReplicationModels m = AssumptionDraws.of(c.scenario(), RegionReplication.councilSeed(seed, k));
            models.add(m);
            aggregators.add(new Aggregator(m.central(), reps));
        }
        List<ReplicationModels> baseModels = new ArrayList<>();
        if (base != null) {
            for (int k = 0; k < n; k++) {
                baseModels.add(AssumptionDraws.of(base.councils().get(k).scenario(), RegionReplication.councilSeed(seed, k)));
            }
        }
        int t = Math.min(options.threads(spec.commandLine()), reps);
        SimulationOptions.checkMemory(regionFile, models.stream().map(ReplicationModels::central).toList(), t);
        java.util.OptionalInt restarted = QuickStart.restartIfLong(models.stream().map(ReplicationModels::central).toList(),
                base != null ? 2L * reps : reps);
        if (restarted.isPresent()) {
            return restarted.getAsInt();
        }
        Path folder = out != null ? out : Path.of("out", SimulationOptions.stem(regionFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "region");

        RegionFigures figures = new RegionFigures(aggregators,
                baseModels.stream().map(ReplicationModels::central).toList(), region.pooledTypes(), reps);
        ProgressBar progress = ProgressBar.of(spec, reps, options.quiet);
        List<List<ReplicationModels>> runs = base == null ? List.of(models) : List.of(models, baseModels);
        List<List<PooledType>> pools = base == null ? List.of(region.pooled()) : List.of(region.pooled(), base.pooled());
        Simulator.RunStats stats = Simulator.runRegions(runs, pools, reps, seed, t, figures::accept, progress);
        progress.finish();

        List<String> ids = region.councils().stream().map(RegionReader.Council::id).toList();
        String[] years = figures.years();
        List<RegionFigures.Figure> named = figures.figures();
        List<RegionReport.Row> rows = new ArrayList<>();
        for (int y = 0; y < years.length; y++) {
            for (int f = 0; f < named.size(); f++) {
                for (int k = 0; k <= n; k++) {
                    if (figures.has(k, f, y)) {
                        rows.add(new RegionReport.Row(years[y], k < n ? ids.get(k) : "region", named.get(f).name(),
                                named.get(f).unit(), figures.summary(k, f, y)));
                    }
                }
            }
        }
        RegionReport report = new RegionReport(region.name(), Arrays.asList(years), ids, rows, notes(region, base));

        List<Projection> projections = new ArrayList<>();
        List<RunInfo> infos = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            RegionReader.Council c = region.councils().get(k);
            Projection projection = RunCommand.withSplitsIfDrawn(aggregators.get(k).projection(stats.threads()), models.get(k).central(),
                    c.scenario());
            projections.add(projection);
            infos.add(new RunInfo(VersionProvider.version(), c.file(), RegionReplication.councilSeed(seed, k), reps,
                    stats.threads(), stats.seconds(), stats.events(),
                    RunCommand.withSettings(RunCommand.cautions(c.scenario().central(), models.get(k).central(),
                            RunCommand.rangedPaths(c.scenario())), settings),
                    c.scenario().central().sources(), folder.resolve(c.id())).withSettings(settings.given));
        }
        String rerun = "carecast region " + regionFile + " --seed " + seed + " --replications " + reps
                + settings.given.stream().map(g -> " --set '" + g + "'").reduce("", String::concat);
        output.write(dir -> {
            for (int k = 0; k < n; k++) {
                Path sub = Files.createDirectories(dir.resolve(ids.get(k)));
                RunReport runReport = RunReport.of(projections.get(k), infos.get(k));
                ReportFormat.writeAll(formats.formats(), ReportFormat::forRun, runReport, sub);
                // A council of a region cannot be re-run on its own (its children shared places with the others').
                Files.writeString(sub.resolve("run.txt"), "carecast " + VersionProvider.version() + "\n"
                        + "council: " + ids.get(k) + " (" + region.councils().get(k).file() + ")\n"
                        + "simulated as part of the region " + regionFile + ", seed " + seed + ", " + reps + " replications;"
                        + " its figures depend on the other councils' use of the shared places, so re-run the region: "
                        + rerun + "\n", java.nio.charset.StandardCharsets.UTF_8);
            }
            report.write(dir, formats.html, formats.charts, formats.xlsx);
            Files.writeString(dir.resolve("run.txt"), "carecast " + VersionProvider.version() + "\nregion: " + regionFile
                    + "\nseed: " + seed + "\nreplications: " + reps + "\nthreads: " + stats.threads()
                    + " (results do not depend on it)\nre-run with the same numbers: " + rerun + "\n",
                    java.nio.charset.StandardCharsets.UTF_8);
        });
        PrintWriter console = spec.commandLine().getOut();
        if (!options.quiet) {
            console.print(report.console());
            console.printf("%nSimulated %,d events in %.2f s on %d thread(s).%n", stats.events(), stats.seconds(), stats.threads());
        }
        console.printf("Wrote %s (%s%s%sregion.csv, region.txt, and each council's own folder: %s)%n", folder,
                formats.html ? "report.html, " : "", formats.xlsx ? "workbook.xlsx, " : "", formats.charts ? "charts/, " : "",
                String.join(", ", ids));
        console.flush();
        return 0;
    }

    /** What region.txt and the page say about how the figures were made: the base, each pool's rule, the bands. */
    private List<String> notes(RegionReader.Region region, RegionReader.Region base) {
        List<String> notes = new ArrayList<>();
        if (base != null) {
            notes.add("Savings are against " + base.name() + " (" + against + "): its figures less this plan's, replication"
                    + " by replication, each council's children the same in both (common random numbers); above zero the"
                    + " plan costs less or sends fewer children to spill-over placements.");
        }
        for (int p = 0; p < region.pooledTypes().size(); p++) {
            PooledType pool = region.pooled().get(p);
            notes.add("Shared places (" + region.pooledTypes().get(p) + "): every council's places of the type are pooled: "
                    + pool.rule() + "." + (pool.reserved() == 0 ? "" : " Another council's child takes a place only while"
                    + " every other council keeps " + pool.reserved() + " of its own free, or all it has free if fewer.")
                    + " Each council pays for its own children there" + (pool.fixedCostsByUse()
                    ? ", and a share of every council's running costs for the places (the type's fixed costs in their"
                    + " scenarios) in proportion to the child-days its children spent there each month."
                    : " and for the places it commissioned (the type's costs in its scenario)."));
        }
        notes.add("Each council's bands hold what its own report says they hold; the region's are of the councils' figures"
                + " summed in each replication. The first council draws exactly what it draws when run alone; the others"
                + " draw from seeds of their own, so councils' children are independent.");
        return notes;
    }
}
