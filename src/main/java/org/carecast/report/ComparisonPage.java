package org.carecast.report;

import org.carecast.results.Comparison;
import org.carecast.results.Comparison.Metric;
import org.carecast.results.Summary;
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
 * The reader-facing outputs of {@code carecast compare}: {@code report.html} (what each option
 * saves, in plain English, the savings charts, a table per option, and the assumptions of each
 * option's file), {@code charts/} and {@code workbook.xlsx} (the comparison table with numbers
 * as numbers).
 */
public final class ComparisonPage {

    private ComparisonPage() {
    }

    static void writeHtml(ComparisonResult result, Path folder) throws IOException {
        String base = result.base();
        List<Comparison.Row> rows = result.rows();
        RunInfo info = result.info();
        List<Path> files = result.files();
        java.util.Map<String, List<List<String>>> newProvision = result.newProvision();
        Html page = new Html("Options compared with " + base + " - carecast");
        page.raw("<h1>Options compared with ").text(base).raw("</h1>\n<p class=\"meta\">").text(String.format(Locale.ROOT,
                "carecast %s; %,d paired replications (each option sees the same children and the same luck as the "
                        + "base), seed %d. Produced %s.", info.version(), info.replications(), info.seed(), LocalDate.now()))
                .raw("</p>\n<h2>Summary</h2>\n<ul class=\"summary\">\n");
        for (String sentence : summary(rows)) {
            page.raw("<li>").text(sentence).raw("</li>\n");
        }
        page.raw("</ul>\n");
        page.cautions(info);
        page.raw("<p class=\"note\">").text("Savings are the base's spend less the option's, net of the option's "
                + "own running and capital costs: above zero the option costs less. Medians and 90% ranges are over "
                + "the paired replications.").raw("</p>\n");
        page.raw("<h2>Options ranked</h2>\n<p class=\"note\">").text("By the median saving over the whole horizon, "
                + "best first. Children figures are averages over the horizon, base minus option (above zero the option "
                + "does better).").raw("</p>\n");
        page.table(ranking(rows, result.scenarios().get(0).projection().months() / 12.0, occupancy(result)));
        page.raw("<h2>Charts</h2>\n");
        for (Charts.Named c : result.charts().charts()) {
            page.raw("<figure>").raw(result.charts().svg(c)).raw("<figcaption>").text(c.caption())
                    .raw("</figcaption></figure>\n");
        }
        for (String scenario : ComparisonReport.scenarios(rows)) {
            page.raw("<h2>").text(scenario).raw("</h2>\n");
            page.table(optionTable(rows, scenario));
            if (newProvision.containsKey(scenario)) {
                page.raw("<h3>How its new provision is used (mean)</h3>\n<p class=\"note\">").text(PlaceUse.NOTE).raw("</p>\n");
                page.table(newProvision.get(scenario));
            }
        }
        page.raw("<h2>Assumptions of each scenario file</h2>\n");
        for (Path file : files) {
            page.raw("<h3>").text(file.toString()).raw("</h3>\n");
            page.table(ScenarioAssumptions.table(org.carecast.scenario.ScenarioValues.ofFile(file), false));
        }
        Files.writeString(folder.resolve("report.html"), page.finish(), StandardCharsets.UTF_8);
    }

    static void writeXlsx(List<Comparison.Row> rows, Path folder) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve("workbook.xlsx"))) {
            Workbook wb = XlsxReporter.workbook(out);
            Worksheet sheet = wb.newWorksheet("Comparison");
            String[] header = {"scenario", "metric", "unit", "period", "mean", "p5", "p25", "p50", "p75", "p95", "probability_better"};
            XlsxReporter.header(sheet, header, 36, 28);
            int r = 1;
            for (Comparison.Row row : rows) {
                sheet.value(r, 0, row.scenario());
                sheet.value(r, 1, row.metric().id());
                sheet.value(r, 2, row.metric().unit());
                sheet.value(r, 3, row.period());
                XlsxReporter.summary(sheet, r, 4, row.summary(), row.metric().unit().equals("pounds") ? "£#,##0" : "#,##0.0");
                sheet.value(r, 10, row.probabilityBetter());
                sheet.style(r, 10).format("0%").set();
                r++;
            }
            wb.finish();
        }
    }

    static List<String> summary(List<Comparison.Row> rows) {
        List<String> out = new ArrayList<>();
        for (String scenario : ComparisonReport.scenarios(rows)) {
            List<Comparison.Row> mine = rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
            // The first year in which the option changes anything: before a home opens there is nothing to say.
            List<Comparison.Row> years = mine.stream().filter(r -> r.metric() == Metric.SAVING && !r.period().equals("all")).toList();
            Comparison.Row first = years.stream().filter(r -> r.summary().p5() != 0 || r.summary().p95() != 0).findFirst()
                    .orElse(years.get(0));
            String opening = first == years.get(0) ? "in " + first.period()
                    : "no difference until " + first.period() + "; in " + first.period();
            Comparison.Row all = ComparisonReport.find(mine, Metric.SAVING, "all");
            Comparison.Row payback = ComparisonReport.find(mine, Metric.PAYBACK_MONTHS, "all");
            double months = payback.summary().p50();
            out.add(String.format(Locale.ROOT, "%s: %s %s, with a %s chance it costs less than the base; over "
                            + "the whole horizon %s. %s", scenario, opening, saving(first.summary()),
                    Format.percent(first.probabilityBetter()), saving(all.summary()),
                    months == 0 ? "It never costs more than the base."
                            : Double.isInfinite(months) ? "In most replications it has not paid for itself by the end."
                            : String.format(Locale.ROOT, "It pays for itself after %.0f months (median).", months)));
        }
        return out;
    }

    /**
     * "a median saving of £1.20m (90% range £0.80m to £1.60m)", "a median extra cost of £0.60m
     * (90% range £0.40m to £0.90m more)", and where the range spans both, "a median saving of
     * £0.24m (90% range from £0.96m more to £2.03m less)": every figure positive, its direction in words.
     */
    static String saving(Summary s) {
        if (s.p5() == 0 && s.p95() == 0) {
            return "no difference";
        }
        String median = s.p50() >= 0 ? "a median saving of " + Format.millions(s.p50())
                : "a median extra cost of " + Format.millions(-s.p50());
        if (s.p5() >= 0) {
            return median + " (90% range " + Format.millions(s.p5()) + " to " + Format.millions(s.p95()) + ")";
        }
        if (s.p95() <= 0) {
            return median + " (90% range " + Format.millions(-s.p95()) + " to " + Format.millions(-s.p5()) + " more)";
        }
        return median + " (90% range from " + Format.millions(-s.p5()) + " more to " + Format.millions(s.p95()) + " less)";
    }

    /**
     * One row per option, best median whole-horizon saving first: the saving with its range, the
     * chance it costs less, when it pays for itself, and what it does for children.
     */
    static List<List<String>> ranking(List<Comparison.Row> rows) {
        return ranking(rows, Double.NaN, java.util.Map.of());
    }

    /**
     * How full each option's new provision is over the horizon: the mean children placed over
     * the mean places, summed over the years it has places, for the types the option adds to
     * the base; absent for an option that adds none.
     */
    static java.util.Map<String, Double> occupancy(ComparisonResult result) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        org.carecast.results.Projection base = result.scenarios().get(0).projection();
        java.util.Set<String> baseTypes = new java.util.HashSet<>();
        for (org.carecast.results.Projection.Row r : base.table(org.carecast.results.Table.YEARLY)) {
            if (r.metric() == org.carecast.results.OutputMetric.PLACES_MEAN) {
                baseTypes.add(r.group());
            }
        }
        for (ComparisonResult.Scenario s : result.scenarios().subList(1, result.scenarios().size())) {
            double placed = 0;
            double places = 0;
            for (org.carecast.results.Projection.Row r : s.projection().table(org.carecast.results.Table.YEARLY)) {
                if (r.metric() == org.carecast.results.OutputMetric.PLACES_MEAN && !baseTypes.contains(r.group())
                        && r.summary().mean() > 0) {
                    places += r.summary().mean();
                    placed += s.projection().find(org.carecast.results.Table.YEARLY,
                            org.carecast.results.OutputMetric.CHILDREN_PLACED_MEAN, r.group(), r.period()).orElseThrow().summary().mean();
                }
            }
            if (places > 0) {
                out.put(s.projection().scenario(), placed / places);
            }
        }
        return out;
    }

    /**
     * The options ranked by median whole-horizon saving, best first.
     *
     * @param years     the horizon in years, for the cost per child-year kept in borough (NaN: not shown)
     * @param occupancy each option's occupancy of its new provision (see {@link #occupancy}); empty: not shown
     */
    static List<List<String>> ranking(List<Comparison.Row> rows, double years, java.util.Map<String, Double> occupancy) {
        List<String> options = new ArrayList<>(ComparisonReport.scenarios(rows));
        options.sort(java.util.Comparator.comparingDouble((String o) -> -ComparisonReport.find(
                rows.stream().filter(r -> r.scenario().equals(o)).toList(), Metric.SAVING, "all").summary().p50()));
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Option", "Saving, whole horizon (90% range)", "Chance it costs less",
                "Pays for itself", "Children kept in borough", "External placements avoided", "Breakdowns avoided"));
        if (!Double.isNaN(years)) {
            header.add("Net cost per child-year kept in borough");
        }
        if (!occupancy.isEmpty()) {
            header.add("New places filled");
        }
        table.add(header);
        for (String option : options) {
            List<Comparison.Row> mine = rows.stream().filter(r -> r.scenario().equals(option)).toList();
            Comparison.Row all = ComparisonReport.find(mine, Metric.SAVING, "all");
            double months = ComparisonReport.find(mine, Metric.PAYBACK_MONTHS, "all").summary().p50();
            List<String> row = new ArrayList<>(List.of(option,
                    Format.millions(all.summary().p50()) + " (" + Format.millionsRange(all.summary()) + ")",
                    Format.percent(all.probabilityBetter()),
                    months == 0 ? "never behind" : Double.isInfinite(months) ? "not by the end"
                            : String.format(Locale.ROOT, "after %.0f months", months),
                    horizonMedian(mine, Metric.KEPT_IN_BOROUGH),
                    horizonMedian(mine, Metric.EXTERNAL_AVOIDED),
                    horizonMedian(mine, Metric.BREAKDOWNS_AVOIDED)));
            if (!Double.isNaN(years)) {
                // Extra cost over the horizon for each year a child spends in borough instead of out.
                double kept = ComparisonReport.find(mine, Metric.KEPT_IN_BOROUGH, "all").summary().mean() * years;
                double saving = all.summary().mean();
                row.add(saving >= 0 ? "none: it saves money" : kept < 0.05 ? "no child kept"
                        : "£" + String.format(Locale.ROOT, "%,.0f", -saving / kept));
            }
            if (!occupancy.isEmpty()) {
                Double filled = occupancy.get(option);
                row.add(filled == null ? "no new places" : Format.percent(filled));
            }
            table.add(row);
        }
        return table;
    }

    private static String horizonMedian(List<Comparison.Row> mine, Metric metric) {
        return mine.stream().filter(r -> r.metric() == metric && r.period().equals("all")).findFirst()
                .map(r -> String.format(Locale.ROOT, "%.1f", r.summary().p50())).orElse("");
    }

    private static List<List<String>> optionTable(List<Comparison.Row> rows, String scenario) {
        List<Comparison.Row> mine = rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
        List<String> periods = mine.stream().filter(r -> r.metric() == Metric.SAVING).map(Comparison.Row::period).toList();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Median (90% range)"));
        periods.forEach(p -> header.add(p.equals("all") ? "Whole horizon" : p));
        table.add(header);
        table.add(row("Saving", mine, Metric.SAVING, periods, true));
        table.add(row("Cumulative saving", mine, Metric.CUMULATIVE_SAVING, periods, true));
        List<String> chance = new ArrayList<>(List.of("Chance it costs less"));
        periods.forEach(p -> chance.add(Format.percent(ComparisonReport.find(mine, Metric.SAVING, p).probabilityBetter())));
        table.add(chance);
        table.add(row("Children kept in borough (average)", mine, Metric.KEPT_IN_BOROUGH, periods, false));
        table.add(row("External placements avoided (average)", mine, Metric.EXTERNAL_AVOIDED, periods, false));
        table.add(row("Spill-over placements avoided", mine, Metric.SPILL_OVER_AVOIDED, periods, false));
        table.add(row("Breakdowns avoided", mine, Metric.BREAKDOWNS_AVOIDED, periods, false));
        table.add(row("Children with 3+ placements avoided (average)", mine, Metric.THREE_PLUS_PLACEMENTS_AVOIDED, periods, false));
        return table;
    }

    private static List<String> row(String name, List<Comparison.Row> rows, Metric metric, List<String> periods,
                                    boolean money) {
        List<String> out = new ArrayList<>(List.of(name));
        for (String p : periods) {
            Comparison.Row r = rows.stream().filter(x -> x.metric() == metric && x.period().equals(p)).findFirst().orElse(null);
            if (r == null) {
                out.add("");
            } else if (money) {
                out.add(Format.millions(r.summary().p50()) + " (" + Format.millionsRange(r.summary()) + ")");
            } else {
                Summary s = r.summary();
                out.add(String.format(Locale.ROOT, "%.1f (%.1f to %.1f)", s.p50(), s.p5(), s.p95()));
            }
        }
        return out;
    }
}
