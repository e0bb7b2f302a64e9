package org.carecast.report;

import org.carecast.results.Projection;
import org.carecast.results.Summary;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plain-text summary for the terminal: children in care by placement type at each
 * financial year's end, spend by type per financial year, the total with its 90% band, and the
 * year's flows. Medians are shown because they are what half of the futures fall below.
 */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    public static String render(Projection p, RunInfo info) {
        StringBuilder out = new StringBuilder();
        List<Projection.Row> yearlySpend = p.series("yearly", "spend", "all");
        List<String> years = yearlySpend.stream().map(Projection.Row::period).toList();
        Set<String> types = new LinkedHashSet<>();
        for (Projection.Row r : p.table("yearly")) {
            if (r.metric().equals("spend") && !r.group().equals("all")) {
                types.add(r.group());
            }
        }
        out.append(String.format(Locale.ROOT, "carecast %s - %s%n", info.version(), p.scenario()));
        out.append(String.format(Locale.ROOT, "%d replications, seed %d, %d months from %s%n%n",
                p.replications(), info.seed(), p.months(), p.start()));

        int width = 28;
        out.append("Children in care at the end of each financial year (median)\n");
        header(out, width, years);
        List<String> censusPeriods = p.series("yearly", "children_at_year_end", "all").stream().map(Projection.Row::period).toList();
        for (String type : types) {
            out.append(pad(type, width));
            for (int y = 0; y < years.size(); y++) {
                String month = yearEndMonth(p, y);
                double v = p.find("monthly", "children", type, month).map(r -> r.summary().p50()).orElse(Double.NaN);
                out.append(String.format(Locale.ROOT, "%12.0f", v));
            }
            out.append('\n');
        }
        out.append(pad("all", width));
        for (String period : censusPeriods) {
            out.append(String.format(Locale.ROOT, "%12.0f", p.find("yearly", "children_at_year_end", "all", period).orElseThrow().summary().p50()));
        }
        out.append('\n').append(pad("  90% band", width));
        for (String period : censusPeriods) {
            Summary s = p.find("yearly", "children_at_year_end", "all", period).orElseThrow().summary();
            out.append(String.format(Locale.ROOT, "%12s", String.format(Locale.ROOT, "%.0f-%.0f", s.p5(), s.p95())));
        }
        out.append("\n\n");

        out.append("Spend by financial year, pounds million (median)\n");
        header(out, width, years);
        for (String type : types) {
            out.append(pad(type, width));
            for (String year : years) {
                out.append(String.format(Locale.ROOT, "%12.2f", p.find("yearly", "spend", type, year).orElseThrow().summary().p50() / 1e6));
            }
            out.append('\n');
        }
        out.append(pad("total", width));
        for (Projection.Row r : yearlySpend) {
            out.append(String.format(Locale.ROOT, "%12.2f", r.summary().p50() / 1e6));
        }
        out.append('\n').append(pad("  90% band", width));
        for (Projection.Row r : yearlySpend) {
            out.append(String.format(Locale.ROOT, "%12s", String.format(Locale.ROOT, "%.1f-%.1f", r.summary().p5() / 1e6, r.summary().p95() / 1e6)));
        }
        out.append("\n\n");

        out.append("Flows per financial year (median)\n");
        header(out, width, years);
        for (String[] flow : new String[][] {{"entries", "entries into care"}, {"exits", "exits from care"},
                {"spill_over", "spill-over placements"}, {"moves", "placement moves"}}) {
            out.append(pad(flow[1], width));
            for (String year : years) {
                out.append(String.format(Locale.ROOT, "%12.0f", p.find("yearly", flow[0], "all", year).orElseThrow().summary().p50()));
            }
            out.append('\n');
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "Simulated %,d events in %.2f s on %d thread(s): %.1f million events per second.%n",
                info.events(), info.seconds(), info.threads(), info.eventsPerSecond() / 1e6));
        return out.toString();
    }

    /** Month label of the census that closes financial year {@code y} (the 1st of the next April, or the horizon end). */
    private static String yearEndMonth(Projection p, int y) {
        List<Projection.Row> flows = p.series("monthly", "entries", "all");
        List<Projection.Row> census = p.series("monthly", "children", "all");
        String[] fyOfFlow = flows.stream().map(r -> financialYear(r.period())).toArray(String[]::new);
        String target = p.series("yearly", "spend", "all").get(y).period();
        int last = -1;
        for (int m = 0; m < fyOfFlow.length; m++) {
            if (fyOfFlow[m].equals(target)) {
                last = m;
            }
        }
        return census.get(last + 1).period();
    }

    private static String financialYear(String yearMonth) {
        int year = Integer.parseInt(yearMonth.substring(0, 4));
        int month = Integer.parseInt(yearMonth.substring(5, 7));
        int first = month >= 4 ? year : year - 1;
        return first + "/" + String.format(Locale.ROOT, "%02d", (first + 1) % 100);
    }

    private static void header(StringBuilder out, int width, List<String> years) {
        out.append(pad("", width));
        for (String y : years) {
            out.append(String.format(Locale.ROOT, "%12s", y));
        }
        out.append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s.substring(0, width - 1) + " " : s + " ".repeat(width - s.length());
    }
}
