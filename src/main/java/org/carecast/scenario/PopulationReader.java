package org.carecast.scenario;

import org.carecast.scenario.Scenario.Capacity;
import org.carecast.scenario.Scenario.InitialChild;
import org.carecast.scenario.Scenario.InitialGroup;
import org.carecast.scenario.Scenario.InitialPopulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code initialPopulation}: the children in care at the start, as counts by type, need
 * and age band or as a CSV of children (read once per scenario and listed among its sources).
 */
final class PopulationReader {

    private final ScenarioFrame frame;
    /** Children's CSV files already read (shared by every reading of one scenario). */
    private final Map<Path, Object> csvCache;
    /** The scenario's files, to which a children's CSV is added. */
    private final List<Path> sources;

    PopulationReader(ScenarioFrame frame, Map<Path, Object> csvCache, List<Path> sources) {
        this.frame = frame;
        this.csvCache = csvCache;
        this.sources = sources;
    }

    InitialPopulation read(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the initial population");
        // Absent means: drawn from the steady state of the scenario's flows (StockProfile).
        double meanCare = f.optionalNumber("meanYearsInCare", Double.NaN, 0, 18, "a mean time in care in years, 0 to 18");
        double meanPlacement = f.number("meanYearsInPlacement", 0, 18, "a mean time in placement in years, 0 to 18");
        YamlNode groupsNode = f.optional("groups");
        YamlNode fileNode = f.optional("file");
        f.finish();
        if ((groupsNode == null) == (fileNode == null)) {
            throw new ScenarioException(f.location(), "initialPopulation",
                    "expected exactly one of 'groups' (counts by type and age band) or 'file' (a CSV of children)");
        }
        if (fileNode != null) {
            String relative = FieldReader.text(fileNode, "a CSV file path");
            // Resolve from the file that wrote the line, which differs from this file under 'extends'.
            Path owner = fileNode.location().file();
            Path csv = (owner.getParent() == null ? Path.of(relative) : owner.getParent().resolve(relative));
            if (!relative.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                throw new ScenarioException(fileNode.location(), fileNode.path(),
                        "expected a CSV file ending in .csv, found '" + relative + "'");
            }
            // Read once per scenario: a run that reads the scenario again for each draw of its
            // ranges must see the same children even if the file changes meanwhile.
            Path key = csv.toAbsolutePath().normalize();
            @SuppressWarnings("unchecked")
            List<InitialChild> children = (List<InitialChild>) csvCache.get(key);
            if (children == null) {
                children = InitialPopulationCsv.read(csv, frame.typesById().keySet(), frame.needIds());
                csvCache.put(key, children);
            }
            sources.add(csv.toAbsolutePath().normalize());
            checkInitialCapacity(countByType(children), fileNode);
            return new InitialPopulation(meanCare, meanPlacement, List.of(), children);
        }
        List<InitialGroup> groups = new ArrayList<>();
        Map<String, Integer> byType = new HashMap<>();
        Map<String, YamlNode> lastGroupOfType = new HashMap<>();
        for (YamlNode item : FieldReader.asSequence(groupsNode, "a list of groups").items()) {
            FieldReader g = FieldReader.of(item, "a group of children");
            String type = FieldReader.choice(g.required("type", "a placement type"), frame.typesById().keySet());
            String need = FieldReader.choice(g.required("need", "a need level"), frame.needIds());
            Map<String, Integer> counts = new LinkedHashMap<>();
            YamlNode.Mapping parent = FieldReader.asMapping(g.required("byAgeBand", "counts by age band"), "counts by age band");
            for (Map.Entry<String, YamlNode> e : parent.entries().entrySet()) {
                frame.requireBand(e.getKey(), parent.keyLocations().get(e.getKey()), e.getValue().path());
                int n = (int) FieldReader.longValue(e.getValue(), 0, 10_000_000, "a whole number of children, 0 or more");
                counts.put(e.getKey(), n);
                byType.merge(type, n, Integer::sum);
            }
            boolean uasc = g.has("uasc") && FieldReader.choice(g.optional("uasc"), List.of("true", "false")).equals("true");
            g.finish();
            groups.add(new InitialGroup(type, need, counts, uasc));
            lastGroupOfType.put(type, item);
        }
        for (Map.Entry<String, Integer> e : byType.entrySet()) {
            checkInitialCapacity(Map.of(e.getKey(), e.getValue()), lastGroupOfType.get(e.getKey()));
        }
        return new InitialPopulation(meanCare, meanPlacement, groups, List.of());
    }

    private static Map<String, Integer> countByType(List<InitialChild> children) {
        Map<String, Integer> byType = new HashMap<>();
        for (InitialChild c : children) {
            byType.merge(c.type(), 1, Integer::sum);
        }
        return byType;
    }

    private void checkInitialCapacity(Map<String, Integer> byType, YamlNode where) {
        for (Map.Entry<String, Integer> e : byType.entrySet()) {
            Capacity capacity = frame.typesById().get(e.getKey()).capacity();
            if (!capacity.unlimited() && e.getValue() > capacity.places()) {
                throw new ScenarioException(where.location(), where.path(),
                        "the initial population has " + e.getValue() + " children in '" + e.getKey()
                                + "', more than its capacity of " + capacity.places() + " places");
            }
        }
    }
}
