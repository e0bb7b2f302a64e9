package org.carecast.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a scenario named in words a commissioner reads, for notes that list assumptions:
 * {@code placementTypes[external_home].weeklyCost} is "External children's home: weekly cost",
 * a shared range name such as {@code hub_breakdown_effect} is "hub breakdown effect". Items
 * are named by their labels where the scenario gives them.
 */
public final class FieldWords {

    private static final Pattern ITEM = Pattern.compile("(\\w+)\\[([^\\]]+)\\]\\.(.+)");

    private FieldWords() {
    }

    /** {@code path} (or a shared range name) in words, with the scenario's labels for its items. */
    public static String of(Scenario scenario, String path) {
        Matcher m = ITEM.matcher(path);
        if (m.matches()) {
            String id = m.group(2);
            String item = switch (m.group(1)) {
                case "placementTypes" -> scenario.placementTypes().stream().filter(t -> t.id().equals(id))
                        .map(Scenario.PlacementType::label).findFirst().orElse(id);
                case "interventions" -> scenario.interventions().stream().filter(i -> i.id().equals(id))
                        .map(Intervention::label).findFirst().orElse(id);
                case "needLevels" -> "children with " + words(id) + " needs";
                default -> words(m.group(1)) + " " + id;
            };
            return item + ": " + words(m.group(3));
        }
        int dot = path.indexOf('.');
        if (dot > 0) {
            return words(path.substring(0, dot)) + ": " + words(path.substring(dot + 1));
        }
        return words(path);
    }

    /** camelCase, snake_case and dots as lower-case words: "breakdownRatePerYear" is "breakdown rate per year". */
    public static String words(String key) {
        return key.replace('.', ' ').replace('_', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
    }
}
