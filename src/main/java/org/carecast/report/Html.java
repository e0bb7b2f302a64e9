package org.carecast.report;

import java.util.List;

/**
 * A small builder for the self-contained report pages: escapes text, writes tables, and wraps
 * everything in one page with its styles inline (no scripts, no external files), readable on
 * screen and in print.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:"Segoe UI",Arial,Helvetica,sans-serif;color:#1a1a1a;max-width:1100px;margin:2em auto;padding:0 1.5em;line-height:1.45}
            h1{font-size:1.9em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #0072B2;padding-bottom:.2em}
            .meta,.note{color:#555;font-size:.93em}
            .caution{border-left:4px solid #c77700;background:#fff8ec;padding:.5em .8em}
            ul.summary li{font-size:1.12em;margin:.35em 0}
            figure{margin:1.5em 0;page-break-inside:avoid}figure svg{width:100%;height:auto;border:1px solid #ddd}
            figcaption{color:#555;font-size:.9em;margin-top:.3em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em;width:100%}
            th,td{border:1px solid #ccc;padding:.3em .5em;text-align:right;vertical-align:top}
            th{background:#eef4fa}td:first-child,th:first-child{text-align:left}
            table.text td,table.text th{text-align:left}
            pre.sources{background:#f6f6f6;padding:.8em;font-size:.85em;white-space:pre-wrap}
            .nw{white-space:nowrap}
            @media print{body{max-width:none;margin:0}h2{page-break-after:avoid}}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    Html(String title) {
        this.title = title;
    }

    Html raw(String html) {
        body.append(html);
        return this;
    }

    Html text(String text) {
        body.append(keepMoneyWhole(escape(text)));
        return this;
    }

    /** Money written as "-£0.96m" or "£1,234" must never break across lines (after the minus, say). */
    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile("-?£[0-9][0-9,.]*m?");

    static String keepMoneyWhole(String html) {
        return MONEY.matcher(html).replaceAll("<span class=\"nw\">$0</span>");
    }

    /** The run's cautions (see {@link RunInfo#cautions()}), each set apart before the numbers. */
    Html cautions(RunInfo info) {
        for (String caution : info.cautions()) {
            raw("<p class=\"caution\"><strong>Before reading the numbers:</strong> ").text(caution).raw("</p>\n");
        }
        return this;
    }

    /** A table whose first row is the header. Text-heavy tables (more words than numbers) align left. */
    Html table(List<List<String>> rows) {
        boolean text = rows.get(0).contains("Source") || rows.get(0).contains("Description");
        body.append(text ? "<table class=\"text\">\n" : "<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            body.append("<tr>");
            for (String value : rows.get(r)) {
                body.append('<').append(cell).append('>').append(keepMoneyWhole(escape(value))).append("</").append(cell).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    String finish() {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
