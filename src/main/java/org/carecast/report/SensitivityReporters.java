package org.carecast.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The formats of a sensitivity run ({@link SensitivityResult}) that need more than one call. */
final class SensitivityReporters {

    private SensitivityReporters() {
    }

    /** summary.txt; the scenario's files copied beside it; run.txt with the command that re-runs it. */
    static Reporter<SensitivityResult> summary() {
        return (result, folder) -> {
            Files.writeString(folder.resolve("summary.txt"), result.text(), StandardCharsets.UTF_8);
            Path copy = ScenarioFiles.copy(result.info().scenarioSources(), folder);
            RunRecord.write(folder, "sensitivity", result.info(), List.of(), copy == null ? List.of() : List.of(copy),
                    result.options());
        };
    }
}
