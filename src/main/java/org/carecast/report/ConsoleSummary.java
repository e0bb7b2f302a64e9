package org.carecast.report;

import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
import org.carecast.results.Summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A plain-text summary for the terminal: children in care by placement type at each
 * financial year's end, spend by type per financial year, the total with its 90% band, and the
 * year's flows. Medians are shown because half of the simulated futures fall below them.
 */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    public static String render(Projection p, RunInfo info) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "carecast %s - %s%n", info.version(), p.scenario()));
        out.append(String.format(Locale.ROOT, "%d replications, seed %d, %d months from %s%n%n",
                p.replications(), info.seed(), p.months(), p.start()));

        Headlines.outturn(p).ifPresent(s -> out.append(wrap(s, TextTable.WIDTH)).append(String.format("%n%n")));
        List<TextTable> tables = yearTables(p);
        tables.get(0).renderTo(out);
        tables.get(1).renderTo(out);
        out.append(wrap("Each figure is the median of the simulated futures: half fall above it, half below. Medians of"
                + " separate lines do not add up to the median total. In 9 futures out of 10 the total lies inside"
                + " the 90% band. " + Format.partYears(p), TextTable.WIDTH).trim()).append(String.format("%n%n"));

        TextTable flows = tables.get(2);
        flows.renderTo(out);
        out.append(wrap("Spill-over: placements, on entry or after a move, that could not be made in the first-choice type"
                + " (its places were full or it does not take the child's age) and went to the next type on the list,"
                + " often an external one; a child who moves can miss it again, so this can exceed the entries."
                + " Years run April to March; money is in pounds at each year's prices.", TextTable.WIDTH))
                .append(String.format("%n%n"));
        List<List<String>> use = PlaceUse.table(p);
        if (!use.isEmpty()) {
            out.append(PlaceUse.text("Use of limited places: council and new provision (mean)", use));
            out.append(wrap(PlaceUse.NOTE, TextTable.WIDTH)).append(String.format("%n%n"));
        }
        appendCautions(out, info);
        // The report and workbook say this among their headline sentences; the console has none.
        String split = BandNote.split(p.splits()).trim();
        if (!split.isEmpty()) {
            out.append(wrap(split, TextTable.WIDTH)).append(String.format("%n%n"));
        }

        out.append(wrap(String.format(Locale.ROOT, "Simulated %,d events in %.2f s on %d thread(s): %.1f million events per second.",
                info.events(), info.seconds(), info.threads(), info.eventsPerSecond() / 1e6), TextTable.WIDTH)).append(System.lineSeparator());
        return out.toString();
    }

    /**
     * The three tables per financial year that the console and the HTML report share:
     * children in care at each year's end by placement type, spend by line, and the flows.
     */
    static List<TextTable> yearTables(Projection p) {
        List<String> years = p.series(Table.YEARLY, OutputMetric.SPEND, "all").stream().map(Projection.Row::period).toList();
        Set<String> types = new LinkedHashSet<>();
        Set<String> spendLines = new LinkedHashSet<>();
        for (Projection.Row r : p.table(Table.YEARLY)) {
            if (r.metric() == OutputMetric.SPEND && !r.group().equals("all")) {
                spendLines.add(r.group());
            }
        }
        for (Projection.Row r : p.table(Table.MONTHLY)) {
            if (r.metric() == OutputMetric.CHILDREN && !r.group().equals("all")) {
                types.add(r.group());
            }
        }
        TextTable children = new TextTable("Children in care at the end of each financial year (median)", years);
        List<String> yearEnds = p.series(Table.YEARLY, OutputMetric.CHILDREN_AT_YEAR_END, "all").stream().map(Projection.Row::period).toList();
        List<String> censusMonths = yearEndCensusMonths(p, years);
        for (String type : types) {
            children.row(p.label(type), type, censusMonths, m -> whole(p.find(Table.MONTHLY, OutputMetric.CHILDREN, type, m).orElseThrow().summary().p50()));
        }
        children.row("All children in care", yearEnds, y -> whole(p.find(Table.YEARLY, OutputMetric.CHILDREN_AT_YEAR_END, "all", y).orElseThrow().summary().p50()));
        children.row("  90% band", yearEnds, y -> band(p.find(Table.YEARLY, OutputMetric.CHILDREN_AT_YEAR_END, "all", y).orElseThrow().summary(), 1, 0));

        TextTable spend = new TextTable("Spend by financial year, £ million (median)", years);
        for (String type : spendLines) {
            spend.row(p.label(type), type, years, y -> millions(p.find(Table.YEARLY, OutputMetric.SPEND, type, y).orElseThrow().summary().p50()));
        }
        spend.row("Total", years, y -> millions(p.find(Table.YEARLY, OutputMetric.SPEND, "all", y).orElseThrow().summary().p50()));
        spend.row("  90% band", years, y -> band(p.find(Table.YEARLY, OutputMetric.SPEND, "all", y).orElseThrow().summary(), 1e6, 1));
        if (!p.series(Table.YEARLY, OutputMetric.INCOME, "all").isEmpty()) {
            spend.row("Income", years, y -> millions(p.find(Table.YEARLY, OutputMetric.INCOME, "all", y).orElseThrow().summary().p50()));
        }
        spend.row("Net cost (spend less income)", years, y -> millions(p.find(Table.YEARLY, OutputMetric.NET_COST, "all", y).orElseThrow().summary().p50()));
        if (!p.series(Table.YEARLY, OutputMetric.BUDGET, "all").isEmpty()) {
            spend.row("Budget, net of expected income", years, y -> millions(p.find(Table.YEARLY, OutputMetric.BUDGET, "all", y).orElseThrow().summary().p50()));
            spend.row("Pressure: net cost less budget", years, y -> millions(p.find(Table.YEARLY, OutputMetric.PRESSURE, "all", y).orElseThrow().summary().p50()));
            spend.row("  90% band", years, y -> band(p.find(Table.YEARLY, OutputMetric.PRESSURE, "all", y).orElseThrow().summary(), 1e6, 1));
        }
        String ids = "Types by their id, as in the CSV files; report.html names them in full.";
        children.whenShortened(ids);
        spend.whenShortened(ids);
        TextTable flows = new TextTable("Flows per financial year (median)", years);
        for (OutputMetric flow : List.of(OutputMetric.ENTRIES, OutputMetric.EXITS, OutputMetric.SPILL_OVER, OutputMetric.MOVES)) {
            flows.row(flow.label(), years, y -> whole(p.find(Table.YEARLY, flow, "all", y).orElseThrow().summary().p50()));
            if (flow == OutputMetric.SPILL_OVER) {
                // Which types took the children who missed their first choice (types that took any).
                for (String type : types) {
                    boolean any = years.stream().anyMatch(y -> p.find(Table.YEARLY, OutputMetric.SPILL_OVER, type, y)
                            .map(r -> r.summary().mean() > 0).orElse(false));
                    if (any) {
                        flows.row("  into " + p.label(type), "  into " + type, years,
                                y -> whole(p.find(Table.YEARLY, OutputMetric.SPILL_OVER, type, y).orElseThrow().summary().p50()));
                    }
                }
            }
        }
        flows.whenShortened(ids);
        return List.of(children, spend, flows);
    }

    /** The run's cautions as wrapped paragraphs, each headed "Note:". */
    static void appendCautions(StringBuilder out, RunInfo info) {
        for (String caution : info.cautions()) {
            out.append(wrap("Note: " + caution, TextTable.WIDTH)).append(String.format("%n%n"));
        }
    }

    /** A paragraph for the terminal: lines of at most {@link TextTable#WIDTH} characters. */
    public static String paragraph(String text) {
        return wrap(text, TextTable.WIDTH);
    }

    /** Breaks a paragraph into lines of at most {@code width} characters, at spaces. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > width) {
                out.append(System.lineSeparator());
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /** The census month that closes each financial year: the 1st of the next April, or the horizon end. */
    private static List<String> yearEndCensusMonths(Projection p, List<String> years) {
        List<Projection.Row> flows = p.series(Table.MONTHLY, OutputMetric.ENTRIES, "all");
        List<Projection.Row> census = p.series(Table.MONTHLY, OutputMetric.CHILDREN, "all");
        List<String> months = new ArrayList<>();
        for (String year : years) {
            int last = -1;
            for (int m = 0; m < flows.size(); m++) {
                if (Format.financialYear(flows.get(m).period()).equals(year)) {
                    last = m;
                }
            }
            months.add(census.get(last + 1).period());
        }
        return months;
    }

    private static String whole(double x) {
        return String.format(Locale.ROOT, "%,.0f", x);
    }

    private static String millions(double pounds) {
        return String.format(Locale.ROOT, "%,.2f", pounds / 1e6);
    }

    private static String band(Summary s, double scale, int decimals) {
        String f = "%,." + decimals + "f";
        return String.format(Locale.ROOT, f + "-" + f, s.p5() / scale, s.p95() / scale);
    }
}
