package org.carecast.scenario;

import org.carecast.scenario.Scenario.Ageing;
import org.carecast.scenario.Scenario.Entries;
import org.carecast.scenario.Scenario.Exits;
import org.carecast.scenario.Scenario.InitialPopulation;
import org.carecast.scenario.Scenario.MatchingRule;
import org.carecast.scenario.Scenario.NeedLevel;
import org.carecast.scenario.Scenario.PlacementType;
import org.carecast.scenario.Scenario.StepDown;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario file into a validated {@link Scenario}. Validation happens here, while the
 * YAML nodes and their locations are at hand, so every error names file, line, column, field
 * and what was expected. The first error found is raised.
 *
 * <p>This class reads the root, the age bands and the need levels, and hands each other
 * section to its own reader ({@link PlacementTypeReader}, {@link PopulationReader},
 * {@link EntriesReader}, {@link RulesReader}, {@link ExitsReader}, {@link BreakdownReader},
 * {@link InterventionReader}, {@link FinanceReader}), in the order that lets each check its
 * references against what came before ({@link ScenarioFrame}).
 */
public final class ScenarioReader {

    private final Path file;
    private LocalDate start;
    private LocalDate end;
    private List<String> bandNames;
    private List<String> needIds;
    private Map<String, PlacementType> typesById;
    /** Files read so far, for {@link Scenario#sources()}; a file is listed once, where first read. */
    private final List<Path> sources = new ArrayList<>();
    /** Children's CSV files already read, shared by every reading of one {@link UncertainScenario}. */
    private final Map<Path, Object> csvCache;

    private ScenarioReader(Path file, Map<Path, Object> csvCache) {
        this.file = file;
        this.csvCache = csvCache;
    }

    /** Reads and validates the scenario at {@code file}. */
    public static Scenario read(Path file) {
        return read(file, List.of());
    }

    /**
     * Reads the scenario at {@code file}, applies values set on the command line (after
     * {@code extends}), and validates the result: an override is checked like any field.
     */
    public static Scenario read(Path file, List<Overrides.Setting> overrides) {
        return readUncertain(file, overrides).central();
    }

    /**
     * As {@link #read(Path, List)}, keeping the scenario's ranged assumptions so a run can draw
     * them per replication and {@code sensitivity} can swing them one at a time.
     */
    public static UncertainScenario readUncertain(Path file, List<Overrides.Setting> overrides) {
        List<Path> sources = new ArrayList<>();
        sources.add(file.toAbsolutePath().normalize());
        YamlNode composed = ScenarioComposer.compose(file, YamlTreeReader.read(file), sources);
        return new UncertainScenario(file, Overrides.apply(composed, overrides), sources);
    }

    /**
     * Reads and validates scenario text; {@code file} labels locations and resolves relative
     * paths, and is not among the scenario's sources (the text did not come from it).
     */
    public static Scenario parse(Path file, String yaml) {
        return parseUncertain(file, yaml).central();
    }

    /** As {@link #parse}, keeping the ranged assumptions. */
    public static UncertainScenario parseUncertain(Path file, String yaml) {
        List<Path> sources = new ArrayList<>();
        YamlNode composed = ScenarioComposer.compose(file, YamlTreeReader.parse(file, yaml), sources);
        return new UncertainScenario(file, composed, sources);
    }

    /**
     * Reads a composed tree whose ranges are already marked; {@code sources} are the files it came
     * from; {@code csvCache} holds the children's CSV files read so far (keep one per scenario).
     */
    static Scenario readTree(Path file, YamlNode tree, List<Path> sources, Map<Path, Object> csvCache) {
        ScenarioReader reader = new ScenarioReader(file, csvCache);
        reader.sources.addAll(sources);
        return reader.readRoot(tree);
    }

    /**
     * Where a top-level field of a scenario (after {@code extends}) is written, for errors found
     * outside the reader, such as two compared scenarios with different horizons.
     */
    public static SourceLocation locate(Path file, String field) {
        YamlNode root = ScenarioComposer.compose(file, YamlTreeReader.read(file));
        if (root instanceof YamlNode.Mapping m && m.entries().containsKey(field)) {
            return m.entries().get(field).location();
        }
        return root.location();
    }

    private Scenario readRoot(YamlNode root) {
        FieldReader f = FieldReader.of(root, "a scenario");
        // Not a field of a scenario: a region file given to 'run' is named as such.
        if (f.mapping().entries().containsKey("councils") && !f.has("placementTypes")) {
            throw new ScenarioException(f.location(), "councils", "this is a region, not a scenario: run it with"
                    + " 'carecast region' (it lists councils, each with its own scenario)");
        }
        // These set the shape of every output (months, periods, bands) and how a run is made: a
        // range there would give each replication different outputs to add up.
        for (String key : List.of("start", "horizon", "replications", "seed", "ageBands")) {
            YamlNode node = f.mapping().entries().get(key);
            List<YamlNode> nodes = node instanceof YamlNode.Sequence q ? q.items() : node == null ? List.of() : List.of(node);
            for (YamlNode n : nodes) {
                if (n instanceof YamlNode.Ranged r) {
                    throw new ScenarioException(r.location(), n.path(), "cannot be a range: " + key
                            + " sets the shape of the outputs or how the run is made; give one value (try several with 'sweep')");
                }
            }
        }
        String name = f.string("name");
        String description = f.optionalString("description", "");
        YamlNode startNode = f.required("start", "a date written YYYY-MM-DD");
        start = FieldReader.date(startNode);
        if (start.getDayOfMonth() != 1) {
            throw new ScenarioException(startNode.location(), "start",
                    "expected the first day of a month (monthly tallies and financial years align to months), found " + start);
        }
        int horizon = f.integer("horizon", 1, 1200, "a number of months from 1 to 1200");
        end = start.plusMonths(horizon);
        int replications = f.integer("replications", 1, 1_000_000, "a whole number of replications from 1 to 1,000,000 (1,000 give stable percentiles)");
        long seed = f.longInteger("seed", Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");

        List<Integer> bands = readAgeBands(f.required("ageBands", "a list of band start ages in years, e.g. [0, 1, 5, 10, 16]"));
        bandNames = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            bandNames.add(Scenario.bandName(bands, i));
        }
        List<NeedLevel> needs = readNeedLevels(f.required("needLevels", "a list of need levels"));
        // Each section is read against what the sections before it defined (bands, needs, types).
        PlacementTypeReader placements = new PlacementTypeReader(new ScenarioFrame(start, end, bandNames, needIds, Map.of()));
        List<PlacementType> types = placements.read(f.required("placementTypes", "a list of placement types"));
        typesById = placements.typesById();
        ScenarioFrame frame = new ScenarioFrame(start, end, bandNames, needIds, typesById);
        InitialPopulation initial = new PopulationReader(frame, csvCache, sources)
                .read(f.required("initialPopulation", "the children in care at the start"));
        Entries entries = new EntriesReader(frame).read(f.required("entries", "the entries into care"));
        RulesReader rules = new RulesReader(frame);
        List<MatchingRule> matching = rules.matching(f.required("matching", "a list of matching rules"));
        List<StepDown> stepDowns = f.has("stepDown") ? rules.stepDowns(f.optional("stepDown")) : List.of();
        Ageing ageing = f.has("ageing") ? rules.ageing(f.optional("ageing")) : new Ageing(0, List.of(), List.of());
        Exits exits = new ExitsReader(frame).read(f.required("exits", "the exit hazards"));
        List<Intervention> interventions = f.has("interventions")
                ? new InterventionReader(typesById, start, end).read(f.optional("interventions")) : List.of();
        Scenario.Finance finance = f.has("finance")
                ? new FinanceReader(start, typesById.keySet()).read(f.optional("finance")) : Scenario.Finance.NONE;
        BreakdownReader breakdowns = new BreakdownReader(typesById);
        double frailty = breakdowns.frailtyVariance(f.optional("breakdownFrailty"));
        Map<String, Double> breakdownSd = breakdowns.rateLogSd(f.optional("breakdownUncertainty"));
        Map<String, Map<String, Double>> destinations = breakdowns.destinations(f.optional("breakdownDestinations"));
        Scenario.Actuals actuals = Scenario.Actuals.NONE;
        YamlNode actualsNode = f.optional("actuals");
        if (actualsNode != null) {
            String relative = FieldReader.text(actualsNode, "the path of a CSV of actual children and spend by month");
            Path owner = actualsNode.location().file();
            Path csv = owner.getParent() == null ? Path.of(relative) : owner.getParent().resolve(relative);
            if (!relative.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                throw new ScenarioException(actualsNode.location(), actualsNode.path(),
                        "expected a CSV file ending in .csv, found '" + relative + "'");
            }
            Path key = csv.toAbsolutePath().normalize();
            Object known = csvCache.get(key);
            actuals = known instanceof Scenario.Actuals a ? a : ActualsCsv.read(csv, typesById.keySet(), start);
            csvCache.put(key, actuals);
            sources.add(key);
        }
        f.finish();
        return new Scenario(file, name, description, start, horizon, replications, seed, bands, needs, types,
                initial, entries, matching, stepDowns, ageing, exits, interventions, finance, frailty, breakdownSd,
                destinations, actuals, sources.stream().distinct().toList());
    }

    private List<Integer> readAgeBands(YamlNode node) {
        YamlNode.Sequence list = FieldReader.asSequence(node, "a list of band start ages in years");
        List<Integer> lowers = new ArrayList<>();
        for (YamlNode item : list.items()) {
            int age = (int) FieldReader.longValue(item, 0, 17, "a whole age in years from 0 to 17");
            if (lowers.isEmpty() && age != 0) {
                throw new ScenarioException(item.location(), item.path(), "expected the first band to start at 0, found " + age);
            }
            if (!lowers.isEmpty() && age <= lowers.get(lowers.size() - 1)) {
                throw new ScenarioException(item.location(), item.path(),
                        "expected ages in increasing order, found " + age + " after " + lowers.get(lowers.size() - 1));
            }
            lowers.add(age);
        }
        if (lowers.isEmpty()) {
            throw new ScenarioException(list.location(), list.path(), "expected at least one age band");
        }
        return lowers;
    }

    private List<NeedLevel> readNeedLevels(YamlNode node) {
        YamlNode.Sequence list = FieldReader.asSequence(node, "a list of need levels");
        List<FieldReader> readers = new ArrayList<>();
        needIds = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (YamlNode item : list.items()) {
            FieldReader f = FieldReader.of(item, "a need level");
            needIds.add(FieldReader.newId(f, seen, "need level"));
            readers.add(f);
        }
        if (needIds.isEmpty()) {
            throw new ScenarioException(list.location(), list.path(), "expected at least one need level");
        }
        List<NeedLevel> needs = new ArrayList<>();
        double total = 0;
        for (FieldReader f : readers) {
            String id = FieldReader.text(f.optional("id"), "an identifier");
            double share = f.number("entryShare", 0, 1, "a share of entries from 0 to 1");
            total += share;
            double multiplier = f.optionalNumber("breakdownMultiplier", 1, 0, 1000, "a non-negative multiplier");
            String escalatesTo = null;
            double escalation = 0;
            YamlNode esc = f.optional("escalatesTo");
            if (esc != null) {
                escalatesTo = FieldReader.choice(esc, needIds);
                if (escalatesTo.equals(id)) {
                    throw new ScenarioException(esc.location(), esc.path(), "a need level cannot escalate to itself");
                }
                escalation = f.number("escalationProbability", 0, 1, "a probability from 0 to 1");
            } else if (f.has("escalationProbability")) {
                YamlNode p = f.optional("escalationProbability");
                throw new ScenarioException(p.location(), p.path(), "needs 'escalatesTo' to say which need level it escalates to");
            }
            f.finish();
            needs.add(new NeedLevel(id, share, multiplier, escalatesTo, escalation));
        }
        ScenarioFrame.requireSumOne(total, list, "needLevels[*].entryShare");
        return needs;
    }

    // ---- small shared checks ----

}
