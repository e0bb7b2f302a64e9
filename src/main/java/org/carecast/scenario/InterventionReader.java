package org.carecast.scenario;

import org.carecast.model.PlacementCategory;
import org.carecast.scenario.Intervention.DemandChange;
import org.carecast.scenario.Intervention.FosterRecruitment;
import org.carecast.scenario.Intervention.LocalCommissioning;
import org.carecast.scenario.Intervention.Mockingbird;
import org.carecast.scenario.Intervention.NewHome;
import org.carecast.scenario.Intervention.StepForward;
import org.carecast.scenario.Scenario.PlacementType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the {@code interventions:} list of a scenario. Every reference must name
 * a placement type of the right kind, dates must fall inside the horizon, and intervention ids
 * must not clash with placement types (new homes and block contracts become types of that id).
 */
final class InterventionReader {

    private final Map<String, PlacementType> types;
    private final LocalDate start;
    private final LocalDate end;

    InterventionReader(Map<String, PlacementType> types, LocalDate start, LocalDate end) {
        this.types = types;
        this.start = start;
        this.end = end;
    }

    List<Intervention> read(YamlNode node) {
        List<Intervention> out = new ArrayList<>();
        Map<String, SourceLocation> ids = new HashMap<>();
        // Hubs on one type share their effects: the engine keeps one multiplier per type.
        Map<String, Double> satelliteMultiplier = new HashMap<>();
        Map<String, Double> carerLossMultiplier = new HashMap<>();
        for (YamlNode item : FieldReader.asSequence(node, "a list of interventions").items()) {
            FieldReader f = FieldReader.of(item, "an intervention");
            String id = FieldReader.newId(f, ids, "intervention");
            YamlNode idNode = f.required("id", "an identifier");
            if (types.containsKey(id)) {
                throw new ScenarioException(idNode.location(), idNode.path(),
                        "'" + id + "' is already a placement type; an intervention needs an id of its own");
            }
            String kind = f.choice("kind", Intervention.KINDS);
            String label = f.optionalString("label", id);
            YamlNode startNode = f.required("start", "a date written YYYY-MM-DD");
            LocalDate from = FieldReader.date(startNode);
            if (from.isBefore(start) || !from.isBefore(end)) {
                throw new ScenarioException(startNode.location(), startNode.path(), "date " + from
                        + " is outside the horizon " + start + " to " + end.minusDays(1));
            }
            LocalDate until = null;
            YamlNode endNode = f.optional("end");
            if (endNode != null) {
                until = FieldReader.date(endNode);
                if (!until.isAfter(from)) {
                    throw new ScenarioException(endNode.location(), endNode.path(),
                            "expected an end after the start " + from + ", found " + until);
                }
            }
            double inflation = f.optionalNumber("annualInflation", 0, -0.5, 1, "an annual rate such as 0.03 for 3%");
            Intervention intervention = switch (kind) {
                case "new_home" -> {
                    String like = limitedType(f, "like");
                    int places = f.integer("places", 0, 100_000, "a whole number of places, 0 or more");
                    double[] ages = FieldReader.ageRange(f);
                    double fixed = f.number("fixedAnnualCost", 0, 1e10, "an annual running cost in pounds, 0 or more");
                    double weekly = f.optionalNumber("weeklyCost", 0, 0, 1e7, "a weekly cost per child in pounds, 0 or more");
                    double capital = f.optionalNumber("capitalCost", 0, 0, 1e10, "a one-off cost in pounds, 0 or more");
                    int ramp = f.optionalInteger("rampUpMonths", 0, 0, 120, "a whole number of months, 0 to 120");
                    yield new NewHome(id, label, from, until, inflation, like, places, ages[0], ages[1], fixed, weekly,
                            capital, ramp);
                }
                case "mockingbird" -> {
                    String foster = limitedType(f, "fosterType");
                    int hubs = f.integer("hubs", 0, 10_000, "a whole number of hubs, 0 or more");
                    int satellites = f.integer("satelliteHouseholds", 0, 1000, "satellite households per hub, 0 or more");
                    double children = f.number("childrenPerHousehold", 0, 20, "children per satellite household, 0 or more");
                    double cost = f.number("annualCostPerHub", 0, 1e9, "an annual running cost per hub in pounds");
                    YamlNode multNode = f.required("breakdownMultiplier", "a multiplier on the breakdown hazard, e.g. 0.7");
                    double breakdown = FieldReader.number(multNode, 0, 100, "a multiplier on the breakdown hazard, 0 or more");
                    Double earlier = satelliteMultiplier.putIfAbsent(foster, breakdown);
                    if (earlier != null && earlier != breakdown) {
                        throw new ScenarioException(multNode.location(), multNode.path(), "hubs on '" + foster
                                + "' must share one breakdown multiplier; another hub uses " + earlier);
                    }
                    double loss = f.optionalNumber("carerLossMultiplier", 1, 0, 100, "a multiplier on the rate carers leave, 0 or more");
                    Double earlierLoss = carerLossMultiplier.putIfAbsent(foster, loss);
                    if (earlierLoss != null && earlierLoss != loss) {
                        YamlNode at = f.optional("carerLossMultiplier");
                        throw new ScenarioException(at == null ? f.location() : at.location(),
                                at == null ? "carerLossMultiplier" : at.path(), "hubs on '" + foster
                                        + "' must share one carer loss multiplier; another hub uses " + earlierLoss);
                    }
                    yield new Mockingbird(id, label, from, until, inflation, foster, hubs, satellites, children, cost,
                            breakdown, loss);
                }
                case "foster_recruitment" -> {
                    String foster = limitedType(f, "fosterType");
                    double extra = f.number("extraPlacesPerYear", 0, 1e6, "places gained per year, 0 or more");
                    double loss = f.optionalNumber("lossMultiplier", 1, 0, 100, "a multiplier on the rate places are lost");
                    double cost = f.optionalNumber("annualCost", 0, 0, 1e10, "an annual cost in pounds, 0 or more");
                    yield new FosterRecruitment(id, label, from, until, inflation, foster, extra, loss, cost);
                }
                case "step_forward" -> {
                    String like = type(f, "like");
                    List<String> sources = new ArrayList<>();
                    YamlNode fromNode = f.required("from", "a list of placement types children step down from");
                    for (YamlNode s : FieldReader.asSequence(fromNode, "a list of placement types").items()) {
                        sources.add(FieldReader.choice(s, types.keySet()));
                    }
                    int places = f.integer("places", 0, 100_000, "a whole number of places, 0 or more");
                    double extra = f.number("extraWeeklyCost", 0, 1e7, "an enhanced allowance in pounds a week");
                    double[] ages = FieldReader.ageRange(f);
                    double stay = f.number("minimumStayDays", 0, 36500, "a number of days, 0 or more");
                    double p = f.number("probability", 0, 1, "a probability from 0 to 1");
                    // Carers are recruited over time, their placements can break down, and a carer
                    // rests after one: absent, the places open at once and behave like the 'like' type's.
                    int ramp = f.optionalInteger("rampUpMonths", 0, 0, 120, "a whole number of months, 0 to 120");
                    double breakdown = f.optionalNumber("breakdownRatePerYear", Double.NaN, 0, 365, "a hazard per year, 0 or more");
                    double voidDays = f.optionalNumber("voidDaysAfterBreakdown", Double.NaN, 0, 365,
                            "days a place stays empty after a breakdown, 0 to 365");
                    yield new StepForward(id, label, from, until, inflation, like, sources, places, extra, ages[0],
                            ages[1], stay, p, ramp, breakdown, voidDays);
                }
                case "local_commissioning" -> {
                    String before = type(f, "before");
                    PlacementCategory category = PlacementCategory.fromId(f.choice("category", PlacementCategory.ids()));
                    int places = f.integer("places", 0, 100_000, "a whole number of places, 0 or more");
                    double price = f.number("weeklyPrice", 0, 1e7, "a contracted price per place per week in pounds");
                    double[] ages = FieldReader.ageRange(f);
                    yield new LocalCommissioning(id, label, from, until, inflation, before, category, places, price,
                            ages[0], ages[1]);
                }
                case "demand_change" -> {
                    double factor = f.number("factor", 0, 100, "a multiplier on entries, 0 or more (0.9 for 10% fewer)");
                    double cost = f.optionalNumber("annualCost", 0, 0, 1e10, "an annual cost in pounds, 0 or more");
                    yield new DemandChange(id, label, from, until, inflation, factor, cost);
                }
                default -> throw new IllegalStateException(kind);
            };
            f.finish();
            out.add(intervention);
        }
        return out;
    }

    private String type(FieldReader f, String key) {
        return FieldReader.choice(f.required(key, "a placement type"), types.keySet());
    }

    private String limitedType(FieldReader f, String key) {
        YamlNode node = f.required(key, "a placement type with limited capacity");
        String id = FieldReader.choice(node, types.keySet());
        if (types.get(id).capacity().unlimited()) {
            throw new ScenarioException(node.location(), node.path(),
                    "expected a placement type with limited capacity, found '" + id + "', which is unlimited");
        }
        return id;
    }
}
