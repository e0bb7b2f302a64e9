package org.carecast.report;

import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Summary;
import org.carecast.results.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-English sentences a reader of a run needs first (pressure or net cost for the
 * first two financial years with their 90% ranges, children in care, spill-over, own
 * provision), written once for every medium that shows them: the page, the workbook's
 * summary sheet.
 */
public final class Headlines {

    private Headlines() {
    }

    /**
     * The projected outturn of the year the start falls in, when the actuals give its spend to
     * date: "In 2025/26 the projected spend outturn is £41.20m (90% range ...): £24.00m spent
     * from April to October 2025 and a median £17.20m forecast for the remaining months."
     */
    public static java.util.Optional<String> outturn(Projection p) {
        List<Projection.Row> rows = p.series(Table.YEARLY, OutputMetric.SPEND_OUTTURN, "all");
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Projection.Row r = rows.get(0);
        Summary forecast = p.find(Table.YEARLY, OutputMetric.SPEND, "all", r.period()).orElseThrow().summary();
        // The actual part is a constant, so it is the difference of the medians exactly.
        double actual = r.summary().p50() - forecast.p50();
        java.time.YearMonth start = java.time.YearMonth.from(p.start());
        return java.util.Optional.of(String.format(Locale.ROOT, "In %s the projected spend outturn is %s (90%% range %s to"
                        + " %s): %s spent from April to %s (the actuals file) and a median %s forecast for the remaining months.",
                r.period(), Format.millions(r.summary().p50()), Format.millions(r.summary().p5()),
                Format.millions(r.summary().p95()), Format.millions(actual),
                Format.monthLabel(start.minusMonths(1).toString()), Format.millions(forecast.p50())));
    }

    /** The headline sentences of a run, most important first. */
    public static List<String> forRun(Projection p) {
        List<String> out = new ArrayList<>();
        List<Projection.Row> pressure = p.series(Table.YEARLY, OutputMetric.PRESSURE, "all");
        List<Projection.Row> net = p.series(Table.YEARLY, OutputMetric.NET_COST, "all");
        String part = Format.partYears(p);
        if (!part.isEmpty()) {
            out.add(part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1).replace(" (the horizon's part of the year).",
                    ": the figures for a part year are for those months."));
        }
        for (int y = 0; y < Math.min(2, net.size()); y++) {
            if (!pressure.isEmpty()) {
                Summary s = pressure.get(y).summary();
                String year = pressure.get(y).period();
                out.add(String.format(Locale.ROOT, "In %s the median projected pressure%s is %s; there is a 90%% chance "
                        + "it lies between %s and %s. That is a median net cost (spend less income) of %s against a "
                        + "%sbudget of %s.", year, p.placeholderBudgets() ? " against placeholder budgets" : "",
                        Format.millions(s.p50()), Format.millions(s.p5()),
                        Format.millions(s.p95()), Format.millions(net.get(y).summary().p50()),
                        p.placeholderBudgets() ? "placeholder " : "", Format.millions(p.find(Table.YEARLY, OutputMetric.BUDGET, "all", year).orElseThrow().summary().p50())));
            } else {
                Summary s = net.get(y).summary();
                out.add(String.format(Locale.ROOT, "In %s the median projected net cost is %s; there is a 90%% chance "
                        + "it lies between %s and %s.", net.get(y).period(), Format.millions(s.p50()),
                        Format.millions(s.p5()), Format.millions(s.p95())));
            }
        }
        outturn(p).ifPresent(out::add);
        if (!p.splits().isEmpty()) {
            // How much of the quoted ranges is the assumptions' and how much chance's.
            String split = BandNote.split(p.splits()).trim();
            if (!split.isEmpty()) {
                out.add(split);
            }
        }
        List<Projection.Row> children = p.series(Table.MONTHLY, OutputMetric.CHILDREN, "all");
        Summary now = children.get(0).summary();
        Projection.Row end = children.get(children.size() - 1);
        out.add(String.format(Locale.ROOT, "Children in care: %s at the start; at %s the median projection is %s "
                        + "(90%% range %s to %s).", Format.count(now.p50()), Format.monthLabel(end.period()),
                Format.count(end.summary().p50()), Format.count(end.summary().p5()), Format.count(end.summary().p95())));
        p.find(Table.YEARLY, OutputMetric.SPILL_OVER, "all", net.get(0).period()).ifPresent(r -> out.add(String.format(Locale.ROOT,
                "In %s a median of %s placements (90%% range %s to %s), on entry or after a move, miss their first "
                        + "choice because that type was full or does not take the child's age (spill-over).", r.period(),
                Format.count(r.summary().p50()), Format.count(r.summary().p5()), Format.count(r.summary().p95()))));
        List<Projection.Row> own = p.series(Table.MONTHLY, OutputMetric.OWN_PROVISION_SHARE, "all");
        if (!own.isEmpty()) {
            Summary last = own.get(own.size() - 1).summary();
            out.add(String.format(Locale.ROOT, "Children in the council's own provision: %s at the start, %s (median) "
                    + "at %s.", Format.percent(own.get(0).summary().p50()), Format.percent(last.p50()),
                    Format.monthLabel(own.get(own.size() - 1).period())));
        }
        return out;
    }
}
