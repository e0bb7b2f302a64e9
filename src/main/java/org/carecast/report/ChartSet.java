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
    private List<Charts.Named> charts;
    private final Map<String, String> svg = new HashMap<>();

    private ChartSet(Supplier<List<Charts.Named>> build) {
        this.build = build;
    }

    /** Charts built from {@code build} when first asked for. */
    public static ChartSet of(Supplier<List<Charts.Named>> build) {
        return new ChartSet(build);
    }

    public synchronized List<Charts.Named> charts() {
        if (charts == null) {
            charts = List.copyOf(build.get());
        }
        return charts;
    }

    /** The chart as an inline SVG element (see {@link ChartFiles#svg}), drawn on first use. */
    public synchronized String svg(Charts.Named chart) {
        return svg.computeIfAbsent(chart.name(), name -> ChartFiles.svg(chart.chart()));
    }

    /** Writes {@code <name>.png} and {@code <name>.svg} for every chart into {@code folder}. */
    public void writeInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Charts.Named c : charts()) {
            ChartUtils.saveChartAsPNG(folder.resolve(c.name() + ".png").toFile(), c.chart(), Charts.WIDTH, Charts.HEIGHT);
            Files.writeString(folder.resolve(c.name() + ".svg"), ChartFiles.svgDocument(svg(c)), StandardCharsets.UTF_8);
        }
    }
}
