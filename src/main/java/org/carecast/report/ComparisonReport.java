package org.carecast.report;

import org.carecast.results.Comparison;
import org.carecast.results.Comparison.Metric;
import org.carecast.results.Summary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Output of {@code carecast compare}: {@code compare.csv} in tidy form (one row per
 * alternative, metric and period) and a console table per alternative. Savings are the base's
 * spend minus the alternative's, so positive means the alternative costs less, net of its own
 * running and capital costs.
 */
public final class ComparisonReport {

    static final String HEADER = "scenario,metric,unit,period,mean,p5,p25,p50,p75,p95,probability_better";

    private ComparisonReport() {
    }

    public static void writeCsv(List<Comparison.Row> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (Comparison.Row row : rows) {
                int decimals = row.metric().unit().equals("pounds") ? 2 : 3;
                Summary s = row.summary();
                out.write(String.join(",", Csv.field(row.scenario()), row.metric().id(), row.metric().unit(), row.period(),
                        Numbers.plain(s.mean(), decimals), Numbers.plain(s.p5(), decimals), Numbers.plain(s.p25(), decimals),
                        Numbers.plain(s.p50(), decimals), Numbers.plain(s.p75(), decimals), Numbers.plain(s.p95(), decimals),
                        Numbers.plain(row.probabilityBetter(), 4)));
                out.newLine();
            }
        }
    }

    /** The console view: for each alternative, its effect per financial year and over the horizon. */
    public static String render(String base, List<Comparison.Row> rows, RunInfo info) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "carecast %s - compared with %s%n", info.version(), base));
        out.append(String.format(Locale.ROOT, "%d paired replications (common random numbers), seed %d%n%n",
                info.replications(), info.seed()));
        for (String scenario : scenarios(rows)) {
            List<Comparison.Row> mine = rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
            List<String> periods = new ArrayList<>(mine.stream().filter(r -> r.metric() == Metric.SAVING)
                    .map(Comparison.Row::period).toList());
            TextTable table = new TextTable(scenario + " (median, 90% band; positive saving = costs less)", periods);
            table.row("saving, £ million", periods, p -> fixed(find(mine, Metric.SAVING, p).summary().p50() / 1e6, 2));
            table.row("  90% band", periods, p -> band(find(mine, Metric.SAVING, p).summary(), 1e6, 2));
            table.row("  chance it costs less", periods, p -> percent(find(mine, Metric.SAVING, p).probabilityBetter()));
            table.row("children kept in borough (avg)", periods, p -> fixed(find(mine, Metric.KEPT_IN_BOROUGH, p).summary().p50(), 1));
            table.row("external placements avoided (avg)", periods, p -> fixed(find(mine, Metric.EXTERNAL_AVOIDED, p).summary().p50(), 1));
            table.row("  90% band", periods, p -> band(find(mine, Metric.EXTERNAL_AVOIDED, p).summary(), 1, 1));
            table.row("spill-over placements avoided", periods, p -> fixed(find(mine, Metric.SPILL_OVER_AVOIDED, p).summary().p50(), 0));
            table.row("breakdowns avoided", periods, p -> fixed(find(mine, Metric.BREAKDOWNS_AVOIDED, p).summary().p50(), 0));
            table.row("children with 3+ placements avoided", periods, p -> fixed(find(mine, Metric.THREE_PLUS_PLACEMENTS_AVOIDED, p).summary().p50(), 1));
            table.renderTo(out);
            Comparison.Row payback = find(mine, Metric.PAYBACK_MONTHS, "all");
            double median = payback.summary().p50();
            out.append(ConsoleSummary.paragraph(String.format(Locale.ROOT, "Pays for itself %s; within the horizon in %s of replications.",
                    median == 0 ? "from the start (never costs more than the base)"
                            : Double.isInfinite(median) ? "not within the horizon (median)"
                            : String.format(Locale.ROOT, "after %.0f months (median)", median),
                    percent(payback.probabilityBetter())))).append(String.format("%n%n"));
        }
        ConsoleSummary.appendCautions(out, info);
        out.append(ConsoleSummary.paragraph(String.format(Locale.ROOT, "Simulated %,d events in %.2f s on %d thread(s): %.1f million"
                + " events per second.", info.events(), info.seconds(), info.threads(), info.eventsPerSecond() / 1e6)))
                .append(System.lineSeparator());
        return out.toString();
    }

    /** The alternatives in the order the rows give them. */
    static Set<String> scenarios(List<Comparison.Row> rows) {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.scenario()));
        return out;
    }

    /** The row of one metric and period (rows of one scenario). */
    static Comparison.Row find(List<Comparison.Row> rows, Metric metric, String period) {
        return rows.stream().filter(r -> r.metric() == metric && r.period().equals(period)).findFirst().orElseThrow();
    }

    private static String fixed(double x, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", x);
    }

    private static String band(Summary s, double scale, int decimals) {
        String f = "%,." + decimals + "f";
        return String.format(Locale.ROOT, f + " to " + f, s.p5() / scale, s.p95() / scale);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
