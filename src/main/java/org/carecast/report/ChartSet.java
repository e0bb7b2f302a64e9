package org.carecast.report;

import org.jfree.chart.ChartUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The charts of one result, built once and each drawn as SVG once: the chart files
 * ({@code charts/*.png, *.svg}) and the page that inlines them share one set, so a run with
 * both formats does not build or draw any chart twice.
 */
public final class ChartSet {

    private final Supplier<List<Charts.Named>> build;
    private final String source;
    private List<Charts.Named> charts;
    private final Map<String, String> svg = new HashMap<>();

    private ChartSet(String source, Supplier<List<Charts.Named>> build) {
        this.source = source;
        this.build = build;
    }

    /**
     * Charts built from {@code build} when first asked for, each signed at its foot with
     * {@code source} (the scenario) and the date it was made: a chart pasted into a board paper
     * travels without the report that explains it.
     */
    public static ChartSet of(String source, Supplier<List<Charts.Named>> build) {
        return new ChartSet(source, build);
    }

    public synchronized List<Charts.Named> charts() {
        if (charts == null) {
            charts = List.copyOf(build.get());
            String made = java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                    java.util.Locale.UK));
            for (Charts.Named c : charts) {
                c.chart().addSubtitle(Charts.footer(source + " - carecast, " + made));
            }
        }
        return charts;
    }

    /**
     * The chart as an inline SVG element (see {@link ChartFiles#svg}), drawn on first use, with a
     * title and a description for screen readers.
     */
    public synchronized String svg(Charts.Named chart) {
        // Ids from the source and the chart's name: the same on every run, and distinct between
        // the charts of one page, even one that shows two results' charts of the same name.
        String ids = "c" + Integer.toHexString((source + "/" + chart.name()).hashCode()) + "-";
        return svg.computeIfAbsent(chart.name(), name -> ChartFiles.accessible(ChartFiles.svg(chart.chart(), ids),
                chart.chart().getTitle() == null ? chart.caption() : chart.chart().getTitle().getText(),
                chart.caption() + ". " + source + "."));
    }

    /**
     * The chart drawn as an image for its PNG. Drawn under this set's lock, as {@link #svg} is: a
     * JFreeChart chart must not be drawn by two threads at once, and the page and the chart
     * files may be written at the same time ({@link ReportFormat#writeAll}).
     */
    private synchronized java.awt.image.BufferedImage image(Charts.Named chart) {
        return chart.chart().createBufferedImage(Charts.WIDTH, Charts.HEIGHT, null);
    }

    /**
     * Writes {@code <name>.png} and {@code <name>.svg} for every chart into {@code folder}; the
     * PNGs are encoded outside the lock (the same bytes as JFreeChart's saveChartAsPNG).
     */
    public void writeInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Charts.Named c : charts()) {
            java.awt.image.BufferedImage image = image(c);
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(folder.resolve(c.name() + ".png")))) {
                ChartUtils.writeBufferedImageAsPNG(out, image);
            }
            Files.writeString(folder.resolve(c.name() + ".svg"), ChartFiles.svgDocument(svg(c)), StandardCharsets.UTF_8);
        }
    }
}
