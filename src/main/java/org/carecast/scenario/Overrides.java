package org.carecast.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values set on the command line with {@code --set PATH=VALUE}, applied to a scenario after
 * {@code extends} and before validation, so a value given this way is checked exactly as if it
 * were written in the file, and an error is located at it ({@code --set 2:1:7: field ...}).
 *
 * <p>A path names fields as the error messages do: keys separated by dots, and an item of a
 * list by its {@code id} or its index in brackets, e.g.
 * {@code placementTypes[external_home].weeklyCost=6300}, {@code entries.annualTrend=-0.03},
 * {@code needLevels[0].entryShare=0.3}. A field the files leave out may be set (a mapping on
 * the way is made); an item that does not exist may not. The value is YAML: a number, a word,
 * or a flow mapping or list such as {@code {"2025/26": 8000000}}.
 */
public final class Overrides {

    /**
     * One {@code --set}.
     *
     * @param number its place among the command's {@code --set} options, from 1, for messages
     * @param path   the field path
     * @param value  the value as typed
     */
    public record Setting(int number, String path, String value) {

        /** Where the value starts, for messages. */
        SourceLocation location(int column) {
            return new SourceLocation(Path.of("--set " + number), 1, column);
        }

        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    private Overrides() {
    }

    /** Reads {@code PATH=VALUE} texts in order; a text without '=' or without a path is an error. */
    public static List<Setting> parse(List<String> texts) {
        List<Setting> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int eq = text.indexOf('=');
            SourceLocation at = new SourceLocation(Path.of("--set " + (i + 1)), 1, 1);
            if (eq <= 0) {
                throw new ScenarioException(at, "", "expected PATH=VALUE, such as placementTypes[external_home].weeklyCost=6300,"
                        + " found '" + text + "'");
            }
            out.add(new Setting(i + 1, text.substring(0, eq).trim(), text.substring(eq + 1)));
        }
        return out;
    }

    /** The scenario tree with every override applied, in order. */
    static YamlNode apply(YamlNode root, List<Setting> overrides) {
        YamlNode out = root;
        for (Setting o : overrides) {
            List<Segment> path = segments(o);
            // The value's positions count from the start of PATH=VALUE, as the user typed it.
            YamlNode value = rebase(YamlTreeReader.parse(Path.of("--set " + o.number()), o.value().isEmpty() ? "''" : o.value()),
                    o.path(), o.path().length() + 1);
            out = replace(out, path, 0, value, o);
        }
        return out;
    }

    /** One step of a path: a key, then optionally an item of the list under it. */
    private record Segment(String key, String item, String path, int column) {
    }

    private static List<Segment> segments(Setting o) {
        List<Segment> out = new ArrayList<>();
        String p = o.path();
        int i = 0;
        while (i < p.length()) {
            int start = i;
            while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                i++;
            }
            String key = p.substring(start, i);
            String item = null;
            if (i < p.length() && p.charAt(i) == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw new ScenarioException(o.location(i + 1), p, "a '[' is not closed; expected a path such as placementTypes[external_home].weeklyCost");
                }
                item = p.substring(i + 1, close).trim();
                i = close + 1;
            }
            if (key.isEmpty() || (item != null && item.isEmpty())) {
                throw new ScenarioException(o.location(start + 1), p, "expected a field name at column " + (start + 1)
                        + ", as in placementTypes[external_home].weeklyCost");
            }
            out.add(new Segment(key, item, p.substring(0, i), start + 1));
            if (i < p.length()) {
                if (p.charAt(i) != '.') {
                    throw new ScenarioException(o.location(i + 1), p, "expected '.' between fields at column " + (i + 1));
                }
                i++;
            }
        }
        if (out.isEmpty()) {
            throw new ScenarioException(o.location(1), "", "expected a field path before '='");
        }
        return out;
    }

    private static YamlNode replace(YamlNode node, List<Segment> path, int depth, YamlNode value, Setting o) {
        if (depth == path.size()) {
            return value;
        }
        Segment s = path.get(depth);
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw new ScenarioException(o.location(s.column()), s.path(), "cannot set a field inside " + node.kind()
                    + " ('" + node.path() + "')");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>(mapping.entries());
        Map<String, SourceLocation> keys = new LinkedHashMap<>(mapping.keyLocations());
        YamlNode child = entries.get(s.key());
        String childPath = mapping.path().isEmpty() ? s.key() : mapping.path() + "." + s.key();
        if (s.item() == null) {
            if (child == null) {
                // A field the files leave out: set it (and any mapping on the way).
                child = new YamlNode.Mapping(o.location(s.column()), childPath, Map.of(), Map.of());
                keys.put(s.key(), o.location(s.column()));
            }
            entries.put(s.key(), replace(child, path, depth + 1, value, o));
        } else {
            if (!(child instanceof YamlNode.Sequence list)) {
                throw new ScenarioException(o.location(s.column()), childPath, "expected a list to pick [" + s.item() + "] from, found "
                        + (child == null ? "no such field" : child.kind()));
            }
            int index = indexOf(list, s, o);
            List<YamlNode> items = new ArrayList<>(list.items());
            items.set(index, replace(items.get(index), path, depth + 1, value, o));
            entries.put(s.key(), new YamlNode.Sequence(list.location(), list.path(), items));
        }
        return new YamlNode.Mapping(mapping.location(), mapping.path(), entries, keys);
    }

    /** The item of {@code list} with id {@code s.item()}, or at that index. */
    private static int indexOf(YamlNode.Sequence list, Segment s, Setting o) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            if (list.items().get(i) instanceof YamlNode.Mapping m && m.entries().get("id") instanceof YamlNode.Scalar id
                    && id.text() != null) {
                if (id.text().equals(s.item())) {
                    return i;
                }
                ids.add(id.text());
            }
        }
        if (s.item().matches("\\d+")) {
            int i = Integer.parseInt(s.item());
            if (i < list.items().size()) {
                return i;
            }
        }
        String hint = Suggestions.closest(s.item(), ids).map(h -> "; did you mean '" + h + "'?").orElse("");
        throw new ScenarioException(o.location(s.column()), s.path(), "no item '" + s.item() + "' in the list (ids: " + ids
                + ", or an index from 0 to " + (list.items().size() - 1) + ")" + hint);
    }

    /** The parsed value with the field path of where it goes, so messages name that field. */
    private static YamlNode rebase(YamlNode node, String path, int offset) {
        SourceLocation at = shift(node.location(), offset);
        if (node instanceof YamlNode.Scalar s) {
            return new YamlNode.Scalar(at, path, s.text());
        }
        if (node instanceof YamlNode.Sequence q) {
            List<YamlNode> items = new ArrayList<>();
            for (int i = 0; i < q.items().size(); i++) {
                items.add(rebase(q.items().get(i), path + "[" + i + "]", offset));
            }
            return new YamlNode.Sequence(at, path, items);
        }
        YamlNode.Mapping m = (YamlNode.Mapping) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> entries.put(k, rebase(v, path + "." + k, offset)));
        m.keyLocations().forEach((k, v) -> keys.put(k, shift(v, offset)));
        return new YamlNode.Mapping(at, path, entries, keys);
    }

    private static SourceLocation shift(SourceLocation at, int offset) {
        return new SourceLocation(at.file(), at.line(), at.column() + offset);
    }
}
