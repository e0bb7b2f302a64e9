package org.carecast.report;

import org.carecast.results.Summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A region's figures side by side: for each financial year, each council's and the region's
 * children in care at the year's end, spend, net cost and spill-over placements, and the
 * children each council has in the shared places, as medians with 90% bands. The region's
 * figures are summed replication by replication (the councils of one replication share one
 * future), so the region's band is the band of the sum, not the sum of the bands.
 *
 * @param years    financial years, in order
 * @param councils council ids, in the region file's order
 * @param rows     one row per (year, council or "region", metric)
 */
public record RegionReport(String name, List<String> years, List<String> councils, List<Row> rows, List<String> notes) {

    /** One figure: a council's (or "region" for all of them) metric in one financial year. */
    public record Row(String year, String council, String metric, String unit, Summary summary) {
    }

    /**
     * Writes {@code region.csv} (every row), {@code region.txt} (a table of the main figures) and,
     * when asked, {@code report.html} (every figure and chart, linking each council's report),
     * {@code charts/} (PNG and SVG) and {@code workbook.xlsx} into {@code folder}.
     */
    public void write(Path folder, boolean html, boolean withCharts, boolean xlsx) throws IOException {
        ChartSet charts = ChartSet.of(name, () -> Charts.forRegion(this));
        // The columns of yearly.csv, the council (or "region") as the group.
        List<String> csv = new ArrayList<>();
        csv.add(CsvReporter.HEADER);
        for (Row r : rows) {
            int decimals = r.unit().equals("pounds") ? 2 : 3;
            Summary s = r.summary();
            csv.add(String.join(",", r.metric(), r.council(), r.unit(), r.year(), Numbers.plain(s.mean(), decimals),
                    Numbers.plain(s.p5(), decimals), Numbers.plain(s.p25(), decimals), Numbers.plain(s.p50(), decimals),
                    Numbers.plain(s.p75(), decimals), Numbers.plain(s.p95(), decimals)));
        }
        Files.write(folder.resolve("region.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("region.txt"), console(), StandardCharsets.UTF_8);
        if (withCharts) {
            charts.writeInto(folder.resolve("charts"));
        }
        if (html) {
            Files.writeString(folder.resolve("report.html"), page(charts), StandardCharsets.UTF_8);
        }
        if (xlsx) {
            workbook(folder.resolve("workbook.xlsx"));
        }
    }

    /**
     * The workbook: every figure (as region.csv) with numbers formatted by unit, council by
     * council and for the region, and the notes on what the figures hold.
     */
    void workbook(Path file) throws IOException {
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            org.dhatim.fastexcel.Workbook wb = XlsxReporter.workbook(out);
            org.dhatim.fastexcel.Worksheet sheet = wb.newWorksheet("Region");
            XlsxReporter.header(sheet, new String[] {"Figure", "Council", "Unit", "Financial year", "Mean", "P5", "P25",
                    "Median", "P75", "P95"}, 48, 14, 11, 14);
            int row = 1;
            for (Row r : rows) {
                sheet.value(row, 0, r.metric().equals("spend") ? "Spend" : title(r.metric()).replace(", £ million", ""));
                sheet.value(row, 1, r.council().equals("region") ? "Region" : r.council());
                sheet.value(row, 2, r.unit());
                sheet.value(row, 3, r.year());
                XlsxReporter.summary(sheet, row, 4, r.summary(), r.unit().equals("pounds") ? "£#,##0" : "#,##0.0");
                row++;
            }
            org.dhatim.fastexcel.Worksheet about = wb.newWorksheet("Notes");
            about.value(0, 0, name);
            about.style(0, 0).bold().set();
            about.width(0, 120);
            int line = 2;
            about.value(line++, 0, "The region's figures are the councils' summed in each replication: the region's band is"
                    + " the band of the sum, not the sum of the bands.");
            for (String note : notes) {
                about.value(line++, 0, note);
            }
            wb.finish();
        }
    }

    /** The region's page: every figure by financial year, council by council and in all, with links to each council's report. */
    String page(ChartSet charts) {
        Html page = new Html(name);
        page.raw("<h1>").text(name).raw("</h1>\n<p>").text("Councils: ");
        for (int k = 0; k < councils.size(); k++) {
            String c = councils.get(k);
            page.raw(k == 0 ? "" : ", ").raw("<a href=\"" + Html.escape(c) + "/report.html\">").text(c).raw("</a>");
        }
        page.text(" (each council's own report: its children, placements, money and indicators). Medians, with the 90%"
                + " band in brackets; the region's figures are the councils' summed in each replication.").raw("</p>\n");
        List<String> savings = savingsInWords();
        if (!savings.isEmpty()) {
            // What a commissioner asks first of a regional plan, before the notes and charts.
            page.raw("<h2>").text("What the plan saves against the base").raw("</h2>\n<ul>\n");
            for (String line : savings) {
                page.raw("<li>").text(line).raw("</li>\n");
            }
            page.raw("</ul>\n<p class=\"note\">").text("Medians of the net cost saved, replication by replication, in the"
                    + " first financial years; every year, with its 90% band, is in the table \"Saving against the base\""
                    + " below, and a band that spans zero means the plan may cost more.").raw("</p>\n");
        }
        for (String note : notes) {
            page.raw("<p class=\"note\">").text(note).raw("</p>\n");
        }
        for (Charts.Named c : charts.charts()) {
            page.raw("<figure>").raw(charts.svg(c)).raw("<figcaption>").text(c.caption()).raw("</figcaption></figure>\n");
        }
        for (String metric : List.of("children_at_year_end", "spend", "net_cost", "spill_over", "shared_places_children",
                "net_cost_saving", "spill_over_avoided")) {
            List<Row> of = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            if (of.isEmpty()) {
                continue;
            }
            page.raw("<h2>").text(metric.equals("spend") ? "Spend, £ million" : title(metric)).raw("</h2>\n");
            List<List<String>> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("Financial year"));
            header.addAll(councils);
            header.add("Region");
            table.add(header);
            for (String y : years) {
                List<String> line = new ArrayList<>(List.of(y));
                List<String> who = new ArrayList<>(councils);
                who.add("region");
                for (String c : who) {
                    Row r = of.stream().filter(x -> x.year().equals(y) && x.council().equals(c)).findFirst().orElse(null);
                    line.add(r == null ? "" : cell(r));
                }
                table.add(line);
            }
            page.table(table);
        }
        return page.finish();
    }

    /**
     * The net cost saving against a base, in words, for the region and then each council over
     * the first three financial years ("saves £0.27m in 2026/27", "pays £0.60m more"); none
     * without a base.
     */
    List<String> savingsInWords() {
        List<Row> of = rows.stream().filter(r -> r.metric().equals("net_cost_saving")).toList();
        if (of.isEmpty()) {
            return List.of();
        }
        List<String> shown = years.subList(0, Math.min(3, years.size()));
        List<String> who = new ArrayList<>();
        who.add("region");
        who.addAll(councils);
        List<String> out = new ArrayList<>();
        for (String c : who) {
            List<String> parts = new ArrayList<>();
            Boolean saving = null;
            for (String y : shown) {
                Row r = of.stream().filter(x -> x.year().equals(y) && x.council().equals(c)).findFirst().orElse(null);
                if (r == null) {
                    continue;
                }
                double m = r.summary().p50() / 1e6;
                // The verb only where it changes: "saves £0.12m in 2025/26, £0.25m in 2026/27".
                boolean saves = m >= 0;
                String verb = saving != null && saving == saves ? "" : saves ? "saves " : "pays ";
                parts.add(String.format(Locale.ROOT, "%s£%.2fm%s in %s", verb, Math.abs(m), saves ? "" : " more", y));
                saving = saves;
            }
            if (!parts.isEmpty()) {
                String list = parts.size() == 1 ? parts.get(0)
                        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
                out.add((c.equals("region") ? "The region" : c) + " " + list + ".");
            }
        }
        return out;
    }

    /** The region's main figures for the console and region.txt: within 80 columns. */
    public String console() {
        StringBuilder out = new StringBuilder();
        out.append(ConsoleSummary.paragraph(name)).append('\n');
        for (String metric : List.of("children_at_year_end", "net_cost", "spill_over", "shared_places_children", "net_cost_saving",
                "spill_over_avoided")) {
            List<Row> of = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.append('\n').append(title(metric)).append(" (median, 90% band)\n");
            List<String> shown = years.subList(0, Math.min(3, years.size()));
            // 10 + 3 x 23 columns: within 80, room for "-0.53 (-0.87 to -0.10)".
            out.append(String.format(Locale.ROOT, "%-10s", ""));
            for (String y : shown) {
                out.append(String.format(Locale.ROOT, "%23s", y));
            }
            out.append('\n');
            List<String> who = new ArrayList<>(councils);
            who.add("region");
            for (String c : who) {
                out.append(String.format(Locale.ROOT, "%-10s", c.length() > 10 ? c.substring(0, 9) + "~" : c));
                for (String y : shown) {
                    Row r = of.stream().filter(x -> x.year().equals(y) && x.council().equals(c)).findFirst().orElse(null);
                    out.append(String.format(Locale.ROOT, "%23s", r == null ? "" : cell(r)));
                }
                out.append('\n');
            }
        }
        if (years.size() > 3) {
            out.append("\nThe first three financial years; region.csv has all ").append(years.size()).append(".\n");
        }
        for (String note : notes) {
            out.append('\n').append(ConsoleSummary.paragraph("Note: " + note)).append('\n');
        }
        return out.toString();
    }

    private static String title(String metric) {
        return switch (metric) {
            case "children_at_year_end" -> "Children in care at the year's end";
            case "net_cost" -> "Net cost, £ million (spend less income)";
            case "spill_over" -> "Spill-over placements in the year";
            case "net_cost_saving" -> "Saving against the base, £ million";
            case "spill_over_avoided" -> "Spill-over placements avoided against the base";
            default -> "Children in the shared places (mean over the year)";
        };
    }

    private static String cell(Row r) {
        Summary s = r.summary();
        if (r.unit().equals("pounds")) {
            return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", s.p50() / 1e6, s.p5() / 1e6, s.p95() / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f (%.0f to %.0f)", s.p50(), s.p5(), s.p95());
    }
}
