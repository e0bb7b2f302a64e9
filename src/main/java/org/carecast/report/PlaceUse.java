package org.carecast.report;

import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each pool of limited places is used per financial year: the council's own and every one
 * an intervention adds (a new home, Step Forward places, commissioned places), so a
 * commissioner sees whether new provision is actually used. Per year and pool: places and
 * children in them (both averaged over the year's days), children placed in the year,
 * placements there that broke down, and children in Mockingbird satellite households where
 * hubs support the pool. Averages over replications (means), as use is a quantity to plan on.
 */
public final class PlaceUse {

    private PlaceUse() {
    }

    /** Header row then one row per pool and measure; empty when the scenario has no limited type. */
    public static List<List<String>> table(Projection p) {
        return table(p, null);
    }

    /** As {@link #table(Projection)}, for the pools in {@code only} (all when null). */
    public static List<List<String>> table(Projection p, java.util.Collection<String> only) {
        List<List<String>> rows = new ArrayList<>();
        List<String> years = p.series(Table.YEARLY, OutputMetric.NET_COST, "all").stream().map(Projection.Row::period).toList();
        List<String> pools = new ArrayList<>();
        for (Projection.Row r : p.table(Table.YEARLY)) {
            if (r.metric() == OutputMetric.PLACES_MEAN && !pools.contains(r.group()) && (only == null || only.contains(r.group()))) {
                pools.add(r.group());
            }
        }
        if (pools.isEmpty()) {
            return rows;
        }
        List<String> header = new ArrayList<>(List.of("Places", "Measure (mean)"));
        header.addAll(years);
        rows.add(header);
        for (String pool : pools) {
            rows.add(row(p, pool, p.label(pool), "children placed / places", years, y -> String.format(Locale.ROOT,
                    "%.1f / %.1f", mean(p, OutputMetric.CHILDREN_PLACED_MEAN, pool, y), mean(p, OutputMetric.PLACES_MEAN, pool, y))));
            rows.add(row(p, pool, "", "placements begun, broken down", years, y -> String.format(Locale.ROOT,
                    "%.1f, %.1f", mean(p, OutputMetric.PLACEMENTS_STARTED, pool, y), mean(p, OutputMetric.BREAKDOWNS, pool, y))));
            if (p.find(Table.YEARLY, OutputMetric.SUPPORTED_BY_HUBS, pool, years.get(0)).isPresent()) {
                rows.add(row(p, pool, "", "children with hub support (year end)", years,
                        y -> String.format(Locale.ROOT, "%.0f", mean(p, OutputMetric.SUPPORTED_BY_HUBS, pool, y))));
            }
        }
        return rows;
    }

    /** One line for every reader: what the table shows and why a full pool still shows breakdowns. */
    static final String NOTE = "Children placed and places are averaged over each year's days; a pool with every "
            + "place used shows them equal. Placements begun count children placed there in the year (entries, moves, "
            + "step-downs); broken down, those placements there that ended unplanned. After a breakdown a place may "
            + "stay empty for a while (voidDaysAfterBreakdown), so fewer breakdowns leave more places in use.";

    /** The table as plain text for the console and summary.txt. */
    public static String text(String title, List<List<String>> table) {
        if (table.isEmpty()) {
            return "";
        }
        List<String> years = table.get(0).subList(2, table.get(0).size());
        TextTable text = new TextTable(title, years);
        for (List<String> row : table.subList(1, table.size())) {
            if (!row.get(0).isEmpty()) {
                text.row(row.get(0), years, y -> "");
            }
            List<String> cells = row.subList(2, row.size());
            text.row("  " + row.get(1), java.util.stream.IntStream.range(0, cells.size()).boxed().toList(), cells::get);
        }
        StringBuilder out = new StringBuilder();
        text.renderTo(out);
        return out.toString();
    }

    private static List<String> row(Projection p, String pool, String label, String measure, List<String> years,
                                    java.util.function.Function<String, String> cell) {
        List<String> row = new ArrayList<>(List.of(label, measure));
        for (String y : years) {
            row.add(cell.apply(y));
        }
        return row;
    }

    private static double mean(Projection p, OutputMetric metric, String pool, String year) {
        return p.find(Table.YEARLY, metric, pool, year).map(r -> r.summary().mean()).orElse(0.0);
    }
}
