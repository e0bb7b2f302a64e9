package org.carecast.scenario;

import org.carecast.scenario.Scenario.PlacementType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sections of a scenario are read against: its horizon, age bands, need levels and
 * placement types (empty until they are read), with the checks every section shares, so each
 * error names the band, level or type it expected.
 *
 * @param start     the first day
 * @param end       the day after the last
 * @param bandNames the age bands' names ("0", "1-4", ...)
 * @param needIds   the need levels' ids
 * @param typesById the placement types by id
 */
record ScenarioFrame(LocalDate start, LocalDate end, List<String> bandNames, List<String> needIds,
                     Map<String, PlacementType> typesById) {

    /** Tolerance on shares that must sum to one (allows rounding in hand-written YAML). */
    static final double SHARE_TOLERANCE = 1e-6;

    /** This frame once the placement types are known. */
    ScenarioFrame withTypes(Map<String, PlacementType> types) {
        return new ScenarioFrame(start, end, bandNames, needIds, types);
    }

    List<String> choices(YamlNode node, java.util.Collection<String> allowed, String what) {
        List<String> values = new ArrayList<>();
        for (YamlNode item : FieldReader.asSequence(node, "a list of " + what).items()) {
            values.add(FieldReader.choice(item, allowed));
        }
        return values;
    }

    void requireBand(String band, SourceLocation at, String path) {
        if (!bandNames.contains(band)) {
            String hint = Suggestions.closest(band, bandNames).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(at, path, "unknown age band '" + band + "', expected one of " + bandNames + hint);
        }
    }

    void requireAllBands(Set<String> given, YamlNode at) {
        for (String band : bandNames) {
            if (!given.contains(band)) {
                throw new ScenarioException(at.location(), at.path(), "missing age band '" + band + "'; every band " + bandNames + " needs a value");
            }
        }
    }

    void requireInHorizon(LocalDate date, YamlNode at) {
        if (date.isBefore(start) || !date.isBefore(end)) {
            throw new ScenarioException(at.location(), at.path(), "date " + date + " is outside the horizon "
                    + start + " to " + end.minusDays(1));
        }
    }

    static void requireSumOne(double total, YamlNode at, String what) {
        if (Math.abs(total - 1) > SHARE_TOLERANCE) {
            throw new ScenarioException(at.location(), what, "shares must sum to 1, but sum to " + round(total));
        }
    }

    private static String round(double x) {
        return String.valueOf(Math.round(x * 1e6) / 1e6);
    }
}
