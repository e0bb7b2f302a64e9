package org.carecast.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a YAML document together with where it was written. Jackson's own tree model
 * drops source positions, and a scenario error found during validation (shares that do not sum
 * to one, a matching list that does not end in an unlimited type) must still name the line the
 * user has to fix; so scenarios are read into this small tree first and bound to records after.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar, YamlNode.Ranged {

    /** Where the node starts in its file. */
    SourceLocation location();

    /** Dotted path from the document root, e.g. {@code placementTypes[0].capacity}. */
    String path();

    /** A short word for error messages: "a mapping", "a list" or "a value". */
    String kind();

    /** A YAML mapping; keys keep their file order and their own locations. */
    record Mapping(SourceLocation location, String path, Map<String, YamlNode> entries,
                   Map<String, SourceLocation> keyLocations) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A YAML sequence. */
    record Sequence(SourceLocation location, String path, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar. {@code text} is the value as written (without quotes), or null for YAML null
     * ({@code ~}, {@code null} or an empty value).
     */
    record Scalar(SourceLocation location, String path, String text) implements YamlNode {
        @Override
        public String kind() {
            return text == null ? "an empty value" : "a value";
        }
    }

    /**
     * A range written where a number or date is expected ({@link AssumptionRange}), with the
     * uniform this reading takes its value at: NaN for the central value. Made from a mapping
     * by {@link UncertainScenario} after {@code extends} and {@code --set} are applied. The
     * reader writes the value it took into {@code used[0]} (NaN until read), so the value a
     * field was actually given (after truncation to its limits, rounding, a date) can be shown.
     */
    record Ranged(SourceLocation location, String path, AssumptionRange range, double uniform, double[] used)
            implements YamlNode {
        @Override
        public String kind() {
            return "a range (" + range.describe() + ")";
        }
    }
}
