package org.carecast.report;

import org.carecast.results.Comparison;
import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Sensitivity;
import org.carecast.results.SensitivityOutput;
import org.carecast.results.Table;
import org.carecast.results.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The charts of a run and of a comparison, built with JFreeChart for a board paper: a title
 * that says what is shown, units on the axes (children, £ million), financial years marked,
 * and a legend. Bands are always P5-P95 (light) and P25-P75 (dark) around the median, so a
 * reader learns one convention. Money is plotted in £ million; everything else as counted.
 */
public final class Charts {

    /** Size of every chart in pixels: 16:9, legible when printed half an A4 page wide. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999), new Color(0x000000),
    };
    private static final Color BAND = new Color(0x0072B2);
    private static final Color BUDGET = new Color(0xD55E00);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 24);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final double MILLION = 1e6;

    private Charts() {
    }

    /** A chart with the file name it is saved under (without extension). */
    public record Named(String name, String caption, JFreeChart chart) {
    }

    /** The charts of one run, in reading order. Charts whose data the scenario lacks are left out. */
    public static List<Named> forRun(Projection p) {
        List<Named> out = new ArrayList<>();
        JFreeChart children = fan(p, OutputMetric.CHILDREN, "Children in care", "children", 1);
        org.carecast.model.History h = p.history();
        if (!h.isEmpty()) {
            // The past from the actuals file, so the forecast is seen continuing it.
            List<String> months = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int m = 0; m < h.months().length; m++) {
                if (!Double.isNaN(h.children()[m])) {
                    months.add(h.months()[m]);
                    values.add(h.children()[m]);
                }
            }
            if (!months.isEmpty()) {
                addActual(children.getXYPlot(), "Actual (the scenario's actuals file)", months, values, true);
                children.getXYPlot().getDomainAxis().setAutoRange(true);
            }
        }
        out.add(new Named("children-in-care", h.isEmpty() ? "Children in care at the start of each month"
                : "Children in care at the start of each month: actual before the start, then the forecast", children));
        out.add(new Named("placement-mix", "Average children in each kind of placement",
                placementMix(p)));
        boolean budget = !p.series(Table.YEARLY, OutputMetric.BUDGET, "all").isEmpty();
        out.add(new Named("net-cost", budget ? "Net cost of placements per financial year against budget"
                : "Net cost of placements per financial year", netCost(p, budget)));
        if (budget) {
            out.add(new Named("pressure", "Pressure (net cost less budget) per financial year", pressure(p)));
        }
        out.add(new Named("spill-over", "Placements (on entry or after a move) that missed the first choice, per month",
                fan(p, OutputMetric.SPILL_OVER, "Spill-over: placements that missed the first choice", "placements per month", 1)));
        return out;
    }

    /** The charts of a comparison: savings per financial year, and the cumulative saving. */
    public static List<Named> forComparison(List<Comparison.Row> rows) {
        return List.of(
                new Named("savings-per-year", "Saving against the base per financial year", savingsPerYear(rows)),
                new Named("cumulative-saving", "Cumulative saving against the base", cumulativeSaving(rows)));
    }

    // ---- run charts ----

    /** Median with P25-P75 and P5-P95 bands of a monthly series, for group "all". */
    static JFreeChart fan(Projection p, OutputMetric metric, String title, String unit, double scale) {
        List<Projection.Row> rows = p.series(Table.MONTHLY, metric, "all");
        YIntervalSeries outer = new YIntervalSeries("5th to 95th percentile");
        YIntervalSeries inner = new YIntervalSeries("25th to 75th percentile");
        for (Projection.Row r : rows) {
            double x = monthMillis(r.period());
            Summary s = r.summary();
            outer.add(x, s.p50() / scale, s.p5() / scale, s.p95() / scale);
            inner.add(x, s.p50() / scale, s.p25() / scale, s.p75() / scale);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(outer);
        data.addSeries(inner);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, BAND);
        renderer.setSeriesFillPaint(0, new Color(0xC6DBEF));
        renderer.setSeriesPaint(1, BAND);
        renderer.setSeriesFillPaint(1, new Color(0x6BAED6));
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesStroke(1, new BasicStroke(3f));
        renderer.setAlpha(1f);
        XYPlot plot = new XYPlot(data, dateAxis(), numberAxis(unit), renderer);
        // XYPlot draws series last-first by default, which would hide the inner band under the outer.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Median", null, null, null, new Line2D.Double(-10, 0, 10, 0), new BasicStroke(3f), BAND));
        legend.add(new LegendItem("Middle 50% of outcomes", new Color(0x6BAED6)));
        legend.add(new LegendItem("90% of outcomes", new Color(0xC6DBEF)));
        plot.setFixedLegendItems(legend);
        markFinancialYears(plot, rows);
        labelYearEnds(plot, rows, scale);
        JFreeChart chart = chart(title, plot);
        chart.addSubtitle(subtitle("Line: median of " + p.replications() + " replications, written at each April and at the end."
                + " Bands: 50% and 90% of outcomes."));
        return chart;
    }

    /**
     * Stacked means by placement type: means add up, so the stack's top is the mean total. Each
     * band is drawn as one area from zero to its running total, largest first, so that every
     * band is a single polygon (a stacked renderer draws one per month, which shows seams in SVG).
     */
    static JFreeChart placementMix(Projection p) {
        List<Projection.Row> total = p.series(Table.MONTHLY, OutputMetric.CHILDREN, "all");
        double[] running = new double[total.size()];
        XYSeriesCollection data = new XYSeriesCollection();
        for (Projection.Row first : p.table(Table.MONTHLY)) {
            if (first.metric() != OutputMetric.CHILDREN || first.group().equals("all")
                    || !first.period().equals(total.get(0).period())) {
                continue;
            }
            List<Projection.Row> rows = p.series(Table.MONTHLY, OutputMetric.CHILDREN, first.group());
            // The number at the end in the legend: a group of one or two children (secure welfare)
            // is a hairline in the stack, but its legend entry still says how many.
            XYSeries series = new XYSeries(p.label(first.group()) + ": " + Format.count(rows.get(rows.size() - 1).summary().mean()),
                    false, false);
            for (int m = 0; m < rows.size(); m++) {
                running[m] += rows.get(m).summary().mean();
                series.add(monthMillis(rows.get(m).period()), running[m]);
            }
            data.addSeries(series);
        }
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(data, dateAxis(), numberAxis("children"), renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        // Largest running total first, so each smaller one is painted over it.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        markFinancialYears(plot, total);
        JFreeChart chart = chart("Placement mix", plot);
        chart.addSubtitle(subtitle("Mean number of children in each kind of placement, stacked; the top edge is the mean total."
                + " Legend: the mean at the end."));
        return chart;
    }

    /** Net cost per financial year as box plots (box P25-P75, whiskers P5-P95), with the budget as a line. */
    static JFreeChart netCost(Projection p, boolean withBudget) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        for (Projection.Row r : p.series(Table.YEARLY, OutputMetric.NET_COST, "all")) {
            boxes.add(box(r.summary(), MILLION), "Net cost (spend less income)", r.period());
        }
        CategoryPlot plot = boxPlot(boxes, "£ million");
        // Money from zero: a box that looks twice the height of another should cost twice as much.
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        labelMedians(plot, p.series(Table.YEARLY, OutputMetric.NET_COST, "all"));
        if (withBudget) {
            DefaultCategoryDataset budget = new DefaultCategoryDataset();
            for (Projection.Row r : p.series(Table.YEARLY, OutputMetric.BUDGET, "all")) {
                budget.addValue(r.summary().p50() / MILLION, "Budget", r.period());
            }
            LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
            line.setSeriesPaint(0, BUDGET);
            line.setSeriesStroke(0, new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 6f}, 0f));
            plot.setDataset(1, budget);
            plot.setRenderer(1, line);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        JFreeChart chart = chart(withBudget ? "Net cost against budget" : "Net cost", plot);
        chart.addSubtitle(subtitle("Per financial year (April to March). Box: middle 50% of outcomes; whiskers: 90%; line in box:"
                + " median, written above."));
        if (withBudget && p.placeholderBudgets()) {
            chart.addSubtitle(placeholderWarning());
        }
        return chart;
    }

    static JFreeChart pressure(Projection p) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        for (Projection.Row r : p.series(Table.YEARLY, OutputMetric.PRESSURE, "all")) {
            boxes.add(box(r.summary(), MILLION), "Pressure (net cost less budget)", r.period());
        }
        CategoryPlot plot = boxPlot(boxes, "£ million");
        plot.addRangeMarker(zeroMarker("on budget"));
        labelMedians(plot, p.series(Table.YEARLY, OutputMetric.PRESSURE, "all"));
        JFreeChart chart = chart(p.placeholderBudgets() ? "Budget pressure against placeholder budgets" : "Budget pressure", plot);
        chart.addSubtitle(subtitle("Above zero: overspend. Box: middle 50% of outcomes; whiskers: 90%; line in box: median,"
                + " written above."));
        if (p.placeholderBudgets()) {
            chart.addSubtitle(placeholderWarning());
        }
        return chart;
    }

    /**
     * Said on the chart itself, since a chart is pasted into papers without the report's notes:
     * pressure against placeholder budgets is not the council's position.
     */
    private static TextTitle placeholderWarning() {
        TextTitle t = new TextTitle("The budgets are placeholders, not the council's budget book: not a forecast of its"
                + " pressure. Replace finance.budgetLines first.", SUBTITLE);
        t.setPaint(BUDGET);
        return t;
    }

    // ---- comparison charts ----

    static JFreeChart savingsPerYear(List<Comparison.Row> rows) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        for (Comparison.Row r : rows) {
            if (r.metric() == Comparison.Metric.SAVING && !r.period().equals("all")) {
                boxes.add(box(r.summary(), MILLION), r.scenario(), r.period());
            }
        }
        CategoryPlot plot = boxPlot(boxes, "£ million saved");
        plot.addRangeMarker(zeroMarker("no saving"));
        JFreeChart chart = chart("Saving against the base, per financial year", plot);
        chart.addSubtitle(subtitle("Net of each option's own costs; above zero the option costs less. Box: 50% of outcomes; whiskers: 90%."));
        return chart;
    }

    static JFreeChart cumulativeSaving(List<Comparison.Row> rows) {
        Map<String, YIntervalSeries> byScenario = new LinkedHashMap<>();
        for (Comparison.Row r : rows) {
            if (r.metric() == Comparison.Metric.CUMULATIVE_SAVING) {
                YIntervalSeries s = byScenario.computeIfAbsent(r.scenario(), YIntervalSeries::new);
                Summary x = r.summary();
                s.add(yearEndMillis(r.period()), x.p50() / MILLION, x.p5() / MILLION, x.p95() / MILLION);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        byScenario.values().forEach(data::addSeries);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesFillPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(3f));
        }
        DateAxis x = dateAxis();
        x.setDateFormatOverride(utc(new SimpleDateFormat("MMM yyyy")));
        XYPlot plot = new XYPlot(data, x, numberAxis("£ million saved so far"), renderer);
        plot.addRangeMarker(zeroMarker("break even"));
        JFreeChart chart = chart("Cumulative saving against the base", plot);
        chart.addSubtitle(subtitle("At the end of each financial year; line: median, band: 90% of outcomes. Above zero the option has paid for itself."));
        return chart;
    }

    // ---- regions ----

    /**
     * The charts of a region: each council's and the region's net cost per financial year, the
     * children each council has in the shared places, and, against a base, each council's and
     * the region's saving. Box: the middle 50% of outcomes; whiskers: 90%.
     */
    public static List<Named> forRegion(RegionReport region) {
        List<Named> out = new ArrayList<>();
        out.add(new Named("net-cost-by-council", "Net cost per financial year, each council and the region",
                regionBoxes(region, "net_cost", "Net cost per financial year", "£ million", MILLION,
                        "Spend less income; the region's is the councils' summed in each replication.")));
        if (region.rows().stream().anyMatch(r -> r.metric().equals("shared_places_children"))) {
            out.add(new Named("shared-places-by-council", "Children in the shared places, each council and in all",
                    regionBoxes(region, "shared_places_children", "Children in the shared places (mean over the year)",
                            "children", 1, "How the pooled places are used, council by council.")));
        }
        if (region.rows().stream().anyMatch(r -> r.metric().equals("net_cost_saving"))) {
            JFreeChart savings = regionBoxes(region, "net_cost_saving", "Saving against the base, per financial year",
                    "£ million saved", MILLION, "Above zero the council (or the region) spends less than under the base.");
            ((CategoryPlot) savings.getPlot()).addRangeMarker(zeroMarker("no saving"));
            out.add(new Named("savings-by-council", "Saving against the base per financial year, each council and the region",
                    savings));
        }
        return out;
    }

    private static JFreeChart regionBoxes(RegionReport region, String metric, String title, String unit, double scale,
                                          String note) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        List<String> who = new ArrayList<>(region.councils());
        who.add("region");
        for (String council : who) {
            for (RegionReport.Row r : region.rows()) {
                if (r.metric().equals(metric) && r.council().equals(council)) {
                    boxes.add(box(r.summary(), scale), council.equals("region") ? "Region" : council, r.year());
                }
            }
        }
        JFreeChart chart = chart(title, boxPlot(boxes, unit));
        chart.addSubtitle(subtitle(note + " Box: 50% of outcomes; whiskers: 90%."));
        return chart;
    }

    // ---- sensitivity ----

    /**
     * A tornado chart: one row per assumption, widest swing at the top; from the central case
     * (the line at zero), a blue bar to the output's change when the assumption is at its low
     * value and an orange bar to its change at the high value. Two bars per row, not one bar
     * across, so an assumption that moves the output the same way at both ends still reads.
     */
    static JFreeChart tornado(String scenario, List<Sensitivity.Swing> swings) {
        SensitivityOutput output = swings.get(0).output();
        double scale = output.metric().isMoney() ? MILLION : 1;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Sensitivity.Swing w : swings) {
            String row = SensitivityReport.shortName(w.assumption()) + " (" + w.lowValue() + " / " + w.highValue() + ")";
            data.addValue(w.lowEffect() / scale, "assumption at its low value", row);
            data.addValue(w.highEffect() / scale, "at its high value", row);
        }
        org.jfree.chart.renderer.category.BarRenderer renderer = new org.jfree.chart.renderer.category.BarRenderer();
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.0);
        renderer.setSeriesPaint(0, BAND);
        renderer.setSeriesPaint(1, BUDGET);
        renderer.setDrawBarOutline(false);
        CategoryAxis rows = new CategoryAxis();
        rows.setTickLabelFont(TICK);
        rows.setMaximumCategoryLabelWidthRatio(0.45f);
        rows.setCategoryMargin(0.25);
        NumberAxis x = numberAxis((output.metric().isMoney() ? "£ million" : output.metric().unit())
                + " change from the central case");
        x.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, rows, x, renderer);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.5f)));
        JFreeChart chart = chart("What moves " + output.label().replaceFirst(" \\(.*\\)", "").toLowerCase(java.util.Locale.ROOT), plot);
        chart.addSubtitle(subtitle(scenario + ": each assumption at the low and the high end of its range, every other at its"
                + " central value; mean change over paired replications. Widest swing first."));
        return chart;
    }

    // ---- building blocks ----

    /** The median of each year written above its whisker, in £ million: the figure a reader quotes. */
    private static void labelMedians(CategoryPlot plot, List<Projection.Row> years) {
        for (Projection.Row r : years) {
            org.jfree.chart.annotations.CategoryTextAnnotation label = new org.jfree.chart.annotations.CategoryTextAnnotation(
                    String.format(java.util.Locale.ROOT, "%.1f", r.summary().p50() / MILLION), r.period(),
                    Math.max(r.summary().p95(), 0) / MILLION);
            label.setFont(TICK);
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            label.setCategoryAnchor(org.jfree.chart.axis.CategoryAnchor.MIDDLE);
            plot.addAnnotation(label);
        }
    }

    /** The median at each financial year's start (April) and at the end, written over the line. */
    private static void labelYearEnds(XYPlot plot, List<Projection.Row> monthly, double scale) {
        for (int m = 0; m < monthly.size(); m++) {
            Projection.Row r = monthly.get(m);
            if (m == monthly.size() - 1 || (m > 0 && r.period().endsWith("-04"))) {
                org.jfree.chart.annotations.XYTextAnnotation label = new org.jfree.chart.annotations.XYTextAnnotation(
                        Format.count(r.summary().p50() / scale), monthMillis(r.period()), r.summary().p95() / scale);
                label.setFont(TICK);
                label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                label.setBackgroundPaint(new Color(255, 255, 255, 200));
                plot.addAnnotation(label);
            }
        }
    }

    /**
     * Draws actual monthly values ("2025-04" months) over a fan chart, in a colour of their own,
     * and adds them to its legend: as a line (a history leading into the forecast) or as dots
     * (actuals scored against a forecast).
     */
    static void addActual(XYPlot plot, String label, List<String> months, List<Double> values, boolean line) {
        XYSeries actual = new XYSeries(label);
        for (int m = 0; m < months.size(); m++) {
            actual.add(monthMillis(months.get(m)), values.get(m));
        }
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(line, !line);
        renderer.setSeriesPaint(0, BUDGET);
        renderer.setSeriesStroke(0, new BasicStroke(line ? 3f : 2f));
        int index = plot.getDatasetCount();
        plot.setDataset(index, new XYSeriesCollection(actual));
        plot.setRenderer(index, renderer);
        LegendItemCollection legend = plot.getFixedLegendItems();
        legend.add(renderer.getLegendItem(index, 0));
        plot.setFixedLegendItems(legend);
    }

    private static BoxAndWhiskerItem box(Summary s, double scale) {
        return new BoxAndWhiskerItem(s.mean() / scale, s.p50() / scale, s.p25() / scale, s.p75() / scale,
                s.p5() / scale, s.p95() / scale, s.p5() / scale, s.p95() / scale, List.of());
    }

    private static CategoryPlot boxPlot(DefaultBoxAndWhiskerCategoryDataset data, String unit) {
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setWhiskerWidth(0.6);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlineStroke(new BasicStroke(2f));
        for (int s = 0; s < data.getRowCount(); s++) {
            Color c = PALETTE[s % PALETTE.length];
            renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
            renderer.setSeriesOutlinePaint(s, c.darker());
        }
        CategoryAxis x = new CategoryAxis("Financial year (April to March)");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        NumberAxis y = numberAxis(unit);
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.0"));
        return new CategoryPlot(data, x, y, renderer);
    }

    private static ValueMarker zeroMarker(String label) {
        ValueMarker zero = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.5f));
        zero.setLabel(label);
        zero.setLabelFont(TICK);
        zero.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        zero.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        zero.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return zero;
    }

    private static DateAxis dateAxis() {
        DateAxis x = new DateAxis("Month");
        x.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(utc(new SimpleDateFormat("MMM yyyy")));
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        return x;
    }

    private static SimpleDateFormat utc(SimpleDateFormat f) {
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    }

    private static NumberAxis numberAxis(String unit) {
        NumberAxis y = new NumberAxis(unit);
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    /** A dotted line at each April, labelled with the financial year that starts there. */
    private static void markFinancialYears(XYPlot plot, List<Projection.Row> monthly) {
        // The last census is the end of the horizon: no year starts there.
        for (Projection.Row r : monthly.subList(0, monthly.size() - 1)) {
            LocalDate d = LocalDate.parse(r.period() + "-01");
            if (d.getMonthValue() == 4) {
                ValueMarker m = new ValueMarker(monthMillis(r.period()), Color.GRAY,
                        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 4f}, 0f));
                int year = d.getYear();
                m.setLabel(year + "/" + String.format("%02d", (year + 1) % 100));
                m.setLabelFont(TICK);
                m.setLabelPaint(Color.DARK_GRAY);
                m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m);
            }
        }
    }

    /**
     * Lines over categories (cutoffs, for example): one line per entry of {@code lines}, in
     * order, each with one value per label; the first is drawn heavy, the last grey and dashed.
     */
    static JFreeChart byCutoff(String title, String unit, List<String> labels, Map<String, double[]> lines) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> line : lines.entrySet()) {
            for (int k = 0; k < labels.size(); k++) {
                data.addValue(line.getValue()[k], line.getKey(), labels.get(k));
            }
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int s = 0; s < lines.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(s == 0 ? 3f : 1.5f));
        }
        // The last line is of another kind (a share of months, not an error): grey and dashed.
        renderer.setSeriesPaint(lines.size() - 1, Color.GRAY);
        renderer.setSeriesStroke(lines.size() - 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        CategoryAxis axis = new CategoryAxis("cutoff");
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        CategoryPlot plot = new CategoryPlot(data, axis, numberAxis(unit), renderer);
        JFreeChart chart = chart(title, plot);
        chart.addSubtitle(subtitle("Mean absolute percentage error over the horizon (lower is better), and the share of"
                + " months whose actual fell outside the 90% band (about 10 is right)."));
        return chart;
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TICK);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    /** The signature at a chart's foot: what it is from and when it was made. */
    static TextTitle footer(String text) {
        TextTitle t = new TextTitle(text, TICK);
        t.setPaint(Color.GRAY);
        t.setPosition(RectangleEdge.BOTTOM);
        t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
        return t;
    }

    private static TextTitle subtitle(String text) {
        TextTitle t = new TextTitle(text, SUBTITLE);
        t.setPaint(Color.DARK_GRAY);
        return t;
    }

    /** Milliseconds (UTC) of the first day of a "2025-04" month. */
    private static double monthMillis(String yearMonth) {
        return LocalDate.parse(yearMonth + "-01").atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Milliseconds (UTC) of the end of a "2025/26" financial year: 1 April of its second year. */
    private static double yearEndMillis(String financialYear) {
        int first = Integer.parseInt(financialYear.substring(0, 4));
        return LocalDate.of(first + 1, 4, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
