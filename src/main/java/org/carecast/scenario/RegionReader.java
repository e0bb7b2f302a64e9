package org.carecast.scenario;

import org.carecast.engine.PooledType;
import org.carecast.model.Model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a region file: councils that commission together, each its own scenario file (its own
 * children, entries, placement types, prices and budgets), and the placement types whose places
 * they pool. Every error is located in the file to fix: the region file, or a council's scenario.
 *
 * <pre>
 * name: Two councils pooling their new homes (illustrative)
 * councils:
 *   - {id: oldham, scenario: oldham-regional.yaml}
 *   - {id: neighbour, scenario: neighbour-regional.yaml}
 * sharedPlaces:
 *   - type: regional_home     # a type in every council's scenario; its places are pooled
 *     reservedPlaces: 1       # optional: places each council keeps for its own children (default 0)
 *     priorityPlaces: 1       # optional: the pool's last free places, kept for children of ...
 *     priorityNeeds: [complex]  # ... these need levels (every council's scenario has them)
 *     queue: region           # optional: a freed place goes to the region's waiting children as one
 *                             # queue, longest placed first (default council: its own council's first)
 *     fixedCosts: by_use      # optional: the places' running costs shared each month by the child-days
 *                             # each council used (default commissioned: each pays for its own places)
 * replications: 1000          # optional: else the first council's
 * seed: 20250401              # optional: else the first council's
 * </pre>
 */
public final class RegionReader {

    /** One council of a region: its id, its scenario, and its model as run without draws. */
    public record Council(String id, Path file, UncertainScenario scenario, Model model) {
    }

    /**
     * A region as read.
     *
     * @param pooledTypes  the shared types' ids
     * @param pooled       {@code pooled[p][k]}: shared type p's index in council k's model
     * @param replications replications to run
     * @param seed         the region's seed (council 0's; the others' follow from it)
     */
    public record Region(Path file, String name, String description, List<Council> councils, List<String> pooledTypes,
                         List<PooledType> pooled, int replications, long seed) {
    }

    private RegionReader() {
    }

    /**
     * Whether {@code file} is a region file (its top level lists {@code councils}) rather than a
     * scenario; false for a file that cannot be read as YAML at all (the scenario reader then
     * says what is wrong with it).
     */
    public static boolean isRegion(Path file) {
        try {
            return YamlTreeReader.read(file) instanceof YamlNode.Mapping m && m.entries().containsKey("councils");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Refuses to compare regions that do not list the same councils in the same order. */
    public static void checkSameCouncils(Region base, Region plan) {
        List<String> a = base.councils().stream().map(Council::id).toList();
        List<String> b = plan.councils().stream().map(Council::id).toList();
        if (!a.equals(b)) {
            throw new ScenarioException(new SourceLocation(plan.file(), 1, 1), "councils", "a region is compared with one of"
                    + " the same councils in the same order: " + plan.file().getFileName() + " lists " + b + ", "
                    + base.file().getFileName() + " lists " + a);
        }
        Scenario x = base.councils().get(0).scenario().central();
        Scenario y = plan.councils().get(0).scenario().central();
        if (!x.start().equals(y.start()) || x.horizonMonths() != y.horizonMonths()) {
            throw new ScenarioException(new SourceLocation(plan.file(), 1, 1), "councils", "the regions compared must run"
                    + " over the same months: " + y.start() + " for " + y.horizonMonths() + " months against " + x.start()
                    + " for " + x.horizonMonths());
        }
    }

    /** Reads and checks the region at {@code file}; the councils' scenarios are read with {@code settings} applied to each. */
    public static Region read(Path file, List<Overrides.Setting> settings) {
        YamlNode root = YamlTreeReader.read(file);
        FieldReader f = FieldReader.of(root, "a region");
        if (!f.has("councils") && (f.has("placementTypes") || f.has("extends"))) {
            throw new ScenarioException(f.location(), "councils", "this is a scenario, not a region: run it with 'carecast run'"
                    + " (a region file lists councils, each with its own scenario, and the placement types they share)");
        }
        String name = f.string("name");
        String description = f.optionalString("description", "");
        YamlNode.Sequence list = FieldReader.asSequence(f.required("councils", "a list of councils, each {id, scenario}"),
                "a list of councils");
        if (list.items().size() < 2) {
            throw new ScenarioException(list.location(), list.path(), "expected at least two councils: a region shares"
                    + " places between councils (run one council's scenario with 'carecast run')");
        }
        List<Council> councils = new ArrayList<>();
        Map<String, YamlNode> scenarioNodes = new HashMap<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (YamlNode item : list.items()) {
            FieldReader c = FieldReader.of(item, "a council");
            String id = FieldReader.newId(c, seen, "council");
            if (!id.matches("[a-z0-9][a-z0-9_-]{0,59}")) {
                YamlNode idNode = c.required("id", "an identifier");
                throw new ScenarioException(idNode.location(), idNode.path(), "expected an identifier of lower-case letters,"
                        + " digits, '-' and '_' (it names the council's output folder), found '" + id + "'");
            }
            YamlNode scenarioNode = c.required("scenario", "the path of the council's scenario file");
            String relative = FieldReader.text(scenarioNode, "the path of the council's scenario file");
            c.finish();
            Path scenarioFile = file.getParent() == null ? Path.of(relative) : file.getParent().resolve(relative);
            UncertainScenario scenario = ScenarioReader.readUncertain(scenarioFile, settings);
            scenarioNodes.put(id, scenarioNode);
            councils.add(new Council(id, scenarioFile, scenario, ModelCompiler.compile(scenario.central())));
        }
        Scenario first = councils.get(0).scenario().central();
        for (Council c : councils.subList(1, councils.size())) {
            Scenario s = c.scenario().central();
            if (!s.start().equals(first.start()) || s.horizonMonths() != first.horizonMonths()) {
                YamlNode at = scenarioNodes.get(c.id());
                throw new ScenarioException(at.location(), at.path(), "every council must run over the same months: '"
                        + c.id() + "' starts " + s.start() + " for " + s.horizonMonths() + " months, '" + councils.get(0).id()
                        + "' starts " + first.start() + " for " + first.horizonMonths() + " months");
            }
        }
        List<String> pooledTypes = new ArrayList<>();
        List<PooledType> pooled = new ArrayList<>();
        YamlNode sharedNode = f.optional("sharedPlaces");
        if (sharedNode != null) {
            for (YamlNode item : FieldReader.asSequence(sharedNode, "a list of shared placement types, each {type}").items()) {
                FieldReader p = FieldReader.of(item, "a shared placement type");
                YamlNode typeNode = p.required("type", "a placement type every council's scenario has");
                String type = FieldReader.text(typeNode, "a placement type");
                int reserved = p.optionalInteger("reservedPlaces", 0, 0, 100_000,
                        "a whole number of places each council keeps for its own children, 0 (first come first served) or more");
                int priorityPlaces = p.optionalInteger("priorityPlaces", 0, 0, 100_000,
                        "a whole number of the pool's free places kept for children of the priorityNeeds, 0 (none) or more");
                YamlNode needsNode = p.optional("priorityNeeds");
                List<String> priorityNeeds = new ArrayList<>();
                if (needsNode != null) {
                    for (YamlNode need : FieldReader.asSequence(needsNode, "a list of need level ids, such as [complex]").items()) {
                        String id = FieldReader.text(need, "a need level id");
                        if (priorityNeeds.contains(id)) {
                            throw new ScenarioException(need.location(), need.path(), "'" + id + "' is listed twice");
                        }
                        priorityNeeds.add(id);
                    }
                }
                if (priorityPlaces > 0 && priorityNeeds.isEmpty()) {
                    YamlNode at = needsNode != null ? needsNode : p.optional("priorityPlaces");
                    throw new ScenarioException(at.location(), at.path(), "priorityPlaces keeps places for children of"
                            + " the need levels in priorityNeeds: list at least one, such as priorityNeeds: [complex]");
                }
                if (priorityPlaces == 0 && needsNode != null) {
                    throw new ScenarioException(needsNode.location(), needsNode.path(), "priorityNeeds has no effect"
                            + " without priorityPlaces (how many of the pool's free places to keep for them), a whole number from 1");
                }
                boolean oneQueue = p.has("queue") && p.choice("queue", List.of("council", "region")).equals("region");
                boolean byUse = p.has("fixedCosts") && p.choice("fixedCosts", List.of("commissioned", "by_use")).equals("by_use");
                p.finish();
                if (pooledTypes.contains(type)) {
                    throw new ScenarioException(typeNode.location(), typeNode.path(), "'" + type + "' is shared twice");
                }
                int[] indices = new int[councils.size()];
                for (int k = 0; k < councils.size(); k++) {
                    Council c = councils.get(k);
                    int t = c.model().placements().indexOf(type);
                    if (t < 0) {
                        throw new ScenarioException(typeNode.location(), typeNode.path(), "council '" + c.id() + "' ("
                                + c.file().getFileName() + ") has no placement type '" + type + "' to share; every council"
                                + " sharing places needs the type (a new_home intervention's id names one)");
                    }
                    if (c.model().capacity().isUnlimited(t)) {
                        throw new ScenarioException(typeNode.location(), typeNode.path(), "'" + type + "' has unlimited"
                                + " places in council '" + c.id() + "': only limited places can be shared");
                    }
                    indices[k] = t;
                }
                boolean[][] priority = null;
                if (priorityPlaces > 0) {
                    priority = new boolean[councils.size()][];
                    for (int k = 0; k < councils.size(); k++) {
                        Council c = councils.get(k);
                        List<String> ids = List.of(c.model().needs().ids());
                        priority[k] = new boolean[ids.size()];
                        for (int i = 0; i < priorityNeeds.size(); i++) {
                            int n = ids.indexOf(priorityNeeds.get(i));
                            if (n < 0) {
                                YamlNode need = FieldReader.asSequence(needsNode, "").items().get(i);
                                throw new ScenarioException(need.location(), need.path(), "council '" + c.id() + "' ("
                                        + c.file().getFileName() + ") has no need level '" + priorityNeeds.get(i)
                                        + "'; its need levels are " + String.join(", ", ids));
                            }
                            priority[k][n] = true;
                        }
                    }
                }
                pooledTypes.add(type);
                pooled.add(new PooledType(indices, reserved, priorityPlaces, priorityNeeds, priority, oneQueue, byUse));
            }
        }
        int replications = f.optionalInteger("replications", first.replications(), 1, 1_000_000,
                "a whole number of replications from 1 to 1,000,000");
        long seed = f.has("seed") ? f.longInteger("seed", Long.MIN_VALUE, Long.MAX_VALUE, "a whole number") : first.seed();
        f.finish();
        return new Region(file, name, description, List.copyOf(councils), List.copyOf(pooledTypes),
                List.copyOf(pooled), replications, seed);
    }
}
