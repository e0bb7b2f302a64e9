package org.carecast.cli;

import org.carecast.report.ReportFormat;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.Set;

/** Switches for the output formats a run or comparison writes; everything is on by default. */
final class OutputOptions {

    @Option(names = "--no-charts", negatable = true, description = "Write charts/ as PNG and SVG (default: on).")
    boolean charts = true;

    @Option(names = "--no-html", negatable = true, description = "Write report.html (default: on).")
    boolean html = true;

    @Option(names = "--no-xlsx", negatable = true, description = "Write workbook.xlsx (default: on).")
    boolean xlsx = true;

    /** The formats to write; CSV and the text summary are always written. */
    Set<ReportFormat> formats() {
        Set<ReportFormat> formats = EnumSet.allOf(ReportFormat.class);
        if (!charts) {
            formats.remove(ReportFormat.CHARTS);
        }
        if (!html) {
            formats.remove(ReportFormat.HTML);
        }
        if (!xlsx) {
            formats.remove(ReportFormat.XLSX);
        }
        return formats;
    }
}
