package org.carecast.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The formats of a comparison ({@link ComparisonResult}): what {@link ReportFormat} writes for {@code compare}. */
final class ComparisonReporters {

    private ComparisonReporters() {
    }

    /** compare.csv, and each scenario's own monthly.csv and yearly.csv in its folder. */
    static Reporter<ComparisonResult> csv() {
        return (result, folder) -> {
            ComparisonReport.writeCsv(result.rows(), folder.resolve("compare.csv"));
            for (ComparisonResult.Scenario s : result.scenarios()) {
                CsvReporter.write(s.projection(), Files.createDirectories(folder.resolve(s.folder())));
            }
        };
    }

    /** summary.txt; each scenario's files copied into its folder; run.txt with the command that re-runs them. */
    static Reporter<ComparisonResult> summary() {
        return (result, folder) -> {
            Files.writeString(folder.resolve("summary.txt"), result.text(), StandardCharsets.UTF_8);
            List<Path> copies = new ArrayList<>();
            for (ComparisonResult.Scenario s : result.scenarios()) {
                Path copy = ScenarioFiles.copy(s.sources(), Files.createDirectories(folder.resolve(s.folder())));
                if (copy != null) {
                    copies.add(Path.of(s.folder()).resolve(copy.toString()));
                }
            }
            RunRecord.write(folder, "compare", result.info(), result.compared(),
                    copies.size() == result.scenarios().size() ? copies : List.of());
        };
    }

    static Reporter<ComparisonResult> html() {
        return (result, folder) -> ComparisonPage.writeHtml(result, folder);
    }

    static Reporter<ComparisonResult> xlsx() {
        return (result, folder) -> ComparisonPage.writeXlsx(result.rows(), folder);
    }
}
