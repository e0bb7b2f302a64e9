package org.carecast.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.carecast.report.ScenarioAssumptions;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioException;
import org.carecast.scenario.ScenarioReader;
import org.carecast.scenario.ScenarioValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's main assumptions as a form, and a submitted form turned back into a scenario.
 *
 * <p>The fields are the values the scenario's files set ({@link ScenarioValues}: the same
 * paths and source comments as the report's assumptions table), where a value applies and is one a commissioner
 * or finance officer would change: entries and their trend, prices and their rises,
 * capacities and their dates, interventions, budgets. A submission becomes a small YAML file
 * that {@code extends} the scenario and sets only what changed; it is read by the same reader
 * as the command line before it is written, and an error in it is shown beside the field its
 * line came from, with the command line's message.
 */
public final class AssumptionForm {

    /** Paths shown in the form: the assumptions people test, not the model's structure. */
    private static final Pattern MAIN = Pattern.compile(
            "entries\\.(monthlyRate|annualTrend|uasc\\.monthlyRate|uasc\\.annualTrend)"
                    + "|placementTypes\\[[^\\]]+\\]\\.(weeklyCost|annualInflation|capacity|fixedAnnualCost|breakdownRatePerYear"
                    + "|turnover\\.placesGainedPerYear|turnover\\.shareLostPerYear)"
                    + "|interventions\\[[^\\]]+\\]\\.(?!id$|kind$|label$|like$|fosterType$|type$).+"
                    + "|finance\\.(?!placeholderBudgets$)(?!.*\\.(id|label|types)$).+");

    private static final Pattern ITEM = Pattern.compile("(\\w+)\\[([^\\]]+)\\]");
    private static final Pattern INTERVENTION_LABEL = Pattern.compile("interventions\\[([^\\]]+)\\]\\.label");
    private static final Pattern BUDGET_LINE_LABEL = Pattern.compile("finance\\.budgetLines\\[([^\\]]+)\\]\\.label");
    private static final Pattern BUDGET_LINE = Pattern.compile("finance\\.budgetLines\\[([^\\]]+)\\]");

    /** Words for the keys people meet most; other keys are shown as written in the file. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("monthlyRate", "Children entering care a month"),
            Map.entry("annualTrend", "Yearly change in entries (0.02 is 2% more a year)"),
            Map.entry("weeklyCost", "Weekly cost per child (£)"),
            Map.entry("annualInflation", "Yearly price rise (0.03 is 3%)"),
            Map.entry("capacity", "Places (a number, or unlimited)"),
            Map.entry("fixedAnnualCost", "Fixed cost a year (£)"),
            Map.entry("breakdownRatePerYear", "Unplanned endings a child-year"),
            Map.entry("placesGainedPerYear", "Places gained a year (carers approved)"),
            Map.entry("shareLostPerYear", "Share of places lost a year"),
            Map.entry("start", "Starts (YYYY-MM-DD)"),
            Map.entry("places", "Places"),
            Map.entry("capitalCost", "One-off capital cost (£)"),
            Map.entry("hubs", "Hubs"),
            Map.entry("annualCostPerHub", "Cost a hub a year (£)"),
            Map.entry("breakdownMultiplier", "Breakdowns multiplied by"),
            Map.entry("budgetGrowthPerYear", "Yearly budget uplift (0.03 is 3%)"),
            Map.entry("byYear", "Budget by financial year (£)"),
            Map.entry("rampUpMonths", "Months to fill the places"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * A range's parts as the form shows them.
     *
     * @param rest the range's other keys (its shape, its shared name), kept as written
     */
    public record Range(String central, String low, String high, Map<String, Object> rest) {
    }

    /**
     * One field of the form.
     *
     * @param index   its place in the form: the inputs are named {@code v<index>} (or
     *                {@code v<index>.central}, {@code .low}, {@code .high} for a range)
     * @param path    the value's path, as {@code --set} and the error messages name it
     * @param section the heading it is shown under
     * @param label   what it is, in words
     * @param value   the value as written in the file
     * @param inWords the value as the report shows it (£1.10m)
     * @param source  the comment that says where it comes from
     * @param file    the file that sets it
     * @param range   its central, low and high when the file gives a range, else null
     */
    public record Field(int index, String path, String section, String label, String value, String inWords, String source,
                        String file, Range range) {

        /** The key the field sets, last in its path. */
        public String key() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /** An intervention that can be left out of the new scenario. */
    public record Switch(String id, String label) {
    }

    private final Path file;
    private final String title;
    private final List<Field> fields;
    private final List<Switch> switches;
    private final boolean ranged;

    private AssumptionForm(Path file, String title, List<Field> fields, List<Switch> switches, boolean ranged) {
        this.ranged = ranged;
        this.file = file;
        this.title = title;
        this.fields = fields;
        this.switches = switches;
    }

    /** The form for a scenario file; a file that cannot be read throws the reader's error. */
    public static AssumptionForm of(Path file) throws IOException {
        org.carecast.scenario.UncertainScenario uncertain = ScenarioReader.readUncertain(file, List.of());
        Scenario scenario = uncertain.central();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Scenario.PlacementType> types = new LinkedHashMap<>();
        scenario.placementTypes().forEach(t -> {
            labels.put("placementTypes[" + t.id() + "]", t.label());
            types.put("placementTypes[" + t.id() + "].capacity", t);
        });
        List<ScenarioValues.FileValues> files = ScenarioValues.of(file, List.of());
        Map<String, String> changeSources = new LinkedHashMap<>();
        for (ScenarioValues.FileValues rows : files) {
            for (ScenarioValues.Value row : rows.values()) {
                if (row.path().endsWith(".capacityChanges[-]") && !row.source().isEmpty() && row.applies()) {
                    changeSources.putIfAbsent(row.path().replace("[-]", ""), row.source());
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        List<Switch> switches = new ArrayList<>();
        Map<String, String> interventionLabels = new LinkedHashMap<>();
        for (ScenarioValues.FileValues rows : files) {
            for (ScenarioValues.Value row : rows.values()) {
                if (!row.applies()) {
                    continue;
                }
                Matcher m = INTERVENTION_LABEL.matcher(row.path());
                if (m.matches()) {
                    interventionLabels.put(m.group(1), row.text());
                }
                Matcher line = BUDGET_LINE_LABEL.matcher(row.path());
                if (line.matches()) {
                    labels.put("budget line " + line.group(1), row.text());
                }
                if (!MAIN.matcher(row.path()).matches() || row.path().contains("[-]")) {
                    continue;
                }
                fields.add(new Field(0, row.path(), "", label(row.path()), row.text(),
                        ScenarioAssumptions.inWords(row.path(), row.text()), row.source(),
                        rows.file().getFileName().toString(), range(row.text())));
                Scenario.PlacementType type = types.get(row.path());
                if (type != null && !type.capacity().unlimited()) {
                    // Dated steps in places: a list without ids, so it is edited (and replaced) whole.
                    String path = row.path() + "Changes";
                    String steps = "[" + String.join(", ", type.capacity().changes().stream()
                            .map(c -> "{date: " + c.date() + ", change: " + c.change() + "}").toList()) + "]";
                    fields.add(new Field(0, path, "", "Dated changes in places: [] for none, such as"
                            + " [{date: 2026-04-01, change: 4}]", steps, steps, changeSources.getOrDefault(path, ""),
                            rows.file().getFileName().toString(), null));
                }
            }
        }
        interventionLabels.forEach((id, label) -> switches.add(new Switch(id, label)));
        scenario.interventions().stream().map(v -> v.id()).filter(id -> !interventionLabels.containsKey(id))
                .forEach(id -> switches.add(new Switch(id, id)));
        for (Switch s : switches) {
            labels.put("interventions[" + s.id() + "]", s.label());
        }
        // Sections in the order a reader thinks of them, each field keeping the file's order.
        List<Field> ordered = new ArrayList<>();
        for (String prefix : List.of("entries", "placementTypes", "interventions", "finance")) {
            for (Field f : fields) {
                if (f.path().startsWith(prefix)) {
                    ordered.add(new Field(ordered.size(), f.path(), section(f.path(), labels), f.label(), f.value(), f.inWords(),
                            f.source(), f.file(), f.range()));
                }
            }
        }
        return new AssumptionForm(file, scenario.name(), ordered, switches, !uncertain.ranges().isEmpty());
    }

    private static String section(String path, Map<String, String> labels) {
        Matcher m = ITEM.matcher(path);
        if (m.lookingAt()) {
            String label = labels.getOrDefault(m.group(), m.group(2));
            return switch (m.group(1)) {
                case "placementTypes" -> "Placements: " + label;
                case "interventions" -> "Intervention: " + label;
                case "budgetLines" -> "Budget: " + label;
                default -> label;
            };
        }
        if (path.startsWith("entries.uasc")) {
            return "Unaccompanied asylum-seeking children";
        }
        if (path.startsWith("entries")) {
            return "Children entering care";
        }
        Matcher line = BUDGET_LINE.matcher(path);
        if (line.lookingAt()) {
            return "Budget line: " + labels.getOrDefault("budget line " + line.group(1), line.group(1));
        }
        return "Budgets and income";
    }

    private static String label(String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        if (WORDS.containsKey(key)) {
            return WORDS.get(key);
        }
        String words = org.carecast.scenario.FieldWords.words(key);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A range's central, low and high when {@code value} is one ({central: .., low: .., high: ..}), else null. */
    static Range range(String value) {
        String v = value.trim();
        if (!v.startsWith("{") || !v.contains("central")) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parts = YAML.readValue(v, LinkedHashMap.class);
            if (!parts.containsKey("central") || !parts.containsKey("low") || !parts.containsKey("high")) {
                return null;
            }
            Map<String, Object> rest = new LinkedHashMap<>(parts);
            rest.remove("central");
            rest.remove("low");
            rest.remove("high");
            return new Range(String.valueOf(parts.get("central")), String.valueOf(parts.get("low")),
                    String.valueOf(parts.get("high")), rest);
        } catch (IOException e) {
            return null;
        }
    }

    public Path file() {
        return file;
    }

    /** The scenario's {@code name:}. */
    public String title() {
        return title;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<Switch> switches() {
        return switches;
    }

    /** True when the scenario gives ranges (so a sensitivity run has something to swing). */
    public boolean ranged() {
        return ranged;
    }

    /** The fields under each section heading, in order. */
    public Map<String, List<Field>> sections() {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (Field f : fields) {
            out.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /**
     * A submitted form: the new scenario's text, or the errors that stop it being saved.
     *
     * @param yaml        the new file's text (also when there are errors, for the page to show)
     * @param fieldErrors messages by field index
     * @param errors      messages that belong to no one field (the name, an error in another file)
     * @param values      what was typed, by input name, to show the form again as it was sent
     */
    public record Submission(String yaml, Map<Integer, String> fieldErrors, List<String> errors, Map<String, String> values) {

        /** True when the scenario can be saved. */
        public boolean ok() {
            return fieldErrors.isEmpty() && errors.isEmpty();
        }
    }

    /**
     * Reads a submitted form: the values typed (by input name), the switches left on, the new
     * file's name (without .yaml), its title, and the reason, which becomes the comment on the
     * changes. {@code target} is where the file would be written, so {@code extends} and errors
     * resolve as they will when it is run.
     */
    public Submission submit(Map<String, String> typed, List<String> keptInterventions, Path target, String title,
                             String reason) {
        Map<Integer, String> fieldErrors = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Field f : fields) {
            if (f.range() != null) {
                String c = typed.getOrDefault("v" + f.index() + ".central", f.range().central()).trim();
                String l = typed.getOrDefault("v" + f.index() + ".low", f.range().low()).trim();
                String h = typed.getOrDefault("v" + f.index() + ".high", f.range().high()).trim();
                if (!c.equals(f.range().central()) || !l.equals(f.range().low()) || !h.equals(f.range().high())) {
                    StringBuilder flow = new StringBuilder("{central: ").append(scalar(c)).append(", low: ").append(scalar(l))
                            .append(", high: ").append(scalar(h));
                    f.range().rest().forEach((k, v) -> flow.append(", ").append(k).append(": ").append(scalar(String.valueOf(v))));
                    changes.add(new Change(f, flow.append('}').toString()));
                }
            } else {
                String v = typed.getOrDefault("v" + f.index(), f.value()).trim();
                if (!v.equals(f.value().trim())) {
                    if (v.isEmpty()) {
                        fieldErrors.put(f.index(), "enter a value (the file's was " + f.value() + ")");
                        continue;
                    }
                    changes.add(new Change(f, value(v)));
                }
            }
        }
        List<String> removed = switches.stream().map(Switch::id).filter(id -> !keptInterventions.contains(id)).toList();
        if (changes.isEmpty() && removed.isEmpty() && fieldErrors.isEmpty()) {
            errors.add("Nothing was changed: change a value or leave out an intervention before saving.");
        }
        Draft draft = draft(target, title, reason, changes, removed);
        if (fieldErrors.isEmpty() && errors.isEmpty()) {
            try {
                ScenarioReader.parseUncertain(target, draft.text());
            } catch (ScenarioException e) {
                Integer field = e.location() != null && target.equals(e.location().file()) ? draft.fieldAt().get(e.location().line()) : null;
                if (field == null && changes.size() == 1 && removed.isEmpty()) {
                    // Located in another file (a rule between fields), but only one value changed: it is the cause.
                    field = changes.get(0).field().index();
                }
                // The command line's message, files named as the folder lists them.
                String message = "error: " + e.getMessage().replace(target.getParent() + java.io.File.separator, "");
                if (field != null) {
                    fieldErrors.put(field, message);
                } else {
                    errors.add(message);
                }
            }
        }
        return new Submission(draft.text(), fieldErrors, errors, typed);
    }

    private record Change(Field field, String yaml) {
    }

    /** A new file's text, and which field each line sets. */
    private record Draft(String text, Map<Integer, Integer> fieldAt) {
    }

    /**
     * Writes the changes as YAML under their paths: mapping keys nest, list items by id
     * ({@code placementTypes[ifa].weeklyCost} becomes an item {@code - id: ifa} with the key),
     * which is how {@code extends} merges them into the scenario.
     */
    private Draft draft(Path target, String title, String reason, List<Change> changes, List<String> removed) {
        Node root = new Node();
        for (Change c : changes) {
            Node at = root;
            for (String part : c.field().path().split("\\.(?![^\\[]*\\])")) {
                Matcher m = ITEM.matcher(part);
                if (m.matches()) {
                    at = at.child(m.group(1)).item(m.group(2));
                } else {
                    at = at.child(part);
                }
            }
            at.value = c.yaml();
            at.field = c.field();
        }
        for (String id : removed) {
            root.child("interventions").item(id).remove = true;
        }
        StringBuilder out = new StringBuilder();
        out.append("# Saved from carecast serve: the scenario below with only these changes.\n");
        for (String line : reason.isBlank() ? List.of("(no reason given)") : reason.strip().lines().toList()) {
            out.append("# Why: ").append(line.strip()).append('\n');
        }
        out.append("extends: ").append(file.getFileName()).append('\n');
        out.append("name: ").append(scalar(title.isBlank() ? this.title + " (edited)" : title.strip())).append('\n');
        Map<Integer, Integer> fieldAt = new LinkedHashMap<>();
        root.write(out, "", fieldAt);
        return new Draft(out.toString(), fieldAt);
    }

    /** A tree of the changes: mappings, lists of items by id, and values. */
    private static final class Node {
        final Map<String, Node> keys = new LinkedHashMap<>();
        final Map<String, Node> items = new LinkedHashMap<>();
        String value;
        Field field;
        boolean remove;

        Node child(String key) {
            return keys.computeIfAbsent(key, k -> new Node());
        }

        Node item(String id) {
            return items.computeIfAbsent(id, k -> new Node());
        }

        void write(StringBuilder out, String indent, Map<Integer, Integer> fieldAt) {
            for (Map.Entry<String, Node> e : keys.entrySet()) {
                Node n = e.getValue();
                if (n.value != null) {
                    fieldAt.put(lines(out) + 1, n.field.index());
                    out.append(indent).append(e.getKey()).append(": ").append(n.value);
                    out.append("   # was ").append(n.field.value().replace('\n', ' ')).append(" in ").append(n.field.file()).append('\n');
                } else if (!n.items.isEmpty()) {
                    out.append(indent).append(e.getKey()).append(":\n");
                    for (Map.Entry<String, Node> item : n.items.entrySet()) {
                        out.append(indent).append("  - id: ").append(item.getKey()).append('\n');
                        if (item.getValue().remove) {
                            out.append(indent).append("    remove: true   # left out in carecast serve\n");
                        }
                        item.getValue().write(out, indent + "    ", fieldAt);
                    }
                } else {
                    out.append(indent).append(e.getKey()).append(":\n");
                    n.write(out, indent + "  ", fieldAt);
                }
            }
        }

        private static int lines(StringBuilder out) {
            int n = 0;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }

    /** Text typed into a value box, as YAML: one line; anything YAML would read otherwise is quoted. */
    static String value(String typed) {
        String v = typed.strip();
        boolean flow = (v.startsWith("{") && v.endsWith("}")) || (v.startsWith("[") && v.endsWith("]"));
        if (flow && !v.contains("#") && !v.contains("\n") && !v.contains("\r")) {
            return v;
        }
        return scalar(v);
    }

    /** A plain word or number as it is; anything else double-quoted, as JSON quotes it (valid YAML). */
    static String scalar(String v) {
        if (v.matches("[-+]?[A-Za-z0-9_.]+(-[0-9]{2}-[0-9]{2})?") || v.matches("-?[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return v;
        }
        try {
            return new ObjectMapper().writeValueAsString(v);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
