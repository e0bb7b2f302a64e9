package org.carecast.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping into typed values, raising a {@link ScenarioException}
 * that points at the offending node for a missing field, a wrong type or an out-of-range
 * number. Call {@link #finish()} once all fields are read: any key not asked for is an unknown
 * field, reported with the closest known name as a suggestion.
 */
final class FieldReader {

    private final YamlNode.Mapping mapping;
    private final Set<String> known = new HashSet<>();
    private final List<String> knownInOrder = new ArrayList<>();

    private FieldReader(YamlNode.Mapping mapping) {
        this.mapping = mapping;
    }

    /** Starts reading {@code node}, which must be a mapping. */
    static FieldReader of(YamlNode node, String what) {
        return new FieldReader(asMapping(node, what));
    }

    static YamlNode.Mapping asMapping(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new ScenarioException(node.location(), node.path(),
                "expected " + what + " (a mapping of 'key: value' lines), found " + describe(node));
    }

    static YamlNode.Sequence asSequence(YamlNode node, String what) {
        if (node instanceof YamlNode.Sequence s) {
            return s;
        }
        throw new ScenarioException(node.location(), node.path(),
                "expected " + what + " (a list), found " + describe(node));
    }

    YamlNode.Mapping mapping() {
        return mapping;
    }

    SourceLocation location() {
        return mapping.location();
    }

    /** The node for {@code key}, or null when absent; marks the key as known. */
    YamlNode optional(String key) {
        mark(key);
        YamlNode node = mapping.entries().get(key);
        if (node instanceof YamlNode.Scalar s && s.text() == null) {
            return null;
        }
        return node;
    }

    YamlNode required(String key, String expected) {
        YamlNode node = optional(key);
        if (node == null) {
            // A misspelt key is far more likely than a forgotten one: point at it instead.
            for (String given : mapping.entries().keySet()) {
                if (!known.contains(given) && Suggestions.closest(given, java.util.List.of(key)).isPresent()) {
                    throw new ScenarioException(mapping.keyLocations().get(given), join(given),
                            "unknown field; did you mean '" + key + "'?");
                }
            }
            throw new ScenarioException(mapping.location(), join(key),
                    "missing; expected " + expected);
        }
        return node;
    }

    boolean has(String key) {
        return optional(key) != null;
    }

    String string(String key) {
        return text(required(key, "a text value"), "a text value");
    }

    String optionalString(String key, String fallback) {
        YamlNode node = optional(key);
        return node == null ? fallback : text(node, "a text value");
    }

    double number(String key, double min, double max, String expected) {
        return number(required(key, expected), min, max, expected);
    }

    double optionalNumber(String key, double fallback, double min, double max, String expected) {
        YamlNode node = optional(key);
        return node == null ? fallback : number(node, min, max, expected);
    }

    int optionalInteger(String key, int fallback, long min, long max, String expected) {
        YamlNode node = optional(key);
        return node == null ? fallback : (int) longValue(node, min, max, expected);
    }

    int integer(String key, long min, long max, String expected) {
        return (int) longValue(required(key, expected), min, max, expected);
    }

    long longInteger(String key, long min, long max, String expected) {
        return longValue(required(key, expected), min, max, expected);
    }

    LocalDate date(String key) {
        return date(required(key, "a date written YYYY-MM-DD"));
    }

    /** Requires the value to be one of {@code allowed}; suggests the closest one otherwise. */
    String choice(String key, Collection<String> allowed) {
        // The list of choices is spelt out only for a message: every draw of a ranged scenario
        // reads every choice again.
        YamlNode node = optional(key);
        return choice(node != null ? node : required(key, "one of " + allowed), allowed);
    }

    /** Raises an error for every key that no accessor asked for. */
    void finish() {
        for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                String key = entry.getKey();
                String hint = Suggestions.closest(key, knownInOrder)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known fields are " + knownInOrder);
                throw new ScenarioException(mapping.keyLocations().get(key), join(key),
                        "unknown field" + hint);
            }
        }
    }

    private void mark(String key) {
        if (known.add(key)) {
            knownInOrder.add(key);
        }
    }

    private String join(String key) {
        return mapping.path().isEmpty() ? key : mapping.path() + "." + key;
    }

    /** Optional {@code minAgeYears} and {@code maxAgeYears} (defaults 0 and 18), min below max. */
    static double[] ageRange(FieldReader f) {
        double min = f.optionalNumber("minAgeYears", 0, 0, 18, "an age in years from 0 to 18");
        double max = f.optionalNumber("maxAgeYears", 18, 0, 18, "an age in years from 0 to 18");
        if (min >= max) {
            YamlNode at = f.optional("maxAgeYears");
            throw new ScenarioException(at == null ? f.location() : at.location(), at == null ? "minAgeYears" : at.path(),
                    "expected maxAgeYears above minAgeYears, found " + min + " to " + max);
        }
        return new double[] {min, max};
    }

    // ---- conversions on single nodes, shared with the scenario reader ----

    /**
     * A list item's {@code id}: required, and new in its list ({@code seen} holds the ids read so
     * far and where); a repeat is refused at its line, naming the first's.
     *
     * @param what the kind of item, for the message ("placement type")
     */
    static String newId(FieldReader item, Map<String, SourceLocation> seen, String what) {
        YamlNode idNode = item.required("id", "an identifier");
        String id = text(idNode, "an identifier");
        SourceLocation first = seen.putIfAbsent(id, idNode.location());
        if (first != null) {
            throw new ScenarioException(idNode.location(), idNode.path(),
                    "duplicate " + what + " '" + id + "' (first at line " + first.line() + ")");
        }
        return id;
    }

    static String text(YamlNode node, String expected) {
        if (node instanceof YamlNode.Scalar s && s.text() != null) {
            return s.text();
        }
        throw new ScenarioException(node.location(), node.path(), "expected " + expected + ", found " + describe(node));
    }

    static double number(YamlNode node, double min, double max, String expected) {
        if (node instanceof YamlNode.Ranged r) {
            r.range().checkFits(node, min, max, expected, false);
            return r.used()[0] = r.range().quantile(r.uniform(), min, max);
        }
        if (node instanceof YamlNode.Mapping) {
            throw new ScenarioException(node.location(), node.path(), "expected " + expected + ", found a mapping (an"
                    + " uncertain number is written {central: C, low: L, high: H}, or with a 'distribution')");
        }
        String text = text(node, expected);
        double value;
        try {
            String plain = withoutDigitSeparators(text);
            if (!DECIMAL.matcher(plain).matches()) {
                throw new NumberFormatException(text);
            }
            value = Double.parseDouble(plain);
        } catch (NumberFormatException e) {
            throw new ScenarioException(node.location(), node.path(),
                    "expected " + expected + ", found '" + text + "'");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new ScenarioException(node.location(), node.path(),
                    "expected " + expected + ", found " + text);
        }
        return value;
    }

    static long longValue(YamlNode node, long min, long max, String expected) {
        if (node instanceof YamlNode.Ranged r) {
            // A whole-number field (places, a count) takes the drawn value to the nearest whole number.
            r.range().checkFits(node, min, max, expected, false);
            long value = Math.max(min, Math.min(max, Math.round(r.range().quantile(r.uniform(), min, max))));
            r.used()[0] = value;
            return value;
        }
        String text = text(node, expected);
        long value;
        try {
            String plain = withoutDigitSeparators(text);
            value = Long.parseLong(plain.startsWith("+") ? plain.substring(1) : plain);
        } catch (NumberFormatException e) {
            boolean fraction = DECIMAL.matcher(withoutDigitSeparators(text)).matches();
            throw new ScenarioException(node.location(), node.path(), "expected " + expected + ", found '" + text + "'"
                    + (fraction ? " (a whole number is needed here, not a fraction)" : ""));
        }
        if (value < min || value > max) {
            throw new ScenarioException(node.location(), node.path(),
                    "expected " + expected + ", found " + text);
        }
        return value;
    }

    /** A decimal number as YAML writes one: no hex, no 'f'/'d' suffixes, no words. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** Underscores between digits (1_000_000), as YAML allows. */
    private static final java.util.regex.Pattern DIGIT_SEPARATORS = java.util.regex.Pattern.compile("(?<=\\d)_+(?=\\d)");

    /** YAML allows 1_000_000: underscores between digits only. */
    private static String withoutDigitSeparators(String text) {
        // Most numbers have no underscore: no pattern is run (every draw of a ranged scenario reads every number).
        return text.indexOf('_') < 0 ? text : DIGIT_SEPARATORS.matcher(text).replaceAll("");
    }

    static LocalDate date(YamlNode node) {
        if (node instanceof YamlNode.Ranged r) {
            double min = LocalDate.of(1950, 1, 1).toEpochDay();
            double max = LocalDate.of(2199, 12, 31).toEpochDay();
            r.range().checkFits(node, min, max, "a date from 1950-01-01 to 2199-12-31", true);
            long day = Math.round(r.range().quantile(r.uniform(), min, max));
            r.used()[0] = day;
            return LocalDate.ofEpochDay(day);
        }
        String text = text(node, "a date written YYYY-MM-DD");
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1950 || date.getYear() > 2199) {
                throw new ScenarioException(node.location(), node.path(),
                        "expected a date from 1950-01-01 to 2199-12-31, found " + text);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ScenarioException(node.location(), node.path(),
                    "expected a date written YYYY-MM-DD, found '" + text + "'");
        }
    }

    static String choice(YamlNode node, Collection<String> allowed) {
        String value = node instanceof YamlNode.Scalar scalar && scalar.text() != null ? scalar.text()
                : text(node, "one of " + allowed);
        if (!allowed.contains(value)) {
            String hint = Suggestions.closest(value, allowed)
                    .map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(node.location(), node.path(),
                    "unknown value '" + value + "', expected one of " + allowed + hint);
        }
        return value;
    }

    /** As {@link #describe}, with a long text value cut short (a whole file read as one value). */
    static String describeShort(YamlNode node) {
        String d = describe(node);
        return d.length() > 60 ? d.substring(0, 57) + "...'" : d;
    }

    static String describe(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.text() == null ? "an empty value" : "'" + s.text() + "'";
        }
        return node.kind();
    }
}
