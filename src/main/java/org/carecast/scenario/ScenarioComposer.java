package org.carecast.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends:} so that a scenario can be written as a change to another: the
 * parent's YAML tree is merged with the child's before anything is validated, and every node
 * keeps the file, line and column it came from, so errors still point at the file to edit.
 *
 * <p>Merge rules, applied recursively:
 * <ul>
 *   <li>mappings merge key by key, the child's value winning;</li>
 *   <li>lists whose items all carry an {@code id} (placement types, need levels,
 *       interventions) merge by id: an item with a known id is merged into the parent's item,
 *       a new id is appended, and {@code {id: x, remove: true}} deletes item x;</li>
 *   <li>any other value, or list, replaces the parent's.</li>
 * </ul>
 * {@code extends} takes a path or a list of paths, relative to the file that names them; with
 * several parents, later ones override earlier ones. Each file is applied once, below every
 * file that extends it, so two options that both extend the baseline can be combined without
 * the baseline's values undoing either option's changes. A cycle is an error.
 */
final class ScenarioComposer {

    private ScenarioComposer() {
    }

    static YamlNode compose(Path file, YamlNode root) {
        return compose(file, root, new ArrayList<>());
    }

    /**
     * As {@link #compose(Path, YamlNode)}, adding every file {@code file} extends, directly or
     * not, to {@code parents}, once each, in order of precedence: a value set in a file listed
     * earlier wins over the same value in one listed later.
     */
    static YamlNode compose(Path file, YamlNode root, List<Path> parents) {
        List<Layer> layers = new ArrayList<>();
        collect(file, root, new ArrayList<>(), layers);
        // A file reached along two paths (two options that both extend the baseline, combined)
        // is applied once, at its last place: below every file that extends it, so that its
        // values cannot undo a change one of those files made to them.
        Map<Path, Layer> last = new LinkedHashMap<>();
        for (Layer layer : layers) {
            last.remove(layer.file());
            last.put(layer.file(), layer);
        }
        List<Layer> once = new ArrayList<>(last.values());
        YamlNode merged = once.get(once.size() - 1).own();
        for (int i = once.size() - 2; i >= 0; i--) {
            merged = merge(merged, once.get(i).own());
        }
        for (int i = 1; i < once.size(); i++) {
            parents.add(once.get(i).file());
        }
        return merged;
    }

    /** One file's own part of a scenario (without its {@code extends}). */
    private record Layer(Path file, YamlNode own) {
    }

    /**
     * Adds {@code file}'s own part, then each of its parents' layers (the last parent first, as
     * later parents override earlier ones), to {@code layers}: highest precedence first.
     */
    private static void collect(Path file, YamlNode root, List<Path> chain, List<Layer> layers) {
        Path self = file.toAbsolutePath().normalize();
        chain.add(self);
        if (!(root instanceof YamlNode.Mapping mapping) || !mapping.entries().containsKey("extends")) {
            layers.add(new Layer(self, root));
            chain.remove(chain.size() - 1);
            return;
        }
        YamlNode extendsNode = mapping.entries().get("extends");
        List<YamlNode> parentNodes = extendsNode instanceof YamlNode.Sequence seq ? seq.items() : List.of(extendsNode);
        if (parentNodes.isEmpty()) {
            throw new ScenarioException(extendsNode.location(), "extends", "expected a scenario file to extend");
        }
        Map<String, YamlNode> own = new LinkedHashMap<>(mapping.entries());
        Map<String, SourceLocation> ownKeys = new LinkedHashMap<>(mapping.keyLocations());
        own.remove("extends");
        ownKeys.remove("extends");
        layers.add(new Layer(self, new YamlNode.Mapping(mapping.location(), mapping.path(), own, ownKeys)));
        // Parents are read in the order written, so the first bad one is the one reported.
        List<List<Layer>> byParent = new ArrayList<>();
        for (YamlNode parentNode : parentNodes) {
            String relative = FieldReader.text(parentNode, "the path of a scenario file to extend");
            Path parent = file.getParent() == null ? Path.of(relative) : file.getParent().resolve(relative);
            Path normal = parent.toAbsolutePath().normalize();
            if (chain.contains(normal)) {
                StringBuilder cycle = new StringBuilder();
                for (Path p : chain.subList(chain.indexOf(normal), chain.size())) {
                    cycle.append(p.getFileName()).append(" -> ");
                }
                throw new ScenarioException(parentNode.location(), parentNode.path(),
                        "scenarios extend each other in a cycle: " + cycle + normal.getFileName());
            }
            if (Files.isDirectory(parent)) {
                throw new ScenarioException(parentNode.location(), parentNode.path(),
                        "cannot extend '" + relative + "': it is a folder; expected a scenario file ending in .yaml or .yml");
            }
            if (!Files.isRegularFile(parent)) {
                throw new ScenarioException(parentNode.location(), parentNode.path(),
                        "cannot extend '" + relative + "': no such file (looked for " + parent + ")");
            }
            YamlNode parentRoot;
            try {
                parentRoot = YamlTreeReader.read(parent);
            } catch (ScenarioException e) {
                if (e.location() != null && e.location().file().equals(parent) && e.location().line() == 1 && e.field().isEmpty()
                        && e.problem().startsWith("expected a scenario file ending")) {
                    throw new ScenarioException(parentNode.location(), parentNode.path(),
                            "cannot extend '" + relative + "': expected a scenario file ending in .yaml or .yml");
                }
                throw e;
            }
            if (!(parentRoot instanceof YamlNode.Mapping)) {
                // A text file that happens to parse as YAML (a password file, a note) is not a scenario.
                throw new ScenarioException(parentNode.location(), parentNode.path(), "cannot extend '" + relative
                        + "': it is not a scenario (a YAML mapping of 'key: value' lines), found " + FieldReader.describeShort(parentRoot));
            }
            List<Layer> sub = new ArrayList<>();
            collect(parent, parentRoot, chain, sub);
            byParent.add(sub);
        }
        for (int i = byParent.size() - 1; i >= 0; i--) {
            layers.addAll(byParent.get(i));
        }
        chain.remove(chain.size() - 1);
    }

    static YamlNode merge(YamlNode base, YamlNode over) {
        if (base instanceof YamlNode.Mapping a && over instanceof YamlNode.Mapping b) {
            Map<String, YamlNode> entries = new LinkedHashMap<>(a.entries());
            Map<String, SourceLocation> keys = new LinkedHashMap<>(a.keyLocations());
            for (Map.Entry<String, YamlNode> e : b.entries().entrySet()) {
                YamlNode earlier = entries.get(e.getKey());
                entries.put(e.getKey(), earlier == null ? e.getValue() : merge(earlier, e.getValue()));
                keys.put(e.getKey(), b.keyLocations().get(e.getKey()));
            }
            return new YamlNode.Mapping(a.location(), a.path(), entries, keys);
        }
        if (base instanceof YamlNode.Sequence a && over instanceof YamlNode.Sequence b && allHaveIds(a) && allHaveIds(b)) {
            return mergeById(a, b);
        }
        return over;
    }

    private static YamlNode mergeById(YamlNode.Sequence base, YamlNode.Sequence over) {
        Map<String, YamlNode> byId = new LinkedHashMap<>();
        for (YamlNode item : base.items()) {
            byId.put(id(item), item);
        }
        for (YamlNode item : over.items()) {
            String id = id(item);
            YamlNode.Mapping m = (YamlNode.Mapping) item;
            YamlNode remove = m.entries().get("remove");
            if (remove != null) {
                String flag = FieldReader.text(remove, "true");
                if (!flag.equals("true")) {
                    throw new ScenarioException(remove.location(), remove.path(), "expected 'true' (remove the item), found '" + flag + "'");
                }
                if (byId.remove(id) == null) {
                    String hint = Suggestions.closest(id, byId.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
                    YamlNode idNode = m.entries().get("id");
                    throw new ScenarioException(idNode.location(), idNode.path(),
                            "cannot remove '" + id + "': the scenario it extends has no item with that id" + hint);
                }
                continue;
            }
            YamlNode earlier = byId.get(id);
            byId.put(id, earlier == null ? item : merge(earlier, item));
        }
        return new YamlNode.Sequence(base.location(), base.path(), new ArrayList<>(byId.values()));
    }

    private static boolean allHaveIds(YamlNode.Sequence s) {
        for (YamlNode item : s.items()) {
            if (!(item instanceof YamlNode.Mapping m) || !(m.entries().get("id") instanceof YamlNode.Scalar id)
                    || id.text() == null) {
                return false;
            }
        }
        return true;
    }

    private static String id(YamlNode item) {
        return ((YamlNode.Scalar) ((YamlNode.Mapping) item).entries().get("id")).text();
    }
}
