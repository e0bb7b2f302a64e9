package org.carecast.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders charts to PNG and SVG at {@link Charts#WIDTH} x {@link Charts#HEIGHT}. Both need no
 * display: the launcher and the tests run with {@code java.awt.headless=true}.
 */
final class ChartFiles {

    private ChartFiles() {
    }

    /** The chart as an SVG element, scalable, with a viewBox so a page can size it to its column. */
    static String svg(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(Charts.WIDTH, Charts.HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, Charts.WIDTH, Charts.HEIGHT));
        return g2.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, Charts.WIDTH, Charts.HEIGHT), null, null);
    }

    /** The SVG file content: an XML document around {@link #svg}. */
    static String svgDocument(JFreeChart chart) {
        return svgDocument(svg(chart));
    }

    /** The SVG file content around an SVG element already drawn. */
    static String svgDocument(String svgElement) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement + "\n";
    }
}
