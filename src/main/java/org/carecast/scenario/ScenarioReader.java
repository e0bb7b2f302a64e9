package org.carecast.scenario;

import org.carecast.model.ExitReason;
import org.carecast.model.PlacementCategory;
import org.carecast.model.Provider;
import org.carecast.scenario.Scenario.Ageing;
import org.carecast.scenario.Scenario.Capacity;
import org.carecast.scenario.Scenario.CapacityChange;
import org.carecast.scenario.Scenario.Entries;
import org.carecast.scenario.Scenario.Exits;
import org.carecast.scenario.Scenario.InitialChild;
import org.carecast.scenario.Scenario.InitialGroup;
import org.carecast.scenario.Scenario.InitialPopulation;
import org.carecast.scenario.Scenario.MatchingRule;
import org.carecast.scenario.Scenario.NeedLevel;
import org.carecast.scenario.Scenario.PlacementType;
import org.carecast.scenario.Scenario.PlannedEnd;
import org.carecast.scenario.Scenario.StepDown;
import org.carecast.scenario.Scenario.TimeInCareBand;
import org.carecast.scenario.Scenario.Turnover;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file into a validated {@link Scenario}. Validation happens here, while the
 * YAML nodes and their locations are at hand, so every error names file, line, column, field
 * and what was expected. The first error found is raised.
 */
public final class ScenarioReader {

    /** Tolerance on shares that must sum to one (allows rounding in hand-written YAML). */
    static final double SHARE_TOLERANCE = 1e-6;

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
        List<PlacementType> types = readPlacementTypes(f.required("placementTypes", "a list of placement types"));
        InitialPopulation initial = readInitial(f.required("initialPopulation", "the children in care at the start"));
        Entries entries = readEntries(f.required("entries", "the entries into care"));
        List<MatchingRule> matching = readMatching(f.required("matching", "a list of matching rules"));
        List<StepDown> stepDowns = f.has("stepDown") ? readStepDowns(f.optional("stepDown")) : List.of();
        Ageing ageing = f.has("ageing") ? readAgeing(f.optional("ageing")) : new Ageing(0, List.of(), List.of());
        Exits exits = readExits(f.required("exits", "the exit hazards"));
        List<Intervention> interventions = f.has("interventions")
                ? new InterventionReader(typesById, start, end).read(f.optional("interventions")) : List.of();
        Scenario.Finance finance = f.has("finance")
                ? new FinanceReader(start, typesById.keySet()).read(f.optional("finance")) : Scenario.Finance.NONE;
        double frailty = 0;
        YamlNode frailtyNode = f.optional("breakdownFrailty");
        if (frailtyNode != null) {
            FieldReader b = FieldReader.of(frailtyNode, "how breakdown proneness varies between children");
            frailty = b.number("variance", 0, 10, "the variance of a child's breakdown multiplier (mean 1), 0 to 10");
            b.finish();
        }
        // Each type's breakdown rate as an estimate: a replication draws its own, so bands carry the estimation error.
        Map<String, Double> breakdownSd = new java.util.LinkedHashMap<>();
        YamlNode uncertaintyNode = f.optional("breakdownUncertainty");
        if (uncertaintyNode != null) {
            FieldReader u = FieldReader.of(uncertaintyNode, "how uncertain the breakdown rates are");
            FieldReader bySd = FieldReader.of(u.required("rateLogSd", "a mapping from placement type to a standard deviation"),
                    "the standard deviation of the log of each type's breakdown rate");
            for (String id : typesById.keySet()) {
                double sd = bySd.optionalNumber(id, 0, 0, 2, "the standard deviation of the log of the breakdown rate, 0 to 2");
                if (sd > 0) {
                    breakdownSd.put(id, sd);
                }
            }
            bySd.finish();
            u.finish();
        }
        // Where a breakdown in each type sends a child, as shares; the rest are matched by need as usual.
        Map<String, Map<String, Double>> destinations = new java.util.LinkedHashMap<>();
        YamlNode destinationsNode = f.optional("breakdownDestinations");
        if (destinationsNode != null) {
            FieldReader byFrom = FieldReader.of(destinationsNode, "a mapping from placement type to the shares of its breakdowns"
                    + " that go to each type");
            for (String from : typesById.keySet()) {
                YamlNode row = byFrom.optional(from);
                if (row == null) {
                    continue;
                }
                FieldReader byTo = FieldReader.of(row, "the shares of breakdowns in " + from + " going to each type");
                Map<String, Double> shares = new java.util.LinkedHashMap<>();
                double sum = 0;
                for (String to : typesById.keySet()) {
                    double share = byTo.optionalNumber(to, 0, 0, 1, "a share from 0 to 1");
                    if (share > 0) {
                        shares.put(to, share);
                        sum += share;
                    }
                }
                if (sum > 1 + 1e-6) {
                    throw new ScenarioException(byTo.location(), "breakdownDestinations." + from,
                            "shares adding up to at most 1, found " + sum);
                }
                byTo.finish();
                destinations.put(from, shares);
            }
            byFrom.finish();
        }
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
        for (YamlNode item : list.items()) {
            FieldReader f = FieldReader.of(item, "a need level");
            YamlNode idNode = f.required("id", "an identifier");
            String id = FieldReader.text(idNode, "an identifier");
            if (needIds.contains(id)) {
                throw new ScenarioException(idNode.location(), idNode.path(), "duplicate need level '" + id + "'");
            }
            needIds.add(id);
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
        requireSumOne(total, list, "needLevels[*].entryShare");
        return needs;
    }

    private List<PlacementType> readPlacementTypes(YamlNode node) {
        YamlNode.Sequence list = FieldReader.asSequence(node, "a list of placement types");
        typesById = new LinkedHashMap<>();
        List<PlacementType> types = new ArrayList<>();
        for (YamlNode item : list.items()) {
            FieldReader f = FieldReader.of(item, "a placement type");
            YamlNode idNode = f.required("id", "an identifier");
            String id = FieldReader.text(idNode, "an identifier");
            if (typesById.containsKey(id)) {
                throw new ScenarioException(idNode.location(), idNode.path(), "duplicate placement type '" + id + "'");
            }
            String label = f.optionalString("label", id);
            PlacementCategory category = PlacementCategory.fromId(f.choice("category", PlacementCategory.ids()));
            Provider provider = Provider.fromId(f.choice("provider", Provider.ids()));
            boolean inBorough = f.choice("location", List.of("in_borough", "out_of_borough")).equals("in_borough");
            double weeklyCost = f.number("weeklyCost", 0, 1e7, "a weekly cost in pounds, 0 or more");
            double inflation = f.number("annualInflation", -0.5, 1, "an annual rate such as 0.03 for 3%");
            Capacity capacity = readCapacity(f.required("capacity", "'unlimited' or a number of places"), f);
            double fixed = f.optionalNumber("fixedAnnualCost", 0, 0, 1e10, "an annual cost in pounds, 0 or more");
            double breakdown = f.number("breakdownRatePerYear", 0, 365, "a hazard per year, 0 or more");
            double voidDays = f.optionalNumber("voidDaysAfterBreakdown", 0, 0, 365,
                    "days a place stays empty after a placement in it breaks down, 0 to 365");
            if (voidDays > 0 && capacity.unlimited()) {
                throw new ScenarioException(f.mapping().entries().get("voidDaysAfterBreakdown").location(),
                        f.mapping().path() + ".voidDaysAfterBreakdown", "an unlimited placement type has no places to leave empty");
            }
            // Absent: all in or all out of the area, as 'location' says.
            double awayShare = f.optionalNumber("outOfBoroughShare", Double.NaN, 0, 1,
                    "the share of this type's placements outside the council's area, 0 to 1");
            double[] ages = FieldReader.ageRange(f);
            Turnover turnover = null;
            YamlNode turnoverNode = f.optional("turnover");
            if (turnoverNode != null) {
                if (capacity.unlimited()) {
                    throw new ScenarioException(turnoverNode.location(), turnoverNode.path(),
                            "an unlimited placement type cannot gain or lose places");
                }
                FieldReader tf = FieldReader.of(turnoverNode, "the turnover of places");
                double gained = tf.number("placesGainedPerYear", 0, 1e6, "places gained per year, 0 or more");
                double lost = tf.number("shareLostPerYear", 0, 10, "the share of places lost per year, e.g. 0.12");
                tf.finish();
                turnover = new Turnover(gained, lost);
            }
            PlannedEnd planned = null;
            YamlNode plannedNode = f.optional("plannedEnd");
            if (plannedNode != null) {
                FieldReader p = FieldReader.of(plannedNode, "a planned end");
                double rate = p.number("ratePerYear", 0, 365, "a hazard per year, 0 or more");
                // Absent: the child keeps its need and is matched again (a move as part of the care plan).
                String needAfter = p.has("needAfter") ? FieldReader.choice(p.optional("needAfter"), needIds) : null;
                p.finish();
                planned = new PlannedEnd(rate, needAfter);
            }
            f.finish();
            PlacementType type = new PlacementType(id, label, category, provider, inBorough, weeklyCost, inflation,
                    capacity, fixed, breakdown, planned, ages[0], ages[1], turnover, voidDays, awayShare);
            typesById.put(id, type);
            types.add(type);
        }
        if (types.isEmpty()) {
            throw new ScenarioException(list.location(), list.path(), "expected at least one placement type");
        }
        return types;
    }

    private Capacity readCapacity(YamlNode node, FieldReader owner) {
        YamlNode changesNode = owner.optional("capacityChanges");
        if (node instanceof YamlNode.Scalar s && "unlimited".equals(s.text())) {
            if (changesNode != null) {
                throw new ScenarioException(changesNode.location(), changesNode.path(),
                        "an unlimited placement type cannot have capacity changes");
            }
            return new Capacity(true, 0, List.of());
        }
        int places = (int) FieldReader.longValue(node, 0, 10_000_000, "'unlimited' or a whole number of places, 0 or more");
        List<CapacityChange> changes = new ArrayList<>();
        int running = places;
        if (changesNode != null) {
            for (YamlNode item : FieldReader.asSequence(changesNode, "a list of dated capacity changes").items()) {
                FieldReader c = FieldReader.of(item, "a capacity change");
                YamlNode dateNode = c.required("date", "a date written YYYY-MM-DD");
                LocalDate date = FieldReader.date(dateNode);
                requireInHorizon(date, dateNode);
                YamlNode changeNode = c.required("change", "a whole number of places added (+) or removed (-)");
                int change = (int) FieldReader.longValue(changeNode, -10_000_000, 10_000_000,
                        "a whole number of places added (+) or removed (-)");
                c.finish();
                if (!changes.isEmpty() && date.isBefore(changes.get(changes.size() - 1).date())) {
                    throw new ScenarioException(dateNode.location(), dateNode.path(), "expected changes in date order");
                }
                running += change;
                if (running < 0) {
                    throw new ScenarioException(changeNode.location(), changeNode.path(),
                            "takes capacity below zero (" + running + " places)");
                }
                changes.add(new CapacityChange(date, change));
            }
        }
        return new Capacity(false, places, changes);
    }

    private InitialPopulation readInitial(YamlNode node) {
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
                children = InitialPopulationCsv.read(csv, typesById.keySet(), needIds);
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
            String type = FieldReader.choice(g.required("type", "a placement type"), typesById.keySet());
            String need = FieldReader.choice(g.required("need", "a need level"), needIds);
            Map<String, Integer> counts = new LinkedHashMap<>();
            YamlNode.Mapping parent = FieldReader.asMapping(g.required("byAgeBand", "counts by age band"), "counts by age band");
            for (Map.Entry<String, YamlNode> e : parent.entries().entrySet()) {
                requireBand(e.getKey(), parent.keyLocations().get(e.getKey()), e.getValue().path());
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
            Capacity capacity = typesById.get(e.getKey()).capacity();
            if (!capacity.unlimited() && e.getValue() > capacity.places()) {
                throw new ScenarioException(where.location(), where.path(),
                        "the initial population has " + e.getValue() + " children in '" + e.getKey()
                                + "', more than its capacity of " + capacity.places() + " places");
            }
        }
    }

    private Entries readEntries(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the entries into care");
        double monthly = f.number("monthlyRate", 0, 100_000, "a number of entries per month from 0 to 100,000 (all of England is about 2,800)");
        double trend = f.optionalNumber("annualTrend", 0, -0.5, 1, "an annual growth rate from -0.5 to 1, such as 0.02 for 2%");
        Map<String, Double> shares = readBandShares(f.required("ageShares", "shares of entries by age band"), "ageShares");
        // Absent (NaN) means none singled out: entry ages uniform over the whole first band.
        double newborn = f.optionalNumber("newbornShare", Double.NaN, 0, 1,
                "the share of the first age band's entries that come into care in their first week, 0 to 1");
        Scenario.CarePlanMove carePlan = null;
        YamlNode carePlanNode = f.optional("carePlanMove");
        if (carePlanNode != null) {
            FieldReader c = FieldReader.of(carePlanNode, "the move soon after entry that care plans make");
            double share = c.number("share", 0, 1, "the share of children entering care who make that move, 0 to 1");
            double months = c.number("meanMonths", 0.01, 120, "the mean months from entry to the move, more than 0");
            c.finish();
            carePlan = new Scenario.CarePlanMove(share, months);
        }
        Scenario.Uasc uasc = null;
        YamlNode uascNode = f.optional("uasc");
        if (uascNode != null) {
            FieldReader u = FieldReader.of(uascNode, "the entries of unaccompanied asylum-seeking children");
            double rate = u.number("monthlyRate", 0, 10_000, "UASC entries per month, 0 to 10,000");
            double uascTrend = u.optionalNumber("annualTrend", 0, -0.5, 1, "an annual growth rate from -0.5 to 1");
            Map<String, Double> ages = readBandShares(u.required("ageShares", "shares of UASC entries by age band"), "ageShares");
            String need = FieldReader.choice(u.required("need", "the need level they enter with"), needIds);
            u.finish();
            uasc = new Scenario.Uasc(rate, uascTrend, ages, need);
        }
        double rateLogSd = 0;
        double trendSd = 0;
        double shareCount = 0;
        YamlNode uncertaintyNode = f.optional("uncertainty");
        if (uncertaintyNode != null) {
            FieldReader u = FieldReader.of(uncertaintyNode, "how uncertain the entry rate and trend are");
            rateLogSd = u.optionalNumber("rateLogSd", 0, 0, 2,
                    "the standard deviation of the log of the entry rate, 0 to 2 (0.1 is about 10%)");
            trendSd = u.optionalNumber("trendSdPerYear", 0, 0, 1,
                    "the standard deviation of the yearly log trend, 0 to 1");
            shareCount = u.optionalNumber("shareCount", 0, 0, 1e7,
                    "the number of entries the age and need shares were estimated from (0: the shares are known)");
            u.finish();
        }
        f.finish();
        return new Entries(monthly, trend, shares, newborn, carePlan, uasc, rateLogSd, trendSd, shareCount);
    }

    private Map<String, Double> readBandShares(YamlNode node, String what) {
        YamlNode.Mapping m = FieldReader.asMapping(node, "shares by age band");
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            requireBand(e.getKey(), m.keyLocations().get(e.getKey()), e.getValue().path());
            double share = FieldReader.number(e.getValue(), 0, 1, "a share from 0 to 1");
            shares.put(e.getKey(), share);
            total += share;
        }
        requireSumOne(total, m, m.path());
        return shares;
    }

    private List<MatchingRule> readMatching(YamlNode node) {
        YamlNode.Sequence list = FieldReader.asSequence(node, "a list of matching rules");
        List<MatchingRule> rules = new ArrayList<>();
        Map<String, SourceLocation> covered = new HashMap<>();
        for (YamlNode item : list.items()) {
            FieldReader f = FieldReader.of(item, "a matching rule");
            List<String> bands = f.has("ageBands") ? choices(f.optional("ageBands"), bandNames, "age bands") : bandNames;
            List<String> needs = f.has("needs") ? choices(f.optional("needs"), needIds, "need levels") : needIds;
            YamlNode orderNode = f.required("order", "a list of placement types in order of preference");
            List<String> order = readOrder(orderNode);
            f.finish();
            for (String band : bands) {
                for (String need : needs) {
                    SourceLocation earlier = covered.putIfAbsent(band + "/" + need, item.location());
                    if (earlier != null) {
                        throw new ScenarioException(item.location(), item.path(), "age band " + band + " and need level "
                                + need + " are already matched by the rule at line " + earlier.line());
                    }
                }
            }
            rules.add(new MatchingRule(bands, needs, order));
        }
        for (String band : bandNames) {
            for (String need : needIds) {
                if (!covered.containsKey(band + "/" + need)) {
                    throw new ScenarioException(list.location(), list.path(),
                            "no rule matches age band " + band + " with need level " + need);
                }
            }
        }
        return rules;
    }

    /** A preference list: known types, no repeats, ending in an unlimited type. */
    private List<String> readOrder(YamlNode orderNode) {
        List<String> order = choices(orderNode, typesById.keySet(), "placement types");
        if (order.isEmpty()) {
            throw new ScenarioException(orderNode.location(), orderNode.path(), "expected at least one placement type");
        }
        if (new HashSet<>(order).size() != order.size()) {
            throw new ScenarioException(orderNode.location(), orderNode.path(), "a placement type is listed twice");
        }
        String last = order.get(order.size() - 1);
        if (!typesById.get(last).capacity().unlimited()) {
            YamlNode lastNode = ((YamlNode.Sequence) orderNode).items().get(order.size() - 1);
            throw new ScenarioException(lastNode.location(), lastNode.path(), "expected the last placement type to have"
                    + " unlimited capacity so every child can be placed, found '" + last + "' with limited capacity");
        }
        return order;
    }

    private List<StepDown> readStepDowns(YamlNode node) {
        List<StepDown> rules = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (YamlNode item : FieldReader.asSequence(node, "a list of step-down rules").items()) {
            FieldReader f = FieldReader.of(item, "a step-down rule");
            YamlNode fromNode = f.required("from", "a list of placement types children step down from");
            List<String> from = choices(fromNode, typesById.keySet(), "placement types");
            for (int i = 0; i < from.size(); i++) {
                if (!sources.add(from.get(i))) {
                    YamlNode at = ((YamlNode.Sequence) fromNode).items().get(i);
                    throw new ScenarioException(at.location(), at.path(),
                            "'" + from.get(i) + "' already has a step-down rule; each type steps down to one target");
                }
            }
            YamlNode toNode = f.required("to", "a placement type");
            String to = FieldReader.choice(toNode, typesById.keySet());
            if (from.contains(to)) {
                throw new ScenarioException(toNode.location(), toNode.path(), "a type cannot step down to itself");
            }
            double minStay = f.number("minimumStayDays", 0, 36500, "a number of days, 0 or more");
            double probability = f.number("probability", 0, 1, "a probability from 0 to 1");
            double[] ages = FieldReader.ageRange(f);
            f.finish();
            rules.add(new StepDown(from, to, minStay, probability, ages[0], ages[1]));
        }
        return rules;
    }

    private Ageing readAgeing(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the ageing rules");
        double share = f.number("semiIndependenceShare", 0, 1, "a share from 0 to 1");
        List<String> from = choices(f.required("from", "a list of placement types"), typesById.keySet(), "placement types");
        List<String> order = readOrder(f.required("order", "a list of placement types in order of preference"));
        f.finish();
        return new Ageing(share, from, order);
    }

    private Exits readExits(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the exit hazards");
        YamlNode.Mapping ratesNode = FieldReader.asMapping(f.required("ratePerYear", "exit hazards per age band"), "exit hazards per age band");
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : ratesNode.entries().entrySet()) {
            requireBand(e.getKey(), ratesNode.keyLocations().get(e.getKey()), e.getValue().path());
            rates.put(e.getKey(), FieldReader.number(e.getValue(), 0, 365, "a hazard per year, 0 or more"));
        }
        requireAllBands(rates.keySet(), ratesNode);
        List<TimeInCareBand> tic = new ArrayList<>();
        YamlNode ticNode = f.optional("timeInCare");
        if (ticNode != null) {
            for (YamlNode item : FieldReader.asSequence(ticNode, "a list of time-in-care bands").items()) {
                FieldReader t = FieldReader.of(item, "a time-in-care band");
                YamlNode fromNode = t.required("fromYears", "a time in care in years");
                double fromYears = FieldReader.number(fromNode, 0, 18, "a time in care in years from 0 to 18");
                double multiplier = t.number("multiplier", 0, 1000, "a non-negative multiplier");
                t.finish();
                if (tic.isEmpty() && fromYears != 0) {
                    throw new ScenarioException(fromNode.location(), fromNode.path(), "expected the first band to start at 0 years");
                }
                if (!tic.isEmpty() && fromYears <= tic.get(tic.size() - 1).fromYears()) {
                    throw new ScenarioException(fromNode.location(), fromNode.path(), "expected bands in increasing order");
                }
                tic.add(new TimeInCareBand(fromYears, multiplier));
            }
        }
        YamlNode.Mapping reasonsNode = FieldReader.asMapping(f.required("reasons", "exit reason shares per age band"), "exit reason shares per age band");
        Map<String, Map<String, Double>> reasons = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : reasonsNode.entries().entrySet()) {
            requireBand(e.getKey(), reasonsNode.keyLocations().get(e.getKey()), e.getValue().path());
            YamlNode.Mapping shares = FieldReader.asMapping(e.getValue(), "shares by exit reason");
            Map<String, Double> byReason = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<String, YamlNode> r : shares.entries().entrySet()) {
                if (!ExitReason.drawnIds().contains(r.getKey())) {
                    String hint = Suggestions.closest(r.getKey(), ExitReason.drawnIds()).map(s -> "; did you mean '" + s + "'?").orElse("");
                    throw new ScenarioException(shares.keyLocations().get(r.getKey()), r.getValue().path(),
                            "unknown exit reason, expected one of " + ExitReason.drawnIds() + hint);
                }
                double share = FieldReader.number(r.getValue(), 0, 1, "a share from 0 to 1");
                byReason.put(r.getKey(), share);
                total += share;
            }
            requireSumOne(total, shares, shares.path());
            reasons.put(e.getKey(), byReason);
        }
        requireAllBands(reasons.keySet(), reasonsNode);
        double rateLogSd = 0;
        Map<String, Double> reasonCounts = new LinkedHashMap<>();
        YamlNode uncertaintyNode = f.optional("uncertainty");
        if (uncertaintyNode != null) {
            FieldReader u = FieldReader.of(uncertaintyNode, "how uncertain the exit hazards are");
            rateLogSd = u.number("rateLogSd", 0, 2,
                    "the standard deviation of the log of a multiplier on every exit hazard, 0 to 2 (0.1 is about 10%)");
            YamlNode countsNode = u.optional("reasonCounts");
            if (countsNode != null) {
                YamlNode.Mapping counts = FieldReader.asMapping(countsNode, "exits counted per age band, for the reason shares");
                for (Map.Entry<String, YamlNode> e : counts.entries().entrySet()) {
                    requireBand(e.getKey(), counts.keyLocations().get(e.getKey()), e.getValue().path());
                    reasonCounts.put(e.getKey(), FieldReader.number(e.getValue(), 0, 1e7,
                            "the number of exits the band's reason shares come from, 0 or more"));
                }
            }
            u.finish();
        }
        f.finish();
        return new Exits(rates, tic, reasons, rateLogSd, reasonCounts);
    }

    // ---- small shared checks ----

    private List<String> choices(YamlNode node, java.util.Collection<String> allowed, String what) {
        List<String> values = new ArrayList<>();
        for (YamlNode item : FieldReader.asSequence(node, "a list of " + what).items()) {
            values.add(FieldReader.choice(item, allowed));
        }
        return values;
    }

    private void requireBand(String band, SourceLocation at, String path) {
        if (!bandNames.contains(band)) {
            String hint = Suggestions.closest(band, bandNames).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(at, path, "unknown age band '" + band + "', expected one of " + bandNames + hint);
        }
    }

    private void requireAllBands(Set<String> given, YamlNode at) {
        for (String band : bandNames) {
            if (!given.contains(band)) {
                throw new ScenarioException(at.location(), at.path(), "missing age band '" + band + "'; every band " + bandNames + " needs a value");
            }
        }
    }

    private void requireInHorizon(LocalDate date, YamlNode at) {
        if (date.isBefore(start) || !date.isBefore(end)) {
            throw new ScenarioException(at.location(), at.path(), "date " + date + " is outside the horizon "
                    + start + " to " + end.minusDays(1));
        }
    }

    private static void requireSumOne(double total, YamlNode at, String what) {
        if (Math.abs(total - 1) > SHARE_TOLERANCE) {
            throw new ScenarioException(at.location(), what, "shares must sum to 1, but sum to " + round(total));
        }
    }

    private static String round(double x) {
        return String.valueOf(Math.round(x * 1e6) / 1e6);
    }
}
