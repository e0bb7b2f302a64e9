package org.carecast.cli;

import org.carecast.engine.PooledType;
import org.carecast.engine.RegionReplication;
import org.carecast.engine.ReplicationResult;
import org.carecast.engine.Simulator;
import org.carecast.model.ReplicationModels;
import org.carecast.report.OutputFolder;
import org.carecast.report.RegionReport;
import org.carecast.report.ReportFormat;
import org.carecast.report.RunInfo;
import org.carecast.report.RunReport;
import org.carecast.results.Aggregator;
import org.carecast.results.FigureSummaries;
import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
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

    /** Where each year of one yearly series sits in a council's cell values (-1: the council has no such series). */
    private static int[] cellsOf(Aggregator a, OutputMetric metric, String group, int years) {
        int[] cells = new int[years];
        for (int y = 0; y < years; y++) {
            cells[y] = a.cellIndex(Table.YEARLY, metric, group, y);
        }
        return cells;
    }

    /** One of the region's figures: a yearly series of every council, summed per replication, and its name in region.csv. */
    private record Total(String name, OutputMetric metric) {
    }

    private static final List<Total> TOTALS = List.of(
            new Total("children_at_year_end", OutputMetric.CHILDREN_AT_YEAR_END),
            new Total("spend", OutputMetric.SPEND),
            new Total("net_cost", OutputMetric.NET_COST),
            new Total("spill_over", OutputMetric.SPILL_OVER));

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
        List<Aggregator> baseCells = new ArrayList<>();
        if (base != null) {
            for (int k = 0; k < n; k++) {
                ReplicationModels m = AssumptionDraws.of(base.councils().get(k).scenario(), RegionReplication.councilSeed(seed, k));
                baseModels.add(m);
                baseCells.add(new Aggregator(m.central(), reps));
            }
        }
        int t = Math.min(options.threads(spec.commandLine()), reps);
        SimulationOptions.checkMemory(regionFile, models.stream().map(ReplicationModels::central).toList(), t);
        Path folder = out != null ? out : Path.of("out", SimulationOptions.stem(regionFile));
        OutputFolder output = OutputFolder.prepare(folder, VersionProvider.version(), "region");

        String[] years = aggregators.get(0).periods(Table.YEARLY, OutputMetric.NET_COST, "all");
        List<String> ids = region.councils().stream().map(RegionReader.Council::id).toList();
        // Each figure's cell in each council's values, found once: [council][figure][year], -1 where a council has none.
        List<String> metrics = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Total total : TOTALS) {
            metrics.add(total.name());
            units.add(total.metric().unit());
        }
        int[][][] cells = new int[n][][];
        for (int k = 0; k < n; k++) {
            Aggregator a = aggregators.get(k);
            List<int[]> byFigure = new ArrayList<>();
            for (Total total : TOTALS) {
                byFigure.add(cellsOf(a, total.metric(), "all", years.length));
            }
            for (String type : region.pooledTypes()) {
                byFigure.add(cellsOf(a, OutputMetric.CHILDREN_PLACED_MEAN, type, years.length));
            }
            cells[k] = byFigure.toArray(new int[0][]);
        }
        int shared = region.pooledTypes().isEmpty() ? 0 : 1;
        if (shared == 1) {
            metrics.add("shared_places_children");
            units.add("children");
        }
        int[][] baseCost = new int[n][];
        int[][] baseSpill = new int[n][];
        if (base != null) {
            for (int k = 0; k < n; k++) {
                baseCost[k] = cellsOf(baseCells.get(k), OutputMetric.NET_COST, "all", years.length);
                baseSpill[k] = cellsOf(baseCells.get(k), OutputMetric.SPILL_OVER, "all", years.length);
            }
            metrics.addAll(List.of("net_cost_saving", "spill_over_avoided"));
            units.addAll(List.of("pounds", "placements"));
        }
        int figuresPerCouncil = metrics.size();
        int costFigure = TOTALS.size() - 2;
        int spillFigure = TOTALS.size() - 1;
        // Per replication, [council or the region (index n)][figure][year], flattened; folded in
        // replication order, so memory does not grow with the replications.
        int figureCells = figuresPerCouncil * years.length;
        FigureSummaries summaries = new FigureSummaries((n + 1) * figureCells, reps);
        // A figure a council lacks (its scenario has no such series): no row for it, nor for the region's.
        boolean[][][] absent = new boolean[n + 1][figuresPerCouncil][years.length];
        for (int k = 0; k < n; k++) {
            for (int f = 0; f < TOTALS.size(); f++) {
                for (int y = 0; y < years.length; y++) {
                    absent[k][f][y] = cells[k][f][y] < 0;
                    absent[n][f][y] |= absent[k][f][y];
                }
            }
        }
        ProgressBar progress = ProgressBar.of(spec, reps, options.quiet);
        List<List<ReplicationModels>> runs = base == null ? List.of(models) : List.of(models, baseModels);
        List<List<PooledType>> pools = base == null ? List.of(region.pooled()) : List.of(region.pooled(), base.pooled());
        Simulator.RunStats stats = Simulator.runRegions(runs, pools, reps, seed, t, (index, results) -> {
            double[] mine = new double[(n + 1) * figureCells];
            for (int k = 0; k < n; k++) {
                Aggregator a = aggregators.get(k);
                double[] values = a.values(results[k]);
                a.acceptValues(index, values);
                int at = k * figureCells;
                for (int f = 0; f < TOTALS.size(); f++) {
                    for (int y = 0; y < years.length; y++) {
                        mine[at + f * years.length + y] = cells[k][f][y] < 0 ? 0 : values[cells[k][f][y]];
                    }
                }
                // Children in every shared type, added up.
                for (int f = TOTALS.size(); f < cells[k].length; f++) {
                    for (int y = 0; y < years.length; y++) {
                        mine[at + TOTALS.size() * years.length + y] += cells[k][f][y] < 0 ? 0 : values[cells[k][f][y]];
                    }
                }
                if (base != null) {
                    double[] before = baseCells.get(k).values(results[n + k]);
                    int saving = (TOTALS.size() + shared) * years.length;
                    for (int y = 0; y < years.length; y++) {
                        mine[at + saving + y] = before[baseCost[k][y]] - mine[at + costFigure * years.length + y];
                        mine[at + saving + years.length + y] = before[baseSpill[k][y]] - mine[at + spillFigure * years.length + y];
                    }
                }
            }
            // The region's figures: the councils' summed in this replication, in council order.
            for (int c = 0; c < figureCells; c++) {
                double total = 0;
                for (int k = 0; k < n; k++) {
                    total += mine[k * figureCells + c];
                }
                mine[n * figureCells + c] = total;
            }
            summaries.accept(index, mine);
        }, progress);
        progress.finish();

        List<RegionReport.Row> rows = new ArrayList<>();
        for (int y = 0; y < years.length; y++) {
            for (int f = 0; f < figuresPerCouncil; f++) {
                for (int k = 0; k <= n; k++) {
                    if (!absent[k][f][y]) {
                        rows.add(new RegionReport.Row(years[y], k < n ? ids.get(k) : "region", metrics.get(f), units.get(f),
                                summaries.summary(k * figureCells + f * years.length + y)));
                    }
                }
            }
        }
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
        RegionReport report = new RegionReport(region.name(), Arrays.asList(years), ids, rows, notes);

        List<Projection> projections = new ArrayList<>();
        List<RunInfo> infos = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            RegionReader.Council c = region.councils().get(k);
            Projection projection = RunCommand.withSplitsIfDrawn(aggregators.get(k).projection(), models.get(k).central(),
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
                for (ReportFormat format : formats.formats()) {
                    format.forRun().write(runReport, sub);
                }
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
}
