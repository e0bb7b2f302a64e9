package org.carecast.report;

import org.carecast.results.Comparison;
import org.carecast.results.Comparison.Metric;
import org.carecast.results.Summary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compare page's ranking: best median whole-horizon saving first, each option's figures in its row. */
class ComparisonRankingTest {

    @Test
    void optionsAreRankedByTheirMedianSaving() {
        List<Comparison.Row> rows = new ArrayList<>();
        option(rows, "small", 1e6, 0.7, 30);
        option(rows, "loses", -5e5, 0.1, Double.POSITIVE_INFINITY);
        option(rows, "best", 9e6, 1.0, 0);
        List<List<String>> table = ComparisonPage.ranking(rows);
        assertEquals(List.of("best", "small", "loses"), table.subList(1, 4).stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("best", Format.millions(9e6) + " (" + Format.millionsRange(flat(9e6)) + ")", Format.percent(1.0),
                "never behind", "2.0", "3.0", "4.0"), table.get(1));
        assertEquals("after 30 months", table.get(2).get(3));
        assertEquals("not by the end", table.get(3).get(3));

        // With the horizon and the new provision's occupancy: the net cost per child-year kept in borough.
        List<List<String>> full = ComparisonPage.ranking(rows, 5, java.util.Map.of("loses", 0.8));
        assertEquals("Net cost per child-year kept in borough", full.get(0).get(7));
        assertEquals("£50,000", full.get(3).get(7), "0.5m over 5 years for 2 children kept");
        assertEquals("none: it saves money", full.get(1).get(7));
        assertEquals(Format.percent(0.8), full.get(3).get(8));
        assertEquals("no new places", full.get(1).get(8));
    }

    @Test
    void savingsReadOneWayWithTheirDirectionInWords() {
        assertEquals("no difference", ComparisonPage.saving(flat(0)));
        assertEquals("a median saving of £1.20m (90% range £0.80m to £1.60m)",
                ComparisonPage.saving(new Summary(1.2e6, 0.8e6, 1e6, 1.2e6, 1.4e6, 1.6e6)));
        assertEquals("a median extra cost of £0.60m (90% range £0.40m to £0.90m more)",
                ComparisonPage.saving(new Summary(-0.6e6, -0.9e6, -0.7e6, -0.6e6, -0.5e6, -0.4e6)));
        assertEquals("a median saving of £0.24m (90% range from £0.96m more to £2.03m less)",
                ComparisonPage.saving(new Summary(0.3e6, -0.96e6, 0, 0.24e6, 0.9e6, 2.03e6)));
        // Before an option starts there is nothing to say: the first sentence starts at the first year it changes anything.
        List<Comparison.Row> rows = new ArrayList<>();
        rows.add(new Comparison.Row("home", Metric.SAVING, "2025/26", flat(0), 0));
        rows.add(new Comparison.Row("home", Metric.SAVING, "2026/27", new Summary(-5e5, -6e5, -5e5, -5e5, -5e5, -4e5), 0));
        rows.add(new Comparison.Row("home", Metric.SAVING, "all", new Summary(-5e5, -6e5, -5e5, -5e5, -5e5, -4e5), 0));
        rows.add(new Comparison.Row("home", Metric.PAYBACK_MONTHS, "all", flat(Double.POSITIVE_INFINITY), 0));
        String sentence = ComparisonPage.summary(rows).get(0);
        assertEquals(true, sentence.startsWith("home: no difference until 2026/27; in 2026/27 a median extra cost of £0.50m"), sentence);
    }

    private static void option(List<Comparison.Row> rows, String name, double saving, double chance, double payback) {
        rows.add(new Comparison.Row(name, Metric.SAVING, "2025/26", flat(saving / 5), chance));
        rows.add(new Comparison.Row(name, Metric.SAVING, "all", flat(saving), chance));
        rows.add(new Comparison.Row(name, Metric.PAYBACK_MONTHS, "all", flat(payback), Double.NaN));
        rows.add(new Comparison.Row(name, Metric.KEPT_IN_BOROUGH, "all", flat(2), Double.NaN));
        rows.add(new Comparison.Row(name, Metric.EXTERNAL_AVOIDED, "all", flat(3), Double.NaN));
        rows.add(new Comparison.Row(name, Metric.BREAKDOWNS_AVOIDED, "all", flat(4), Double.NaN));
    }

    private static Summary flat(double x) {
        return new Summary(x, x, x, x, x, x);
    }
}
