package org.carecast.report;

import org.carecast.results.Comparison;
import org.carecast.results.Projection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code compare} reports: the paired differences against the base, the console text, how
 * each option's new provision is used, and each scenario's own projection (written into a
 * folder of its own with copies of its files, so {@code run.txt} can re-run the comparison).
 *
 * @param base          the base scenario's name
 * @param rows          paired differences by option, metric and period
 * @param info          how the comparison was made (the base's file)
 * @param compared      the files compared with the base, as given
 * @param text          the console summary, also written as summary.txt
 * @param newProvision  per option's name, the use of the places it adds ({@link PlaceUse#table})
 * @param scenarios     every scenario's own output, the base first
 * @param charts        the savings charts, built once
 */
public record ComparisonResult(String base, List<Comparison.Row> rows, RunInfo info, List<Path> compared, String text,
                               Map<String, List<List<String>>> newProvision, List<Scenario> scenarios, ChartSet charts) {

    /**
     * One compared scenario's own output: its folder's name, its projection and run record,
     * and the files it was read from.
     */
    public record Scenario(String folder, Projection projection, RunInfo info, List<Path> sources) {
    }

    public ComparisonResult {
        rows = List.copyOf(rows);
        compared = List.copyOf(compared);
        scenarios = List.copyOf(scenarios);
    }

    public static ComparisonResult of(String base, List<Comparison.Row> rows, RunInfo info, List<Path> compared, String text,
                                      Map<String, List<List<String>>> newProvision, List<Scenario> scenarios) {
        return new ComparisonResult(base, rows, info, compared, text, newProvision, scenarios,
                ChartSet.of("Options compared with " + base, () -> Charts.forComparison(rows)));
    }

    /** The scenario files as given, base first. */
    public List<Path> files() {
        return scenarios.stream().map(s -> s.info().scenarioFile()).toList();
    }
}
