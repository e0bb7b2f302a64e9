package org.carecast.report;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;

/**
 * Renders charts to SVG at {@link Charts#WIDTH} x {@link Charts#HEIGHT} ({@link ChartSet} writes the PNGs). Both need no
 * display: the launcher and the tests run with {@code java.awt.headless=true}.
 */
final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * The chart as an SVG element, scalable, with a viewBox so a page can size it to its column.
     * Its clip paths are named from {@code idPrefix} (JFreeSVG's default prefix is the clock's
     * nanoseconds, so the same run wrote a different page every time); a page that inlines
     * several charts gives each its own prefix, as ids must be unique in a document.
     */
    static String svg(JFreeChart chart, String idPrefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(Charts.WIDTH, Charts.HEIGHT);
        g2.setDefsKeyPrefix(idPrefix);
        chart.draw(g2, new Rectangle(0, 0, Charts.WIDTH, Charts.HEIGHT));
        return g2.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, Charts.WIDTH, Charts.HEIGHT), null, null);
    }

    /**
     * The SVG element with a {@code <title>} and a {@code <desc>} as its first children, and
     * {@code role="img"} naming them, so a screen reader announces the chart by its title and
     * reads its description (WCAG 1.1.1).
     */
    static String accessible(String svgElement, String title, String description) {
        int end = svgElement.indexOf('>');
        if (!svgElement.startsWith("<svg") || end < 0) {
            return svgElement;
        }
        String id = "c" + Integer.toHexString((title + description).hashCode());
        String open = svgElement.substring(0, end);
        boolean selfClosed = open.endsWith("/");
        if (selfClosed) {
            return svgElement;
        }
        return open + " role=\"img\" aria-labelledby=\"" + id + "-t " + id + "-d\">"
                + "<title id=\"" + id + "-t\">" + Html.escape(title) + "</title>"
                + "<desc id=\"" + id + "-d\">" + Html.escape(description) + "</desc>"
                + svgElement.substring(end + 1);
    }

    /** The SVG file content around an SVG element already drawn. */
    static String svgDocument(String svgElement) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement + "\n";
    }
}
