package org.carecast.report;

import org.carecast.results.Sensitivity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sensitivity} reports: every ranged assumption's swing on each output, the
 * console text, how the run was made, and the tornado charts (built once).
 *
 * @param scenario    the scenario's name
 * @param sensitivity the swings
 * @param info        how the run was made (replications are per case)
 * @param options     the command's own options that the re-run command must repeat ({@code --only}, {@code --output})
 * @param text        the console summary, also written as summary.txt
 * @param charts      one tornado chart per output
 */
public record SensitivityResult(String scenario, Sensitivity sensitivity, RunInfo info, List<String> options, String text,
                                ChartSet charts) {

    public SensitivityResult {
        options = List.copyOf(options);
    }

    public static SensitivityResult of(String scenario, Sensitivity sensitivity, RunInfo info, List<String> options) {
        return new SensitivityResult(scenario, sensitivity, info, options, SensitivityReport.render(scenario, sensitivity, info),
                ChartSet.of(scenario, () -> {
                    List<Charts.Named> out = new ArrayList<>();
                    for (int o = 0; o < sensitivity.outputs().size(); o++) {
                        if (!sensitivity.swings(o).isEmpty()) {
                            out.add(new Charts.Named("tornado-" + SensitivityReport.fileName(sensitivity.outputs().get(o)),
                                    "What moves " + sensitivity.outputs().get(o).label() + ": each assumption at the low and"
                                            + " high end of its range", Charts.tornado(scenario, sensitivity.swings(o))));
                        }
                    }
                    return out;
                }));
    }

    /** The scenario file as given. */
    public Path scenarioFile() {
        return info.scenarioFile();
    }
}
