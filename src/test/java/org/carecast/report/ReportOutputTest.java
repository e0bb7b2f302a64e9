package org.carecast.report;

import org.carecast.cli.Main;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader-facing outputs of a run of the shipped baseline: charts render at the stated size
 * with real content, report.html states the figures the CSV holds, and the workbook opens with
 * an independent reader and agrees with the CSV.
 */
class ReportOutputTest {

    @TempDir
    static Path tmp;
    static Path folder;

    @BeforeAll
    static void runTheBaseline() {
        System.setProperty("java.awt.headless", "true");
        folder = tmp.resolve("baseline");
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run",
                "scenarios/oldham-baseline.yaml", "--replications", "40", "--out", folder.toString(), "--quiet");
        assertEquals(0, status, err.toString());
    }

    /** p50 of one row of yearly.csv or monthly.csv. */
    private static double csv(String file, String metric, String group, String period, int column) throws Exception {
        String prefix = metric + "," + group + ",";
        for (String line : Files.readAllLines(folder.resolve(file))) {
            String[] f = line.split(",");
            if (line.startsWith(prefix) && f[3].equals(period)) {
                return Double.parseDouble(f[column]);
            }
        }
        throw new AssertionError("no row " + metric + "/" + group + "/" + period);
    }

    @Test
    void chartsAreImagesOfTheStatedSizeWithContent() throws Exception {
        List<String> names = List.of("children-in-care", "placement-mix", "net-cost", "pressure", "spill-over");
        for (String name : names) {
            BufferedImage png = ImageIO.read(folder.resolve("charts/" + name + ".png").toFile());
            assertEquals(Charts.WIDTH, png.getWidth(), name);
            assertEquals(Charts.HEIGHT, png.getHeight(), name);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < png.getHeight(); y += 5) {
                for (int x = 0; x < png.getWidth(); x += 5) {
                    colours.add(png.getRGB(x, y));
                }
            }
            // A blank or title-only image has a handful of colours; a drawn chart has many.
            assertTrue(colours.size() > 20, name + " has " + colours.size() + " colours");
            String svg = Files.readString(folder.resolve("charts/" + name + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("viewBox='0.0 0.0 " + Charts.WIDTH + ".0 " + Charts.HEIGHT + ".0'"), name);
            // Read by a screen reader by its title and description; signed with the scenario it came from.
            assertTrue(svg.contains("role=\"img\"") && svg.matches("(?s).*<svg[^>]*><title id=\"[^\"]+\">[^<]+</title><desc id=.*"), name);
            assertTrue(svg.contains("Oldham baseline (status quo from April 2025) - carecast,"), name + " is signed");
        }
    }

    /**
     * The page and the SVG charts are the same bytes when the run is repeated, so a reader can
     * diff two runs' reports and an archive of reports does not change under them (JFreeSVG names
     * clip paths from the clock unless told otherwise). The date a chart is signed with is the
     * only thing allowed to differ, should the runs straddle midnight.
     */
    @Test
    void aRepeatedRunWritesTheSamePageAndCharts() throws Exception {
        Path again = tmp.resolve("again");
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run",
                "scenarios/oldham-baseline.yaml", "--replications", "40", "--out", again.toString(), "--quiet", "--no-xlsx");
        assertEquals(0, status, err.toString());
        List<String> files = new java.util.ArrayList<>(List.of("report.html"));
        try (Stream<Path> charts = Files.list(folder.resolve("charts"))) {
            charts.filter(p -> p.toString().endsWith(".svg")).forEach(p -> files.add("charts/" + p.getFileName()));
        }
        assertTrue(files.size() > 1, "charts written");
        for (String file : files) {
            String date = "carecast, \\d{1,2} [A-Z][a-z]+ \\d{4}";
            assertEquals(Files.readString(folder.resolve(file)).replaceAll(date, "carecast, DATE"),
                    Files.readString(again.resolve(file)).replaceAll(date, "carecast, DATE"), file);
        }
    }

    @Test
    void theReportStatesTheFiguresInTheCsvAndNeedsNoNetwork() throws Exception {
        String html = Files.readString(folder.resolve("report.html")).replace("<span class=\"nw\">", "").replace("</span>", "");
        assertTrue(Files.readString(folder.resolve("report.html")).matches("(?s).*<span class=\"nw\">-?£[0-9.,]+m</span>.*"),
                "money never breaks across lines");
        for (String year : List.of("2025/26", "2026/27")) {
            // The baseline's budgets are placeholders, and the sentence must say so wherever it is read.
            String sentence = "In " + year + " the median projected pressure against placeholder budgets is "
                    + Format.millions(csv("yearly.csv", "pressure", "all", year, 7)) + "; there is a 90% chance it lies between "
                    + Format.millions(csv("yearly.csv", "pressure", "all", year, 5)) + " and "
                    + Format.millions(csv("yearly.csv", "pressure", "all", year, 9)) + ".";
            assertTrue(html.contains(Html.escape(sentence)), sentence);
        }
        assertTrue(html.contains(Format.millions(csv("yearly.csv", "net_cost", "all", "2027/28", 7))));
        assertTrue(Files.readString(folder.resolve("charts/pressure.svg")).contains("placeholder budgets"),
                "a chart pasted alone still says its budgets are placeholders");
        assertTrue(html.contains(Format.percent(csv("monthly.csv", "own_provision_share", "all", "2025-04", 7))));
        assertEquals(5, html.split("<svg", -1).length - 1, "five charts inline");
        for (String external : List.of("src=\"http", "href=\"http", "<script", "<link", "url(http", "url('http", "@import")) {
            assertFalse(html.contains(external), "the page must be self-contained: found " + external);
        }
        // Assumptions keep their sources: the weekly cost of secure welfare cites the minutes.
        assertTrue(html.contains("placementTypes[secure_welfare].weeklyCost"), "assumptions table");
        assertTrue(html.indexOf("<details>") > 0 && html.indexOf("<details>") < html.indexOf("placementTypes[secure_welfare].weeklyCost"),
                "the assumptions are folded");
        int years = html.indexOf("id=\"years\"");
        assertTrue(years > 0 && years < html.indexOf("id=\"charts\""), "the tables by year come before the charts");
        for (String title : List.of("Children in care at the end of each financial year (median)",
                "Spend by financial year, £ million (median)", "Flows per financial year (median)")) {
            assertTrue(html.indexOf(title) > years, title);
        }
        assertTrue(html.contains("<td>Independent fostering agency</td>"), "by placement type");
        assertTrue(html.matches("(?s).*<ul class=\"summary\">.*The drawn assumptions account for about \\d+% of the spread of 2025/26"
                + " pressure.*</ul>.*"), "the summary splits the spread of the headline figures");
        assertEquals(1, html.split("account for about", -1).length - 1, "the split is said once, in the summary");
        assertTrue(html.contains("<td>  into External children&#39;s home (mostly out of borough)</td>")
                || html.contains("<td>  into External children's home (mostly out of borough)</td>"), "spill-over by the type taken");
        assertTrue(html.contains("court ordered payment up to GBP 32,000 a week"), "its source comment");
        // At the start no child has a year of moves behind it: the indicator says so rather than 0%.
        assertTrue(html.contains("<td>not known at the start</td>"), "3+ placements at the start");
    }

    @Test
    void theWorkbookOpensAndItsFiguresAreNumbersThatMatchTheCsv() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(folder.resolve("workbook.xlsx").toFile())) {
            List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("Summary", "By year", "Yearly", "Monthly"), sheets);
            Sheet yearly = wb.getSheets().filter(s -> s.getName().equals("Yearly")).findFirst().orElseThrow();
            List<Row> rows;
            try (Stream<Row> stream = yearly.openStream()) {
                rows = stream.collect(Collectors.toList());
            }
            assertEquals(Files.readAllLines(folder.resolve("yearly.csv")).size(), rows.size(), "one row per CSV row");
            int checked = 0;
            for (Row row : rows.subList(1, rows.size())) {
                String metric = row.getCellText(0);
                if (metric.equals("spend") || metric.equals("pressure") || metric.equals("net_cost")) {
                    BigDecimal p50 = row.getCellAsNumber(8).orElseThrow();
                    double expected = csv("yearly.csv", metric, row.getCellText(1), row.getCellText(4), 7);
                    assertEquals(expected, p50.doubleValue(), 0.006, metric + " " + row.getCellText(4));
                    checked++;
                }
            }
            assertTrue(checked > 50, "checked " + checked);
            // Months are dates (their first day), not text; the summary opens with a table of key figures.
            Sheet monthly = wb.getSheets().filter(x -> x.getName().equals("Monthly")).findFirst().orElseThrow();
            try (Stream<Row> stream = monthly.openStream()) {
                Row first = stream.skip(1).findFirst().orElseThrow();
                assertEquals(java.time.LocalDate.of(2025, 4, 1), first.getCellAsDate(4).orElseThrow().toLocalDate());
            }
            // A default style of its own: the first font of the styles is carecast's.
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(folder.resolve("workbook.xlsx").toRealPath().toFile())) {
                String styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(styles.matches("(?s).*<fonts[^>]*><font><sz val=\"11.00\"/>.*?<name val=\"Arial\"/>.*"), "default font");
            }
            Sheet summary = wb.getFirstSheet();
            try (Stream<Row> stream = summary.openStream()) {
                List<Row> top = stream.limit(6).collect(Collectors.toList());
                Row header = top.stream().filter(x -> "Key figure".equals(x.getCellText(0))).findFirst().orElseThrow();
                Row next = top.get(top.indexOf(header) + 1);
                assertTrue(next.getCellText(0).startsWith("Pressure"), next.getCellText(0));
                assertTrue(next.getCellAsNumber(1).isPresent() && next.getCellAsNumber(2).isPresent(), "numbers as numbers");
            }

            // By year: a row per measure and group; each year's P50, P5, P95 side by side, equal to the CSV's.
            Sheet byYear = wb.getSheets().filter(s -> s.getName().equals("By year")).findFirst().orElseThrow();
            List<Row> pivot;
            try (Stream<Row> stream = byYear.openStream()) {
                pivot = stream.collect(Collectors.toList());
            }
            assertEquals("2025/26 P50", pivot.get(0).getCellText(3));
            assertEquals("2025/26 P95", pivot.get(0).getCellText(5));
            Row spend = pivot.stream().filter(row -> row.getCellText(0).equals(
                    org.carecast.results.OutputMetric.SPEND.label()) && row.getCellText(1).equals("all")).findFirst().orElseThrow();
            assertEquals(csv("yearly.csv", "spend", "all", "2026/27", 7), spend.getCellAsNumber(6).orElseThrow().doubleValue(), 0.006);
            assertEquals(csv("yearly.csv", "spend", "all", "2026/27", 5), spend.getCellAsNumber(7).orElseThrow().doubleValue(), 0.006);
            assertEquals(csv("yearly.csv", "spend", "all", "2026/27", 9), spend.getCellAsNumber(8).orElseThrow().doubleValue(), 0.006);
        }
    }
}
