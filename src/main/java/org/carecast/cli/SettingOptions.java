package org.carecast.cli;

import org.carecast.scenario.Overrides;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --set PATH=VALUE}, repeatable: values that replace the scenario's, checked as if written in it. */
final class SettingOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Set a scenario value, as if written in the file (after extends); repeatable. PATH as in error"
                    + " messages, e.g. placementTypes[external_home].weeklyCost=6300 or entries.annualTrend=-0.03.")
    List<String> given = new ArrayList<>();

    /** The settings, parsed; a text without '=' is an error located at its --set. */
    List<Overrides.Setting> settings() {
        return Overrides.parse(given);
    }

    /** A caution for every report: values that are not in the scenario files. */
    List<String> cautions() {
        return cautions(given);
    }

    static List<String> cautions(List<String> given) {
        return given.isEmpty() ? List.of() : List.of("Values set on the command line, not in the scenario files: "
                + String.join("; ", given) + ". run.txt repeats them in the command that re-runs these numbers.");
    }
}
