package org.carecast.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A scenario together with its ranged assumptions ({@link AssumptionRange}): the central
 * scenario (every range at its central value, as a run without ranges would read it), the
 * ranges in file order, and the same scenario read again with any values of them. Values are
 * put into the composed tree (after {@code extends} and {@code --set}) and read by the same
 * reader, so a drawn value is validated exactly as a written one.
 */
public final class UncertainScenario {

    private final Path file;
    private final YamlNode composed;
    private final List<Path> sources;
    private final List<AssumptionRange> ranges;
    private final Scenario central;
    /** The children's CSV read once, for every reading of this scenario. */
    private final Map<Path, Object> csvCache = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The composed tree's nodes on the way to its ranges, found (and each range read) once: a
     * draw rebuilds only those and shares every other node, rather than walking the whole tree
     * and naming every node again for each replication pair. Null when it has no range.
     */
    private final Site sites;

    UncertainScenario(Path file, YamlNode composed, List<Path> sources) {
        this.file = file;
        this.composed = composed;
        this.sources = List.copyOf(sources);
        this.sites = sites(composed, "");
        List<AssumptionRange> found = new ArrayList<>();
        if (sites != null) {
            sites.ranges(found);
        }
        // One entry per draw: ranges sharing a name are one assumption.
        List<AssumptionRange> distinct = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (AssumptionRange r : found) {
            if (keys.add(r.key())) {
                distinct.add(r);
            }
        }
        this.ranges = List.copyOf(distinct);
        this.central = ScenarioReader.readTree(file, tree(key -> Double.NaN), this.sources, csvCache);
    }

    /** The scenario with every range at its central value. */
    public Scenario central() {
        return central;
    }

    /** The ranged assumptions, in the order they are written; ranges sharing a name once (the first). */
    public List<AssumptionRange> ranges() {
        return ranges;
    }

    /** The scenario file. */
    public Path file() {
        return file;
    }

    /**
     * The scenario with each range at the value of cumulative probability
     * {@code uniformOfPath.applyAsDouble(key)} (NaN: its central value), the key being the range's
     * name or, without one, its path.
     */
    public Scenario at(ToDoubleFunction<String> uniformOfPath) {
        return ScenarioReader.readTree(file, tree(uniformOfPath), sources, csvCache);
    }

    /**
     * The composed tree with every range replaced by a {@link YamlNode.Ranged} at the uniform
     * of its key (its name, or its canonical path; NaN: its central value).
     */
    private YamlNode tree(ToDoubleFunction<String> uniformOfKey) {
        return sites == null ? composed : sites.draw(uniformOfKey);
    }

    /**
     * Reads the scenario with each assumption in turn at its low and its high value (every other at
     * its central value) and compiles it, so a range that breaks a rule between fields (shares
     * that must sum to one, an age band a type cannot take) is found before simulating, with the
     * rule's own located message and which end of which range broke it.
     */
    public void checkExtremes() {
        for (AssumptionRange r : ranges) {
            for (boolean high : new boolean[] {false, true}) {
                double u = high ? r.highUniform() : r.lowUniform();
                try {
                    ModelCompiler.compile(withOne(r.key(), u));
                } catch (ScenarioException e) {
                    throw new ScenarioException(e.location(), e.field(), e.problem() + " (when " + r.key() + " is at its "
                            + (high ? "high" : "low") + " value; its range is written at " + r.location() + ")");
                }
            }
        }
    }

    /**
     * The scenario with one assumption (a range's key: its name, or its path) at a given
     * cumulative probability and every other at its central value.
     */
    public Scenario withOne(String key, double uniform) {
        return swing(key, uniform).scenario();
    }

    /**
     * A scenario with one range moved, and the value its field took (after the field's limits
     * and rounding; days since 1970 for a date), as the reports show it.
     */
    public record Swing(Scenario scenario, double value) {
    }

    /** As {@link #withOne}, with the value the field took (the first field, for a name several share). */
    public Swing swing(String key, double uniform) {
        List<YamlNode.Ranged> nodes = new ArrayList<>();
        YamlNode marked = tree(p -> p.equals(key) ? uniform : Double.NaN);
        collect(marked, nodes);
        Scenario s = ScenarioReader.readTree(file, marked, sources, csvCache);
        double value = Double.NaN;
        for (YamlNode.Ranged n : nodes) {
            if (n.range().key().equals(key) && Double.isNaN(value)) {
                value = n.used()[0];
            }
        }
        return new Swing(s, value);
    }

    private static void collect(YamlNode node, List<YamlNode.Ranged> out) {
        if (node instanceof YamlNode.Ranged r) {
            out.add(r);
        } else if (node instanceof YamlNode.Mapping m) {
            m.entries().values().forEach(v -> collect(v, out));
        } else if (node instanceof YamlNode.Sequence q) {
            q.items().forEach(v -> collect(v, out));
        }
    }

    /** A node on the way to a range, and what a draw makes of it. */
    private sealed interface Site permits RangeSite, MappingSite, SequenceSite {
        YamlNode draw(ToDoubleFunction<String> uniformOfKey);

        /** The ranges below, in the order they are written. */
        void ranges(List<AssumptionRange> into);
    }

    /** A range as written, read once. */
    private record RangeSite(YamlNode.Mapping written, AssumptionRange range) implements Site {
        @Override
        public YamlNode draw(ToDoubleFunction<String> uniformOfKey) {
            return new YamlNode.Ranged(written.location(), written.path(), range, uniformOfKey.applyAsDouble(range.key()),
                    new double[] {Double.NaN});
        }

        @Override
        public void ranges(List<AssumptionRange> into) {
            into.add(range);
        }
    }

    /** A mapping with ranges below some of its entries (in its key order). */
    private record MappingSite(YamlNode.Mapping node, Map<String, Site> changed) implements Site {
        @Override
        public YamlNode draw(ToDoubleFunction<String> uniformOfKey) {
            Map<String, YamlNode> entries = new LinkedHashMap<>(node.entries());
            changed.forEach((key, site) -> entries.put(key, site.draw(uniformOfKey)));
            return new YamlNode.Mapping(node.location(), node.path(), entries, node.keyLocations());
        }

        @Override
        public void ranges(List<AssumptionRange> into) {
            changed.values().forEach(site -> site.ranges(into));
        }
    }

    /** A list with ranges below some of its items. */
    private record SequenceSite(YamlNode.Sequence node, Map<Integer, Site> changed) implements Site {
        @Override
        public YamlNode draw(ToDoubleFunction<String> uniformOfKey) {
            List<YamlNode> items = new ArrayList<>(node.items());
            changed.forEach((index, site) -> items.set(index, site.draw(uniformOfKey)));
            return new YamlNode.Sequence(node.location(), node.path(), items);
        }

        @Override
        public void ranges(List<AssumptionRange> into) {
            changed.values().forEach(site -> site.ranges(into));
        }
    }

    /**
     * The sites below {@code node}; null when it holds no range. {@code canonical} names list
     * items by id, so the keyed stream of an assumption does not change when a list is
     * reordered or an item is added before it.
     */
    private static Site sites(YamlNode node, String canonical) {
        if (node instanceof YamlNode.Mapping m) {
            if (AssumptionRange.looksLikeRange(m)) {
                return new RangeSite(m, AssumptionRange.read(m, canonical));
            }
            Map<String, Site> changed = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                Site site = sites(e.getValue(), canonical.isEmpty() ? e.getKey() : canonical + "." + e.getKey());
                if (site != null) {
                    changed.put(e.getKey(), site);
                }
            }
            return changed.isEmpty() ? null : new MappingSite(m, changed);
        }
        if (node instanceof YamlNode.Sequence q) {
            Map<Integer, Site> changed = new LinkedHashMap<>();
            for (int i = 0; i < q.items().size(); i++) {
                YamlNode item = q.items().get(i);
                Site site = sites(item, canonical + "[" + itemName(item, i) + "]");
                if (site != null) {
                    changed.put(i, site);
                }
            }
            return changed.isEmpty() ? null : new SequenceSite(q, changed);
        }
        return null;
    }

    /** A list item's name in a canonical path: its id, so reordering a list keeps the name; else its index. */
    private static String itemName(YamlNode item, int index) {
        return item instanceof YamlNode.Mapping im && im.entries().get("id") instanceof YamlNode.Scalar id
                && id.text() != null ? id.text() : String.valueOf(index);
    }
}
