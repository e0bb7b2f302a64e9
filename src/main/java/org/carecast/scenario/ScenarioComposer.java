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
 * several parents, later ones override earlier ones. A cycle is an error.
 */
final class ScenarioComposer {

    private ScenarioComposer() {
    }

    static YamlNode compose(Path file, YamlNode root) {
        return compose(file, root, new ArrayList<>(), new ArrayList<>());
    }

    /** As {@link #compose(Path, YamlNode)}, adding every parent file read to {@code read}. */
    static YamlNode compose(Path file, YamlNode root, List<Path> read) {
        return compose(file, root, new ArrayList<>(), read);
    }

    private static YamlNode compose(Path file, YamlNode root, List<Path> chain, List<Path> read) {
        chain.add(file.toAbsolutePath().normalize());
        if (!(root instanceof YamlNode.Mapping mapping) || !mapping.entries().containsKey("extends")) {
            chain.remove(chain.size() - 1);
            return root;
        }
        YamlNode extendsNode = mapping.entries().get("extends");
        List<YamlNode> parents = extendsNode instanceof YamlNode.Sequence seq ? seq.items() : List.of(extendsNode);
        if (parents.isEmpty()) {
            throw new ScenarioException(extendsNode.location(), "extends", "expected a scenario file to extend");
        }
        YamlNode merged = null;
        for (YamlNode parentNode : parents) {
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
            if (!Files.isRegularFile(parent)) {
                throw new ScenarioException(parentNode.location(), parentNode.path(),
                        "cannot extend '" + relative + "': no such file (looked for " + parent + ")");
            }
            read.add(normal);
            YamlNode tree = compose(parent, YamlTreeReader.read(parent), chain, read);
            merged = merged == null ? tree : merge(merged, tree);
        }
        Map<String, YamlNode> own = new LinkedHashMap<>(mapping.entries());
        Map<String, SourceLocation> ownKeys = new LinkedHashMap<>(mapping.keyLocations());
        own.remove("extends");
        ownKeys.remove("extends");
        chain.remove(chain.size() - 1);
        return merge(merged, new YamlNode.Mapping(mapping.location(), mapping.path(), own, ownKeys));
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
