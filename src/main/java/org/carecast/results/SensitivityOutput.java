package org.carecast.results;

import org.carecast.engine.ReplicationResult;
import org.carecast.model.Model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One figure a sensitivity run ranks assumptions by: a yearly output of the run in one
 * financial year, or summed over the whole horizon ({@code total}), e.g. {@code pressure:2026/27}
 * or {@code net_cost:total}. Written {@code METRIC[:PERIOD]} on the command line; the period
 * {@code next} is the first financial year the horizon covers in full.
 *
 * @param metric the yearly metric
 * @param period a financial year such as "2026/27", or "total"
 * @param series the yearly series it is read from
 * @param year   the index of the year in the series, or -1 for the total
 */
public record SensitivityOutput(OutputMetric metric, String period, Series series, int year) {

    /** Yearly metrics that add up over years, so a horizon total means something. */
    private static final Set<OutputMetric> ADDITIVE = EnumSet.of(OutputMetric.SPEND, OutputMetric.INCOME,
            OutputMetric.NET_COST, OutputMetric.BUDGET, OutputMetric.PRESSURE, OutputMetric.ENTRIES, OutputMetric.EXITS,
            OutputMetric.SPILL_OVER, OutputMetric.MOVES, OutputMetric.BREAKDOWNS);

    /** The value in one replication. */
    public double of(ReplicationResult r) {
        if (year >= 0) {
            return series.value().of(r, year);
        }
        double total = 0;
        for (int y = 0; y < series.periods().length; y++) {
            total += series.value().of(r, y);
        }
        return total;
    }

    /** E.g. "Pressure (net cost less budget), 2026/27" or "Net cost (spend less income), whole horizon". */
    public String label() {
        return metric.label() + ", " + (year >= 0 ? period : "whole horizon");
    }

    /** E.g. {@code pressure:2026/27}. */
    public String id() {
        return metric.id() + ":" + period;
    }

    /**
     * The outputs a run ranks by when none are named: the next financial year's pressure (net
     * cost where the scenario has no budget), and the net cost over the whole horizon.
     */
    public static List<SensitivityOutput> defaults(Model model) {
        OutputMetric first = model.finance().hasBudget() ? OutputMetric.PRESSURE : OutputMetric.NET_COST;
        return List.of(parse(first.id() + ":next", model), parse("net_cost:total", model));
    }

    /**
     * Reads {@code METRIC[:PERIOD]}; PERIOD is a financial year of the horizon, {@code next} (the
     * default) or {@code total}.
     *
     * @throws IllegalArgumentException with a message naming what is allowed
     */
    public static SensitivityOutput parse(String text, Model model) {
        int colon = text.indexOf(':');
        String id = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String period = colon < 0 ? "next" : text.substring(colon + 1).trim();
        List<Series> all = OutputSeries.of(model);
        List<String> ids = new ArrayList<>();
        Series found = null;
        for (Series s : all) {
            if (s.table() == Table.YEARLY && s.group().equals("all")) {
                ids.add(s.metric().id());
                if (s.metric().id().equals(id)) {
                    found = s;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("unknown output '" + id + "'; this scenario's yearly outputs are " + ids);
        }
        String[] years = found.periods();
        if (period.equals("total")) {
            if (!ADDITIVE.contains(found.metric())) {
                throw new IllegalArgumentException("'" + id + "' does not add up over years; name a financial year, e.g. "
                        + id + ":" + years[0]);
            }
            return new SensitivityOutput(found.metric(), "total", found, -1);
        }
        if (period.equals("next")) {
            int[] first = model.time().yearFirstMonth();
            int[] end = model.time().yearEndMonth();
            int y = 0;
            while (y < years.length - 1 && !fullYear(model, first[y], end[y])) {
                y++;
            }
            return new SensitivityOutput(found.metric(), years[y], found, y);
        }
        for (int y = 0; y < years.length; y++) {
            if (years[y].equals(period)) {
                return new SensitivityOutput(found.metric(), period, found, y);
            }
        }
        throw new IllegalArgumentException("no financial year '" + period + "' in the horizon; expected one of "
                + List.of(years) + ", 'next' or 'total'");
    }

    private static boolean fullYear(Model model, int firstMonth, int endMonth) {
        return endMonth - firstMonth == 12;
    }
}
