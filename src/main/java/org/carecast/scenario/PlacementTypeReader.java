package org.carecast.scenario;

import org.carecast.scenario.Scenario.Capacity;
import org.carecast.scenario.Scenario.CapacityChange;
import org.carecast.scenario.Scenario.PlacementType;
import org.carecast.scenario.Scenario.PlannedEnd;
import org.carecast.scenario.Scenario.Turnover;
import org.carecast.model.PlacementCategory;
import org.carecast.model.Provider;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code placementTypes}: each type's kind, provider, location, prices, places (with
 * their dated changes and turnover), breakdowns, planned ends and ages, with located errors.
 */
final class PlacementTypeReader {

    private final ScenarioFrame frame;
    private final Map<String, PlacementType> typesById = new LinkedHashMap<>();

    PlacementTypeReader(ScenarioFrame frame) {
        this.frame = frame;
    }

    /** The placement types, in order; {@link #typesById()} has them by id afterwards. */
    List<PlacementType> read(YamlNode node) {
        YamlNode.Sequence list = FieldReader.asSequence(node, "a list of placement types");
        List<PlacementType> types = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (YamlNode item : list.items()) {
            FieldReader f = FieldReader.of(item, "a placement type");
            String id = FieldReader.newId(f, seen, "placement type");
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
                String needAfter = p.has("needAfter") ? FieldReader.choice(p.optional("needAfter"), frame.needIds()) : null;
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
                frame.requireInHorizon(date, dateNode);
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

    Map<String, PlacementType> typesById() {
        return typesById;
    }
}
