package org.carecast.report;

import org.carecast.scenario.ScenarioValues;

import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
import org.carecast.results.Summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes {@code report.html}: one self-contained page (charts inline as SVG, styles inline, no
 * scripts, nothing fetched from the network) that a finance officer or commissioner can open,
 * print or attach to a board paper. It opens with the answer in plain English, then the
 * charts, the money and indicator tables, and every assumption of the scenario with its source.
 */
final class HtmlReporter implements Reporter<RunReport> {

    @Override
    public void write(RunReport report, Path folder) throws IOException {
        Projection p = report.projection();
        RunInfo info = report.info();
        Html page = new Html(p.scenario() + " - carecast projection");
        page.raw("<h1>").text(p.scenario()).raw("</h1>\n");
        page.raw("<p class=\"meta\">").text(String.format(Locale.ROOT,
                "carecast %s projection from %s over %d months; %,d replications, seed %d. Produced %s.",
                info.version(), p.start(), p.months(), info.replications(), info.seed(), LocalDate.now())).raw("</p>\n");

        page.raw("<nav><a href=\"#summary\">Summary</a> · <a href=\"#years\">By year</a> · <a href=\"#charts\">Charts</a> · <a href=\"#money\">Money</a>"
                + " · <a href=\"#places\">Places</a> · <a href=\"#indicators\">Indicators</a> · <a href=\"#assumptions\">Assumptions</a></nav>\n");
        page.raw("<h2 id=\"summary\">Summary</h2>\n<ul class=\"summary\">\n");
        for (String sentence : Headlines.forRun(p)) {
            page.raw("<li>").text(sentence).raw("</li>\n");
        }
        page.raw("</ul>\n");
        page.cautions(info);
        page.raw("<p class=\"note\">").text("A median is the middle outcome of the replications: half came out "
                + "higher, half lower. \"90% chance\" means 90% of the simulated futures fell in that range, given the "
                + "scenario's assumptions (listed at the end); the note above says which uncertainties the range "
                + "holds and which it leaves out."
                + (pressure(p) ? " Pressure is measured against the budgets written in the scenario file (see "
                        + "finance.budgetLines under Assumptions): check them against the budget book before quoting it."
                        : "")).raw("</p>\n");

        page.raw("<h2 id=\"years\">By financial year</h2>\n<p class=\"note\">").text("Medians of the simulated futures, "
                + "with the 90% range of the totals; medians of separate lines do not add up to the median total. Children "
                + "are counted on the last day of each year (or of the horizon). " + Format.partYears(p)).raw("</p>\n");
        for (TextTable table : ConsoleSummary.yearTables(p)) {
            page.raw("<h3>").text(table.title()).raw("</h3>\n");
            page.table(table.rows());
        }

        page.raw("<h2 id=\"charts\">Charts</h2>\n");
        for (Charts.Named c : report.charts().charts()) {
            page.raw("<figure>").raw(report.charts().svg(c)).raw("<figcaption>").text(c.caption())
                    .raw(" (also in charts/").text(c.name()).raw(".png and .svg)</figcaption></figure>\n");
        }

        page.raw("<h2 id=\"money\">Money per financial year</h2>\n");
        page.table(moneyTable(p));
        if (pressure(p)) {
            page.raw("<h3>Pressure by budget line (median, 90% range)</h3>\n<p class=\"note\">").text("Each line's "
                    + "spend less its budget; for an income line, budgeted income less income received. Negative is "
                    + "under budget. Medians of lines do not add up to the median total; the total is net of income.")
                    .raw("</p>\n");
            page.table(pressureByLine(p));
            page.raw("<h3>Monthly profile, ").text(p.series(Table.YEARLY, OutputMetric.NET_COST, "all").get(0).period()).raw("</h3>\n");
            page.table(monthlyProfile(p));
        }

        List<List<String>> use = PlaceUse.table(p);
        if (!use.isEmpty()) {
            page.raw("<h2 id=\"places\">Use of limited places</h2>\n<p class=\"note\">").text(PlaceUse.NOTE).raw("</p>\n");
            page.table(use);
        }

        page.raw("<h2 id=\"indicators\">Indicators</h2>\n<p class=\"note\">").text("At the start of each financial year and at the end of "
                + "the horizon: median and 90% range. Own provision: council foster, kinship and council homes. "
                + "Long-term stability (national definition): of children under 16 in care for 2.5 years or more, "
                + "the share in the same placement for 2 years or more. 3+ placements in 12 months, as councils "
                + "report it, counts the placement held when the 12 months began (or on entry) and one more per move. "
                + "It is a floor: the model moves children on breakdowns, step-downs, planned ends, at 16 and, where "
                + "the scenario says so, once soon after entry as the care plan says, but not on later care-plan "
                + "moves; and for children already in care at the start only the move into their current placement "
                + "is known, so it is not known at the start and is low for the first year.")
                .raw("</p>\n");
        page.table(indicators(p));

        assumptions(page, info);
        Files.writeString(folder.resolve("report.html"), page.finish(), StandardCharsets.UTF_8);
    }

    /**
     * Every value the scenario's files set, with its source. A scenario that extends others
     * gets a table per file, the scenario's own first, each value saying whether it applies.
     */
    private static void assumptions(Html page, RunInfo info) {
        page.raw("<h2 id=\"assumptions\">Assumptions</h2>\n<p class=\"note\">");
        List<ScenarioValues.FileValues> files;
        try {
            files = ScenarioAssumptions.of(info.scenarioFile(), info.settings());
        } catch (RuntimeException e) {
            // The files changed or went since the run (a merge on another machine, say).
            page.text("Could not read the scenario files: " + e.getMessage()).raw("</p>\n");
            return;
        }
        boolean several = files.size() > 1;
        page.text((several
                ? "This scenario is written as changes to other scenario files, so its values come from " + files.size()
                + " files: its own first, then the files it extends. A value set again in a file higher up applies "
                + "instead, as the last column says. "
                : "Every value the scenario file sets, with the comment that gives its source. ")
                + "[ASSUMPTION] marks a modelling choice with no published local figure.").raw("</p>\n");
        // Folded: the tables run to many printed pages, and a reader opens them to check one value.
        page.raw("<details><summary>").text("Show every value and its source (" + files.size()
                + (several ? " files)" : " file)")).raw("</summary>\n");
        for (int f = 0; f < files.size(); f++) {
            ScenarioValues.FileValues file = files.get(f);
            if (several) {
                page.raw("<h3>").text((f == 0 ? "Set in " : "From ") + file.file().getFileName()).raw("</h3>\n");
            }
            if (!file.header().isEmpty()) {
                page.raw("<pre class=\"sources\">").text(String.join("\n", file.header())).raw("</pre>\n");
            }
            page.table(ScenarioAssumptions.table(file, several));
        }
        page.raw("</details>\n");
    }

    // ---- the plain-English summary ----

    private static boolean pressure(Projection p) {
        return !p.series(Table.YEARLY, OutputMetric.PRESSURE, "all").isEmpty();
    }


    // ---- tables ----

    private static List<List<String>> moneyTable(Projection p) {
        List<List<String>> rows = new ArrayList<>();
        boolean budget = !p.series(Table.YEARLY, OutputMetric.BUDGET, "all").isEmpty();
        boolean income = !p.series(Table.YEARLY, OutputMetric.INCOME, "all").isEmpty();
        List<String> header = new ArrayList<>(List.of("Financial year", "Spend (median)"));
        if (income) {
            header.add("Income (median)");
        }
        header.add("Net cost: median");
        header.add("Net cost: 90% range");
        if (budget) {
            header.addAll(List.of("Budget", "Pressure: median", "Pressure: 90% range", "Chance of overspend"));
        }
        rows.add(header);
        for (Projection.Row net : p.series(Table.YEARLY, OutputMetric.NET_COST, "all")) {
            String year = net.period();
            List<String> row = new ArrayList<>();
            row.add(year);
            row.add(Format.millions(yearly(p, OutputMetric.SPEND, year).p50()));
            if (income) {
                row.add(Format.millions(yearly(p, OutputMetric.INCOME, year).p50()));
            }
            row.add(Format.millions(net.summary().p50()));
            row.add(Format.millionsRange(net.summary()));
            if (budget) {
                Summary pressure = yearly(p, OutputMetric.PRESSURE, year);
                row.add(Format.millions(yearly(p, OutputMetric.BUDGET, year).p50()));
                row.add(Format.millions(pressure.p50()));
                row.add(Format.millionsRange(pressure));
                row.add(Format.percent(p.find(Table.YEARLY, OutputMetric.PRESSURE, "all", year).orElseThrow().shareAboveZero()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> pressureByLine(Projection p) {
        List<String> years = p.series(Table.YEARLY, OutputMetric.PRESSURE, "all").stream().map(Projection.Row::period).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Line"));
        header.addAll(years);
        rows.add(header);
        List<String> groups = new ArrayList<>();
        for (Projection.Row r : p.table(Table.YEARLY)) {
            if (r.metric() == OutputMetric.PRESSURE && !groups.contains(r.group())) {
                groups.add(r.group());
            }
        }
        groups.remove("all");
        groups.add("all");
        for (String group : groups) {
            List<String> row = new ArrayList<>();
            row.add(group.equals("all") ? "Total (net of income)" : p.label(group));
            for (String year : years) {
                Summary s = p.find(Table.YEARLY, OutputMetric.PRESSURE, group, year).orElseThrow().summary();
                row.add(Format.millions(s.p50()) + " (" + Format.millionsRange(s) + ")");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> monthlyProfile(Projection p) {
        String year = p.series(Table.YEARLY, OutputMetric.NET_COST, "all").get(0).period();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Month", "Net cost (median)", "Budget", "Pressure so far this year: median", "90% range"));
        for (Projection.Row net : p.series(Table.MONTHLY, OutputMetric.NET_COST, "all")) {
            if (!Format.financialYear(net.period()).equals(year)) {
                continue;
            }
            Summary toDate = p.find(Table.MONTHLY, OutputMetric.PRESSURE_YEAR_TO_DATE, "all", net.period()).orElseThrow().summary();
            rows.add(List.of(Format.monthLabel(net.period()), Format.millions(net.summary().p50()),
                    Format.millions(p.find(Table.MONTHLY, OutputMetric.BUDGET, "all", net.period()).orElseThrow().summary().p50()),
                    Format.millions(toDate.p50()), Format.millionsRange(toDate)));
        }
        return rows;
    }

    private static List<List<String>> indicators(Projection p) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Census", "Children in care", "Own provision", "Out of borough", "3+ placements in 12 months",
                "Long-term stability", "Secure welfare"));
        List<Projection.Row> children = p.series(Table.MONTHLY, OutputMetric.CHILDREN, "all");
        for (int m = 0; m < children.size(); m++) {
            String month = children.get(m).period();
            if (!month.endsWith("-04") && m != 0 && m != children.size() - 1) {
                continue;
            }
            rows.add(List.of(Format.monthLabel(month),
                    band(children.get(m).summary(), Format::count),
                    band(monthly(p, OutputMetric.OWN_PROVISION_SHARE, month), Format::percent),
                    band(monthly(p, OutputMetric.OUT_OF_BOROUGH_SHARE, month), Format::percent),
                    // At the start no child has a year of moves behind it: 0 there is not a measurement.
                    m == 0 ? "not known at the start" : band(monthly(p, OutputMetric.THREE_PLUS_PLACEMENTS_SHARE, month), Format::percent),
                    band(monthly(p, OutputMetric.LONG_TERM_STABLE_SHARE, month), Format::percent),
                    band(monthly(p, OutputMetric.SECURE_WELFARE, month), Format::count)));
        }
        return rows;
    }

    private static Summary yearly(Projection p, OutputMetric metric, String year) {
        return p.find(Table.YEARLY, metric, "all", year).orElseThrow().summary();
    }

    private static Summary monthly(Projection p, OutputMetric metric, String month) {
        Optional<Projection.Row> row = p.find(Table.MONTHLY, metric, "all", month);
        return row.orElseThrow().summary();
    }

    private static String band(Summary s, java.util.function.DoubleFunction<String> f) {
        return f.apply(s.p50()) + " (" + f.apply(s.p5()) + " to " + f.apply(s.p95()) + ")";
    }
}
