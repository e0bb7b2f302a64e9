package org.carecast.scenario;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every value a scenario's files set, with the comment that says where it comes from, and
 * whether it applies: the report's assumptions table and the web app's form are built from it.
 *
 * <p>Each file is read by SnakeYAML with its comments kept (the YAML parser under Jackson's,
 * so the text is read as the scenario reader reads it). A value's source is its own comment,
 * with the comment lines just below it that start in the same column (SnakeYAML keeps those
 * with it), or else the comment lines just above its key, back to a blank line. The comment
 * block that opens a file is its header (by convention, its list of sources), not a source.
 *
 * <p>Whether a value applies is not worked out again here: it is read off the scenario as
 * {@link ScenarioComposer} composed it (and {@code --set} changed it), whose every node keeps
 * the file it came from. A value applies when the composed scenario's value at its path came
 * from its own file.
 */
public final class ScenarioValues {

    /**
     * One value set in a file.
     *
     * @param line       its line (the key's)
     * @param path       its path as {@code --set} takes it: keys joined by dots, list items by
     *                   {@code [id]}, or {@code [-]} in a list without ids
     * @param text       the value as written (a one-line mapping or list as a whole)
     * @param source     its source comment, or ""
     * @param setAgainIn "" when it applies; else the file (or {@code --set N}) that sets it
     *                   again, with the keys in brackets when only some keys of a one-line
     *                   mapping are set again
     */
    public record Value(int line, String path, String text, String source, String setAgainIn) {

        /** True when this is the value the scenario uses. */
        public boolean applies() {
            return setAgainIn.isEmpty();
        }
    }

    /** The values one file of a scenario sets, and its header comment (without the '#'). */
    public record FileValues(Path file, List<String> header, List<Value> values) {
    }

    private ScenarioValues() {
    }

    /**
     * The values each file of the scenario at {@code scenario} sets, the scenario's own file
     * first, then the files it extends in order of precedence, each value marked with whether
     * it applies once {@code extends} and {@code settings} are applied.
     */
    public static List<FileValues> of(Path scenario, List<Overrides.Setting> settings) {
        List<Path> files = new ArrayList<>();
        files.add(scenario.toAbsolutePath().normalize());
        YamlNode composed = Overrides.apply(ScenarioComposer.compose(scenario, YamlTreeReader.read(scenario), files), settings);
        List<FileValues> out = new ArrayList<>();
        for (Path file : files) {
            String text = InputFile.read(file, InputFile.Kind.SCENARIO);
            out.add(new FileValues(file, header(text), read(file, text)));
        }
        // Marks need every file's values: an item removed is removed by a file of higher precedence.
        List<FileValues> marked = new ArrayList<>();
        for (int f = 0; f < out.size(); f++) {
            FileValues fv = out.get(f);
            List<Value> values = new ArrayList<>();
            for (Value v : fv.values()) {
                values.add(new Value(v.line(), v.path(), v.text(), v.source(), setAgainIn(v, fv.file(), composed, out.subList(0, f))));
            }
            marked.add(new FileValues(fv.file(), fv.header(), values));
        }
        return marked;
    }

    /** The values one file sets, unmarked (each as if it applied), for a file read on its own. */
    public static FileValues ofFile(Path file) {
        String text = InputFile.read(file, InputFile.Kind.SCENARIO);
        return new FileValues(file, header(text), read(file, text));
    }

    /** The comment lines that open the text, without their '#' and one space. */
    static List<String> header(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            out.add(line.substring(1).startsWith(" ") ? line.substring(2) : line.substring(1));
        }
        return out;
    }

    /** Reads one file's values and their sources; {@code file} labels errors. */
    static List<Value> read(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "", "malformed YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<Value> out = new ArrayList<>();
        if (root instanceof MappingNode mapping) {
            new Walk(text, header(text).size()).mapping(mapping, "", out);
        }
        return out;
    }

    /** One pass over a file's nodes, knowing its text (values are quoted as written) and where its header ends. */
    private record Walk(String text, int headerLines) {

        void mapping(MappingNode mapping, String path, List<Value> out) {
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String at = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                value(t.getValueNode(), key, at, out);
            }
        }

        /** A value under {@code named} (its key, or the list item itself), at {@code path}. */
        void value(Node node, Node named, String path, List<Value> out) {
            if (node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
                mapping(m, path, out);
            } else if (node instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
                for (Node item : s.getValue()) {
                    value(item, item, path + "[" + idOf(item) + "]", out);
                }
            } else if (node instanceof ScalarNode scalar && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL)) {
                // A block of text (a description): not a figure with a source.
            } else {
                String written = written(node);
                if (!written.isEmpty()) {
                    out.add(new Value(named.getStartMark().getLine() + 1, path, written, source(named, node), ""));
                }
            }
        }

        private String written(Node node) {
            int from = text.offsetByCodePoints(0, node.getStartMark().getIndex());
            int to = text.offsetByCodePoints(0, node.getEndMark().getIndex());
            return text.substring(from, to).strip();
        }

        /** The value's own comment (and its continuation), else the comment lines above its key back to a blank line. */
        private String source(Node named, Node value) {
            List<String> own = new ArrayList<>();
            for (Node n : List.of(value, named)) {
                if (n.getInLineComments() != null && own.isEmpty()) {
                    n.getInLineComments().forEach(c -> own.add(c.getValue().strip()));
                }
            }
            if (!own.isEmpty()) {
                return String.join(" ", own);
            }
            List<String> above = new ArrayList<>();
            if (named.getBlockComments() != null) {
                for (CommentLine c : named.getBlockComments()) {
                    if (c.getCommentType() == CommentType.BLANK_LINE) {
                        above.clear();
                    } else if (c.getStartMark().getLine() >= headerLines) {
                        above.add(c.getValue().strip());
                    }
                }
            }
            return String.join(" ", above);
        }
    }

    /** An item's id, when it is a mapping with one, else "-". */
    private static String idOf(Node item) {
        if (item instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id") && t.getValueNode() instanceof ScalarNode id) {
                    return id.getValue();
                }
            }
        }
        return "-";
    }

    // ---------------------------------------------------------------- applies?

    /** "" when the composed scenario's value at {@code v}'s path came from {@code file}; else where it came from. */
    private static String setAgainIn(Value v, Path file, YamlNode composed, List<FileValues> higher) {
        if (v.path().equals("extends") || v.path().startsWith("extends[")) {
            return "";  // how the file is composed, not a value another file can set
        }
        YamlNode node = composed;
        for (String segment : v.path().split("\\.(?![^\\[]*\\])")) {
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            if (!(node instanceof YamlNode.Mapping m) || !m.entries().containsKey(key)) {
                return nameOf(node);
            }
            node = m.entries().get(key);
            if (bracket >= 0) {
                String id = segment.substring(bracket + 1, segment.length() - 1);
                if (id.equals("-")) {
                    // A list without ids is replaced whole by whichever file gives it last.
                    return same(node, file) ? "" : nameOf(node);
                }
                YamlNode item = item(node, id);
                if (item == null) {
                    boolean removal = v.path().endsWith(".remove") || v.text().replace(" ", "").contains("remove:true");
                    return removal ? "" : removedBy(segment, v.path(), higher);
                }
                node = item;
            }
        }
        if (v.text().startsWith("{") && node instanceof YamlNode.Mapping m) {
            // A one-line mapping: another file may set some of its keys again.
            List<String> again = new ArrayList<>();
            String by = null;
            int keys = 0;
            List<String> own = keysOf(v.text());
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                if (e.getKey().equals("id") || !own.contains(e.getKey())) {
                    continue;
                }
                keys++;
                if (!same(e.getValue(), file)) {
                    again.add(e.getKey());
                    by = by == null ? nameOf(e.getValue()) : by;
                }
            }
            return by == null ? "" : again.size() == keys ? by : by + " (" + String.join(", ", again) + ")";
        }
        return same(node, file) ? "" : nameOf(node);
    }

    /** The keys of a one-line mapping as written ({a: 1, b: 2}: a and b). */
    private static List<String> keysOf(String flow) {
        try {
            return YamlTreeReader.parse(Path.of("value"), flow) instanceof YamlNode.Mapping m ? List.copyOf(m.entries().keySet()) : List.of();
        } catch (ScenarioException e) {
            return List.of();
        }
    }

    private static YamlNode item(YamlNode list, String id) {
        if (list instanceof YamlNode.Sequence s) {
            for (YamlNode item : s.items()) {
                if (item instanceof YamlNode.Mapping m && m.entries().get("id") instanceof YamlNode.Scalar sid && id.equals(sid.text())) {
                    return item;
                }
            }
        }
        return null;
    }

    /** The file of higher precedence that removes the item {@code segment} ({id: x, remove: true}). */
    private static String removedBy(String segment, String path, List<FileValues> higher) {
        String item = path.substring(0, path.indexOf(segment) + segment.length());
        for (int f = higher.size() - 1; f >= 0; f--) {
            for (Value v : higher.get(f).values()) {
                boolean remove = v.path().equals(item + ".remove") && v.text().equals("true")
                        || v.path().equals(item) && v.text().replace(" ", "").contains("remove:true");
                if (remove) {
                    return higher.get(f).file().getFileName().toString();
                }
            }
        }
        return "a file that extends it";
    }

    private static boolean same(YamlNode node, Path file) {
        Path at = node.location().file();
        return at != null && at.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }

    private static String nameOf(YamlNode node) {
        Path at = node.location().file();
        return at == null || at.getFileName() == null ? String.valueOf(at) : at.getFileName().toString();
    }
}
