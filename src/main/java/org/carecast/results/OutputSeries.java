package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.model.ExitReason;
import org.carecast.model.Model;
import org.carecast.model.TimeGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * The series a run reports, derived from the model's placement types and calendar. Monthly:
 * children in care (census on the 1st of each month, plus the end of the horizon), places in
 * limited types at each census, spend by type and by intervention cost line,
 * spill-over, entries, exits by reason, moves, breakdowns, step-downs, children with three or
 * more moves in 12 months. Yearly (financial years, April to March): spend by type and in
 * total, entries, exits, spill-over, moves, and children in care at the year's end.
 */
public final class OutputSeries {

    private OutputSeries() {
    }

    public static List<Series> of(Model model) {
        TimeGrid time = model.time();
        int months = time.months();
        int types = model.types();
        String[] ids = model.placements().ids();
        String[] flowMonths = new String[months];
        String[] censusMonths = new String[months + 1];
        for (int m = 0; m <= months; m++) {
            String label = time.monthStart(m).toString().substring(0, 7);
            censusMonths[m] = label;
            if (m < months) {
                flowMonths[m] = label;
            }
        }
        List<Series> out = new ArrayList<>();

        // ---- monthly ----
        out.add(new Series("monthly", "children", "all", "children", censusMonths, (r, m) -> r.childrenInCare(m)));
        for (int t = 0; t < types; t++) {
            int type = t;
            out.add(new Series("monthly", "children", ids[t], "children", censusMonths, (r, m) -> r.census[m * types + type]));
        }
        out.add(new Series("monthly", "spend", "all", "pounds", flowMonths, (r, m) -> r.totalSpend(m)));
        for (int t = 0; t < types; t++) {
            int type = t;
            out.add(new Series("monthly", "spend", ids[t], "pounds", flowMonths, (r, m) -> r.spend[m * types + type]));
        }
        String[] lineIds = model.costLines().ids();
        int lines = lineIds.length;
        for (int l = 0; l < lines; l++) {
            int line = l;
            out.add(new Series("monthly", "spend", lineIds[l], "pounds", flowMonths, (r, m) -> r.lineSpend[m * lines + line]));
        }
        for (int t = 0; t < types; t++) {
            if (!model.capacity().isUnlimited(t)) {
                int type = t;
                out.add(new Series("monthly", "places", ids[t], "places", censusMonths, (r, m) -> r.places[m * types + type]));
            }
        }
        out.add(new Series("monthly", "spill_over", "all", "placements", flowMonths, (r, m) -> sum(r.spillOver, m * types, types)));
        for (int t = 0; t < types; t++) {
            int type = t;
            out.add(new Series("monthly", "spill_over", ids[t], "placements", flowMonths, (r, m) -> r.spillOver[m * types + type]));
        }
        out.add(new Series("monthly", "entries", "all", "children", flowMonths, (r, m) -> r.entries[m]));
        int reasons = ExitReason.values().length;
        out.add(new Series("monthly", "exits", "all", "children", flowMonths, (r, m) -> sum(r.exits, m * reasons, reasons)));
        for (ExitReason reason : ExitReason.values()) {
            int k = reason.ordinal();
            out.add(new Series("monthly", "exits", reason.id(), "children", flowMonths, (r, m) -> r.exits[m * reasons + k]));
        }
        out.add(new Series("monthly", "moves", "all", "moves", flowMonths, (r, m) -> r.moves[m]));
        out.add(new Series("monthly", "breakdowns", "all", "placements", flowMonths, (r, m) -> r.breakdowns[m]));
        out.add(new Series("monthly", "step_downs", "all", "placements", flowMonths, (r, m) -> r.stepDowns[m]));
        out.add(new Series("monthly", "three_plus_moves", "all", "children", censusMonths, (r, m) -> r.threePlusMoves[m]));

        // ---- yearly (financial years) ----
        String[] years = time.financialYears();
        int[] firstMonth = new int[years.length];
        int[] endMonth = new int[years.length];
        for (int m = months - 1; m >= 0; m--) {
            firstMonth[time.financialYearIndex()[m]] = m;
        }
        for (int m = 0; m < months; m++) {
            endMonth[time.financialYearIndex()[m]] = m + 1;
        }
        out.add(new Series("yearly", "spend", "all", "pounds", years, (r, y) -> {
            double total = 0;
            for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                total += r.totalSpend(m);
            }
            return total;
        }));
        for (int t = 0; t < types; t++) {
            int type = t;
            out.add(new Series("yearly", "spend", ids[t], "pounds", years, (r, y) -> {
                double total = 0;
                for (int m = firstMonth[y]; m < endMonth[y]; m++) {
                    total += r.spend[m * types + type];
                }
                return total;
            }));
        }
        for (int l = 0; l < lines; l++) {
            int line = l;
            out.add(new Series("yearly", "spend", lineIds[l], "pounds", years,
                    (r, y) -> sum(r.lineSpend, firstMonth[y] * lines + line, endMonth[y] - firstMonth[y], lines)));
        }
        out.add(new Series("yearly", "entries", "all", "children", years, (r, y) -> sum(r.entries, firstMonth[y], endMonth[y] - firstMonth[y])));
        out.add(new Series("yearly", "exits", "all", "children", years,
                (r, y) -> sum(r.exits, firstMonth[y] * reasons, (endMonth[y] - firstMonth[y]) * reasons)));
        out.add(new Series("yearly", "spill_over", "all", "placements", years,
                (r, y) -> sum(r.spillOver, firstMonth[y] * types, (endMonth[y] - firstMonth[y]) * types)));
        out.add(new Series("yearly", "moves", "all", "moves", years, (r, y) -> sum(r.moves, firstMonth[y], endMonth[y] - firstMonth[y])));
        out.add(new Series("yearly", "children_at_year_end", "all", "children", years, (r, y) -> r.childrenInCare(endMonth[y])));
        return out;
    }

    /** Sum of {@code count} elements from {@code from}, {@code stride} apart. */
    private static double sum(double[] a, int from, int count, int stride) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += a[from + i * stride];
        }
        return total;
    }

    private static double sum(int[] a, int from, int length) {
        long total = 0;
        for (int i = from; i < from + length; i++) {
            total += a[i];
        }
        return total;
    }
}
