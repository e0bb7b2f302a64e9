package org.carecast.report;

import org.carecast.results.SensitivityOutput;
import org.carecast.results.Sweep;

import java.util.List;
import java.util.Locale;

/**
 * The outputs of {@code carecast sweep}: sweep.csv (a row per variant and output: the values it
 * sets, the output's mean and 90% range, and its paired difference from the scenario as
 * written, with a standard error) and the console table (also summary.txt).
 *
 * @param names     the variants' names, the base ("as written") not included
 * @param columns   the paths the variants set
 * @param settings  per variant, the value set for each path ("" where it is left as written)
 * @param outputs   the outputs
 * @param base      the base's figure per output
 * @param figures   per output, per variant
 */
public record SweepReport(List<String> names, List<String> columns, List<List<String>> settings, List<SensitivityOutput> outputs,
                          List<Sweep.Figure> base, List<List<Sweep.Figure>> figures) {

    /** sweep.csv. */
    /** A variants file ({@code variant,PATH,...}, a row per variant) that {@code sweep --variants} reads. */
    public static String variantsCsv(List<String> columns, List<String> names, List<List<String>> cells) {
        StringBuilder out = new StringBuilder("variant");
        for (String c : columns) {
            out.append(',').append(Csv.field(c));
        }
        out.append('\n');
        for (int v = 0; v < names.size(); v++) {
            out.append(Csv.field(names.get(v)));
            for (String value : cells.get(v)) {
                out.append(',').append(Csv.field(value));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public String csv() {
        StringBuilder out = new StringBuilder("variant");
        for (String c : columns) {
            out.append(',').append(Csv.field(c));
        }
        out.append(",output,mean,p5,p50,p95,difference_from_base,difference_se\n");
        for (int o = 0; o < outputs.size(); o++) {
            row(out, "as written", List.of(), outputs.get(o), base.get(o));
            for (int v = 0; v < names.size(); v++) {
                row(out, names.get(v), settings.get(v), outputs.get(o), figures.get(o).get(v));
            }
        }
        return out.toString();
    }

    private void row(StringBuilder out, String name, List<String> set, SensitivityOutput output, Sweep.Figure f) {
        out.append(Csv.field(name));
        for (int c = 0; c < columns.size(); c++) {
            out.append(',').append(Csv.field(c < set.size() ? set.get(c) : ""));
        }
        out.append(',').append(Csv.field(output.id()));
        for (double v : new double[] {f.summary().mean(), f.summary().p5(), f.summary().p50(), f.summary().p95(), f.difference(),
                f.error()}) {
            out.append(',').append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "");
        }
        out.append('\n');
    }

    /** The console table: per output, each variant's median, 90% range and difference from the base. */
    public String text(String scenario, int replications, long seed) {
        StringBuilder out = new StringBuilder(ConsoleSummary.paragraph(String.format(Locale.ROOT,
                "Sweep of %s: %d variant(s) and the scenario as written, %,d paired replications each (the same children"
                        + " and luck in every variant), seed %d. The variants set %s.", scenario, names.size(), replications, seed,
                String.join(", ", columns))))
                .append("\n\n");
        for (int o = 0; o < outputs.size(); o++) {
            SensitivityOutput output = outputs.get(o);
            out.append(ConsoleSummary.paragraph(output.label() + " (median, 90% range; mean difference from as written)"))
                    .append('\n');
            out.append(line("as written", base.get(o), output, true));
            for (int v = 0; v < names.size(); v++) {
                out.append(line(names.get(v), figures.get(o).get(v), output, false));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String line(String name, Sweep.Figure f, SensitivityOutput output, boolean base) {
        boolean money = output.metric().isMoney();
        String median = money ? Format.millions(f.summary().p50()) : Format.count(f.summary().p50());
        String range = money ? Format.millions(f.summary().p5()) + " to " + Format.millions(f.summary().p95())
                : Format.count(f.summary().p5()) + " to " + Format.count(f.summary().p95());
        String diff = base ? "" : (f.difference() >= 0 ? "+" : "-") + (money ? Format.millions(Math.abs(f.difference()))
                : String.format(Locale.ROOT, "%,.1f", Math.abs(f.difference())));
        String shortName = name.length() > 24 ? name.substring(0, 21) + "..." : name;
        return String.format(Locale.ROOT, "  %-24s %10s  %-22s %10s%n", shortName, median, range, diff);
    }
}
