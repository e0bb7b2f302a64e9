package org.carecast.report;

import org.carecast.results.Sensitivity;
import org.carecast.results.SensitivityOutput;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outputs of {@code carecast sensitivity}: the console table (also summary.txt),
 * sensitivity.csv (one row per output and assumption), report.html (the tornado charts, the
 * tables and how to read them) and workbook.xlsx (the same table, numbers as numbers).
 */
public final class SensitivityReport {

    /** How to read the result, on the page and under the console tables. */
    static final String READING = "Each assumption is set to the low and then the high end of its range (the 5th and"
            + " 95th percentiles for a normal, lognormal or beta range), every other assumption at its central value, and"
            + " the scenario is run with the same children and the same luck as the central case; an effect is the mean"
            + " change from the central case over the paired replications. The widest swings are the assumptions worth"
            + " pinning down first. Effects add up only roughly when several assumptions move at once; the bands of a"
            + " run with ranges show them moving together.";

    private SensitivityReport() {
    }

    /** The console text: for each output, a table of assumptions, widest swing first. */
    static String render(String scenario, Sensitivity s, RunInfo info) {
        StringBuilder out = new StringBuilder();
        out.append(wrap("Sensitivity of " + scenario + String.format(Locale.ROOT,
                ": %d ranged assumption(s), each at its low and high value; %,d replications per case, seed %d.",
                s.swings(0).size(), s.replications(), info.seed()))).append(System.lineSeparator());
        if (s.swings(0).isEmpty()) {
            out.append(wrap("The scenario gives no ranges: write one as {central: C, low: L, high: H} where a number is"
                    + " uncertain (see docs/scenarios.md), or set one with --set PATH='{central: C, low: L, high: H}'."))
                    .append(System.lineSeparator());
        }
        for (int o = 0; o < s.outputs().size() && !s.swings(0).isEmpty(); o++) {
            SensitivityOutput output = s.outputs().get(o);
            List<Sensitivity.Swing> swings = s.swings(o);
            out.append(output.label()).append(": ").append(value(output, swings.get(0).central()))
                    .append(" in the central case (mean)\n");
            List<List<String>> rows = table(swings);
            // The values column as wide as its widest (dates are), the names take what is left of 80 columns.
            int valueWidth = Math.max(15, rows.stream().mapToInt(r -> r.get(1).length()).max().orElse(15));
            int nameWidth = Math.max(12, TextTable.WIDTH - 2 - (valueWidth + 1) - 3 * 10);
            for (List<String> row : rows) {
                out.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %" + valueWidth + "s %9s %9s %9s%n",
                        cut(row.get(0), nameWidth), row.get(1), row.get(2), row.get(3), row.get(4)));
            }
            String alone = alone(swings);
            if (!alone.isEmpty()) {
                out.append(wrap("With every range drawn, the share of the spread each explains alone (first-order): " + alone
                        + "; the rest is chance and assumptions acting together."));
            }
            out.append('\n');
        }
        out.append(wrap(READING)).append('\n');
        if (!info.cautions().isEmpty()) {
            for (String caution : info.cautions()) {
                out.append('\n').append(wrap("Note: " + caution));
            }
        }
        out.append(System.lineSeparator()).append(wrap(String.format(Locale.ROOT, "Simulated %,d events in %.2f s on %d thread(s).",
                info.events(), info.seconds(), info.threads())));
        return out.toString();
    }

    /**
     * "external_semi weeklyCost 45%, standard escalationProbability 20%" for the assumptions that
     * explain 2% or more: below that an estimate from a thousand replications is noise.
     */
    static String alone(List<Sensitivity.Swing> swings) {
        List<String> parts = new ArrayList<>();
        for (Sensitivity.Swing w : swings) {
            if (Double.isFinite(w.firstOrder()) && w.firstOrder() >= 0.02) {
                parts.add(shortName(w.assumption()) + " " + Math.round(100 * w.firstOrder()) + "%");
            }
        }
        return String.join(", ", parts);
    }

    /** Header and rows: assumption, its low / high value, the two effects and the swing. */
    static List<List<String>> table(List<Sensitivity.Swing> swings) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("assumption", "low / high value", "at low", "at high", "swing"));
        for (Sensitivity.Swing w : swings) {
            rows.add(List.of(shortName(w.assumption()), w.lowValue() + " / " + w.highValue(),
                    change(w.output(), w.lowEffect()), change(w.output(), w.highEffect()), value(w.output(), w.width())));
        }
        return rows;
    }

    /** A path as a reader scans it: {@code placementTypes[external_home].weeklyCost} as "external_home weeklyCost". */
    static String shortName(String path) {
        return path.replaceAll("^[A-Za-z]+\\[([^\\]]+)\\]\\.", "$1 ").replace("[", " ").replace("]", "").replace('.', ' ');
    }

    static String fileName(SensitivityOutput output) {
        return (output.metric().id() + "-" + output.period()).replace('/', '-').replace('_', '-');
    }

    private static String value(SensitivityOutput output, double v) {
        return output.metric().isMoney() ? Format.millions(v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String change(SensitivityOutput output, double v) {
        String text = value(output, Math.abs(v));
        if (text.equals(value(output, 0))) {
            return text;
        }
        return (v < 0 ? "-" : "+") + text;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    private static String wrap(String text) {
        return ConsoleSummary.wrap(text, TextTable.WIDTH) + System.lineSeparator();
    }

    /** sensitivity.csv: one row per output and assumption, in rank order, figures unrounded. */
    static void writeCsv(Sensitivity s, Path file) throws IOException {
        StringBuilder out = new StringBuilder("output,rank,assumption,range,low_value,high_value,central_mean,"
                + "low_effect,high_effect,swing,low_effect_se,high_effect_se,first_order_share\n");
        for (int o = 0; o < s.outputs().size(); o++) {
            int rank = 1;
            for (Sensitivity.Swing w : s.swings(o)) {
                out.append(Csv.field(w.output().id())).append(',').append(rank++).append(',').append(Csv.field(w.assumption()))
                        .append(',').append(Csv.field(w.range())).append(',').append(Csv.field(w.lowValue())).append(',')
                        .append(Csv.field(w.highValue())).append(',').append(num(w.central())).append(',')
                        .append(num(w.lowEffect())).append(',').append(num(w.highEffect())).append(',').append(num(w.width()))
                        .append(',').append(num(w.lowError())).append(',').append(num(w.highError())).append(',')
                        .append(Double.isFinite(w.firstOrder()) ? String.format(Locale.ROOT, "%.3f", w.firstOrder()) : "").append('\n');
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "";
    }

    static void writeHtml(SensitivityResult result, Path folder) throws IOException {
        Sensitivity s = result.sensitivity();
        RunInfo info = result.info();
        Html page = new Html("Sensitivity of " + result.scenario() + " - carecast");
        page.raw("<h1>What moves the forecast: ").text(result.scenario()).raw("</h1>\n<p class=\"meta\">").text(String.format(
                Locale.ROOT, "carecast %s; %,d replications per case with common random numbers, seed %d. Produced %s.",
                info.version(), info.replications(), info.seed(), LocalDate.now())).raw("</p>\n");
        page.raw("<p>").text(READING).raw("</p>\n");
        page.cautions(info);
        for (int o = 0; o < s.outputs().size(); o++) {
            List<Sensitivity.Swing> swings = s.swings(o);
            if (swings.isEmpty()) {
                continue;
            }
            SensitivityOutput output = s.outputs().get(o);
            page.raw("<h2>").text(output.label()).raw("</h2>\n<p>").text("Central case: " + value(output, swings.get(0).central())
                    + " (mean). Widest swing: " + shortName(swings.get(0).assumption()) + ", from "
                    + change(output, swings.get(0).lowEffect()) + " at " + swings.get(0).lowValue() + " to "
                    + change(output, swings.get(0).highEffect()) + " at " + swings.get(0).highValue() + ".").raw("</p>\n");
            for (Charts.Named c : result.charts().charts()) {
                if (c.name().equals("tornado-" + fileName(output))) {
                    page.raw("<figure>").raw(result.charts().svg(c)).raw("<figcaption>").text(c.caption())
                            .raw("</figcaption></figure>\n");
                }
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Assumption", "Low / high value", "Change at low", "Change at high", "Swing",
                    "Share of the spread alone"));
            List<List<String>> body = table(swings);
            for (int i = 1; i < body.size(); i++) {
                List<String> row = new ArrayList<>(body.get(i));
                double share = swings.get(i - 1).firstOrder();
                row.add(Double.isFinite(share) ? Format.percent(share) : "");
                rows.add(row);
            }
            page.table(rows);
            page.raw("<p class=\"note\">").text("Share of the spread alone: with every range drawn together, the part of the"
                    + " output's variance this assumption explains by itself (a first-order Sobol index, estimated from "
                    + s.replications() + " replications in " + Sensitivity.BINS + " bins of its draw). The shares need not add"
                    + " to 100%: the rest is chance and assumptions acting together.").raw("</p>\n");
            page.raw("<p class=\"note\">").text("Ranges as written: ").raw("</p>\n<ul class=\"note\">\n");
            for (Sensitivity.Swing w : swings) {
                page.raw("<li><code>").text(w.assumption()).raw("</code>: ").text(w.range()).raw("</li>\n");
            }
            page.raw("</ul>\n");
        }
        Files.writeString(folder.resolve("report.html"), page.finish(), StandardCharsets.UTF_8);
    }

    static void writeXlsx(Sensitivity s, Path folder) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve("workbook.xlsx"))) {
            Workbook wb = XlsxReporter.workbook(out);
            Worksheet sheet = wb.newWorksheet("Sensitivity");
            String[] header = {"output", "rank", "assumption", "range", "low value", "high value", "central mean",
                    "change at low", "change at high", "swing", "se at low", "se at high", "share of spread alone"};
            XlsxReporter.header(sheet, header, 26, 6, 44, 36, 12, 12);
            int r = 1;
            for (int o = 0; o < s.outputs().size(); o++) {
                int rank = 1;
                for (Sensitivity.Swing w : s.swings(o)) {
                    sheet.value(r, 0, w.output().label());
                    sheet.value(r, 1, rank++);
                    sheet.value(r, 2, w.assumption());
                    sheet.value(r, 3, w.range());
                    sheet.value(r, 4, w.lowValue());
                    sheet.value(r, 5, w.highValue());
                    double[] v = {w.central(), w.lowEffect(), w.highEffect(), w.width(), w.lowError(), w.highError()};
                    for (int k = 0; k < v.length; k++) {
                        if (Double.isFinite(v[k])) {
                            sheet.value(r, 6 + k, v[k]);
                        }
                    }
                    sheet.range(r, 6, r, 11).style().format(w.output().metric().isMoney() ? "£#,##0" : "#,##0.0").set();
                    if (Double.isFinite(w.firstOrder())) {
                        sheet.value(r, 12, w.firstOrder());
                        sheet.style(r, 12).format("0%").set();
                    }
                    r++;
                }
            }
            sheet.setAutoFilter(0, 0, header.length - 1);
            wb.finish();
        }
    }
}
