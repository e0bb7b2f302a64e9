/**
 * Writing results: one Reporter per format and command (ReportFormat), CSV, console summary,
 * charts (built once per result in a ChartSet), report.html, workbook.xlsx; and the output folder
 * that replaces only carecast's own earlier output, atomically (OutputFolder, OutputManifest,
 * OutputFile).
 */
package org.carecast.report;
