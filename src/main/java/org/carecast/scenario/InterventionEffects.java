package org.carecast.scenario;

import org.carecast.model.CarerTurnover;
import org.carecast.model.CostLines;
import org.carecast.model.Provider;
import org.carecast.model.TimeGrid;
import org.carecast.scenario.Intervention.DemandChange;
import org.carecast.scenario.Intervention.FosterRecruitment;
import org.carecast.scenario.Intervention.LocalCommissioning;
import org.carecast.scenario.Intervention.Mockingbird;
import org.carecast.scenario.Intervention.NewHome;
import org.carecast.scenario.Intervention.StepForward;
import org.carecast.scenario.Scenario.Capacity;
import org.carecast.scenario.Scenario.CapacityChange;
import org.carecast.scenario.Scenario.MatchingRule;
import org.carecast.scenario.Scenario.PlacementType;
import org.carecast.scenario.Scenario.StepDown;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carecast.model.TimeGrid.DAYS_PER_YEAR;

/**
 * What a scenario's interventions do, worked out once before compilation. Homes, Step Forward
 * places and block contracts become placement types of their own (named by the intervention's
 * id) with dated capacity, spliced into preference lists and step-down rules, so that the
 * engine needs no notion of "intervention" at all; hubs, recruitment and demand changes become
 * monthly rates and satellite slots; every cost an intervention carries becomes a monthly cost
 * line or its type's fixed cost.
 *
 * <p>Month-level effects are weighted by the share of the month's days an intervention is
 * active, so one starting on the 15th counts for half that month.
 */
final class InterventionEffects {

    /** Satellite slots added (or removed) on a day for a type. */
    record SlotChange(LocalDate date, String type, int delta) {
    }

    private final Scenario original;
    private final TimeGrid time;
    private final Scenario expanded;
    /** For types created by interventions: the dates their running cost starts and stops. */
    private final Map<String, LocalDate[]> openWindow = new HashMap<>();

    InterventionEffects(Scenario s, TimeGrid time) {
        this.original = s;
        this.time = time;
        this.expanded = expand(s);
    }

    /** The scenario with intervention types, capacity steps, preference lists and step-down rules added. */
    Scenario expanded() {
        return expanded;
    }

    /** Share of month {@code m}'s days a type's fixed cost is paid: 1 for types written in the scenario. */
    double fixedCostShare(String type, int m) {
        LocalDate[] window = openWindow.get(type);
        return window == null ? 1.0 : activeShare(m, window[0], window[1]);
    }

    // ---------------------------------------------------------------------------------------
    // Structure: types, preference lists, step-down
    // ---------------------------------------------------------------------------------------

    private Scenario expand(Scenario s) {
        if (s.interventions().isEmpty()) {
            return s;
        }
        Map<String, PlacementType> byId = new HashMap<>();
        s.placementTypes().forEach(t -> byId.put(t.id(), t));
        List<PlacementType> types = new ArrayList<>(s.placementTypes());
        List<MatchingRule> matching = new ArrayList<>(s.matching());
        List<StepDown> stepDowns = new ArrayList<>(s.stepDowns());
        List<String> ageingOrder = new ArrayList<>(s.ageing().order());
        LocalDate horizonEnd = time.start().plusMonths(time.months());

        for (Intervention i : s.interventions()) {
            if (i instanceof NewHome h) {
                PlacementType like = byId.get(h.like());
                types.add(like.like(h.id(), h.label())
                        .withCosts(h.weeklyCost(), h.annualInflation(), h.fixedAnnualCost())
                        .withCapacity(steps(h.places(), h.start(), h.rampUpMonths(), h.end(), horizonEnd))
                        .withAges(h.minAgeYears(), h.maxAgeYears()));
                openWindow.put(h.id(), new LocalDate[] {h.start(), h.end()});
                matching = insertInRules(matching, h.like(), h.id(), true);
                insertNear(ageingOrder, h.like(), h.id(), true);
                for (StepDown rule : List.copyOf(stepDowns)) {
                    if (rule.to().equals(h.like())) {
                        stepDowns.add(new StepDown(rule.from(), h.id(), rule.minimumStayDays(), rule.probability(),
                                rule.minAgeYears(), rule.maxAgeYears()));
                    }
                }
            } else if (i instanceof StepForward f) {
                PlacementType like = byId.get(f.like());
                // Foster carers of the council's own, in the area: the agency type's children at a council price.
                types.add(like.like(f.id(), f.label())
                        .withProviderInBorough(Provider.COUNCIL, 0.0)
                        .withCosts(like.weeklyCost() + f.extraWeeklyCost(), like.annualInflation(), 0)
                        .withCapacity(steps(f.places(), f.start(), f.rampUpMonths(), f.end(), horizonEnd))
                        .withAges(f.minAgeYears(), f.maxAgeYears())
                        .withBreakdowns(Double.isNaN(f.breakdownRatePerYear()) ? like.breakdownRatePerYear() : f.breakdownRatePerYear(),
                                Double.isNaN(f.voidDaysAfterBreakdown()) ? like.voidDaysAfterBreakdown() : f.voidDaysAfterBreakdown()));
                stepDowns.add(new StepDown(f.from(), f.id(), f.minimumStayDays(), f.probability(), f.minAgeYears(),
                        f.maxAgeYears()));
            } else if (i instanceof LocalCommissioning c) {
                PlacementType before = byId.get(c.before());
                // Block contracts are paid per place whether filled or not: all of it is fixed cost.
                double annual = c.places() * c.weeklyPrice() * DAYS_PER_YEAR / 7.0;
                types.add(before.like(c.id(), c.label())
                        .withCategory(c.category())
                        .withProviderInBorough(Provider.EXTERNAL, 0.0)
                        .withCosts(0, c.annualInflation(), annual)
                        .withCapacity(steps(c.places(), c.start(), 0, c.end(), horizonEnd))
                        .withAges(c.minAgeYears(), c.maxAgeYears())
                        .withBreakdowns(before.breakdownRatePerYear(), 0));
                openWindow.put(c.id(), new LocalDate[] {c.start(), c.end()});
                matching = insertInRules(matching, c.before(), c.id(), false);
                insertNear(ageingOrder, c.before(), c.id(), false);
            }
        }
        Scenario.Ageing ageing = new Scenario.Ageing(s.ageing().semiIndependenceShare(), s.ageing().from(), ageingOrder);
        return s.withProvision(types, matching, stepDowns, ageing);
    }

    /** Capacity 0, then {@code places} from {@code start} (spread over {@code ramp} months), all gone at {@code end}. */
    private static Capacity steps(int places, LocalDate start, int ramp, LocalDate end, LocalDate horizonEnd) {
        List<CapacityChange> changes = new ArrayList<>();
        int added = 0;
        for (int k = 1; k <= places; k++) {
            // Place k becomes usable ceil(k * ramp / places) months after opening: the last at the end of the ramp.
            int months = ramp == 0 ? 0 : (int) Math.ceil((double) k * ramp / places);
            LocalDate when = start.plusMonths(months);
            if (when.isBefore(horizonEnd) && (end == null || when.isBefore(end))) {
                if (!changes.isEmpty() && changes.get(changes.size() - 1).date().equals(when)) {
                    CapacityChange last = changes.remove(changes.size() - 1);
                    changes.add(new CapacityChange(when, last.change() + 1));
                } else {
                    changes.add(new CapacityChange(when, 1));
                }
                added++;
            }
        }
        if (end != null && end.isBefore(horizonEnd) && added > 0) {
            changes.add(new CapacityChange(end, -added));
        }
        return new Capacity(false, 0, changes);
    }

    /** Puts {@code id} after (or before) {@code anchor} in every matching rule that lists the anchor. */
    private static List<MatchingRule> insertInRules(List<MatchingRule> rules, String anchor, String id, boolean after) {
        List<MatchingRule> out = new ArrayList<>();
        for (MatchingRule r : rules) {
            List<String> order = new ArrayList<>(r.order());
            insertNear(order, anchor, id, after);
            out.add(new MatchingRule(r.ageBands(), r.needs(), order));
        }
        return out;
    }

    private static void insertNear(List<String> order, String anchor, String id, boolean after) {
        int at = order.indexOf(anchor);
        if (at >= 0) {
            order.add(after ? at + 1 : at, id);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Monthly effects
    // ---------------------------------------------------------------------------------------

    /** Satellite slots of Mockingbird hubs opening and closing, in date order of the interventions. */
    List<SlotChange> slotChanges() {
        List<SlotChange> out = new ArrayList<>();
        LocalDate horizonEnd = time.start().plusMonths(time.months());
        for (Intervention i : original.interventions()) {
            if (i instanceof Mockingbird h) {
                int slots = slots(h);
                out.add(new SlotChange(h.start(), h.fosterType(), slots));
                if (h.end() != null && h.end().isBefore(horizonEnd)) {
                    out.add(new SlotChange(h.end(), h.fosterType(), -slots));
                }
            }
        }
        return out;
    }

    private static int slots(Mockingbird h) {
        return (int) Math.round(h.hubs() * h.satelliteHouseholds() * h.childrenPerHousehold());
    }

    /** Breakdown multiplier of satellite households per type (1 where there are no hubs). */
    double[] satelliteMultipliers(List<String> typeIds) {
        double[] out = new double[typeIds.size()];
        java.util.Arrays.fill(out, 1.0);
        for (Intervention i : original.interventions()) {
            if (i instanceof Mockingbird h) {
                out[typeIds.indexOf(h.fosterType())] = h.breakdownMultiplier();
            }
        }
        return out;
    }

    /** Gains and losses of places per month, with recruitment and hub retention applied. */
    CarerTurnover turnover(List<PlacementType> types) {
        int n = types.size();
        int months = time.months();
        double[] gain = new double[months * n];
        double[] loss = new double[months * n];
        List<Integer> active = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            PlacementType type = types.get(t);
            boolean any = type.turnover() != null;
            for (Intervention i : original.interventions()) {
                any |= i instanceof FosterRecruitment r && r.fosterType().equals(type.id());
            }
            if (!any) {
                continue;
            }
            active.add(t);
            double baseGain = type.turnover() == null ? 0 : type.turnover().placesGainedPerYear();
            double baseLoss = type.turnover() == null ? 0 : type.turnover().shareLostPerYear();
            for (int m = 0; m < months; m++) {
                double g = baseGain;
                double lossMultiplier = 1;
                int slots = 0;
                double hubLoss = 1;
                for (Intervention i : original.interventions()) {
                    if (i instanceof FosterRecruitment r && r.fosterType().equals(type.id())) {
                        double share = activeShare(m, r.start(), r.end());
                        g += r.extraPlacesPerYear() * share;
                        lossMultiplier *= 1 + (r.lossMultiplier() - 1) * share;
                    } else if (i instanceof Mockingbird h && h.fosterType().equals(type.id())) {
                        double share = activeShare(m, h.start(), h.end());
                        slots += (int) Math.round(slots(h) * share);
                        hubLoss = h.carerLossMultiplier();
                    }
                }
                // Hubs retain only the carers in their constellations: scale the loss of that share of places.
                double places = Math.max(1, type.capacity().places());
                double inHubs = Math.min(1, slots / places);
                lossMultiplier *= 1 - inHubs * (1 - hubLoss);
                gain[m * n + t] = g / DAYS_PER_YEAR;
                loss[m * n + t] = baseLoss * lossMultiplier / DAYS_PER_YEAR;
            }
        }
        return new CarerTurnover(gain, loss, active.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Product of the demand factors active in month {@code m}, weighted by days. */
    double demandFactor(int m) {
        double factor = 1;
        for (Intervention i : original.interventions()) {
            if (i instanceof DemandChange d) {
                factor *= 1 + (d.factor() - 1) * activeShare(m, d.start(), d.end());
            }
        }
        return factor;
    }

    /** Monthly costs of hubs, campaigns, demand-reduction services and capital, one line per paying intervention. */
    CostLines costLines() {
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<double[]> lines = new ArrayList<>();
        int months = time.months();
        for (Intervention i : original.interventions()) {
            double annual = 0;
            if (i instanceof Mockingbird h) {
                annual = h.hubs() * h.annualCostPerHub();
            } else if (i instanceof FosterRecruitment r) {
                annual = r.annualCost();
            } else if (i instanceof DemandChange d) {
                annual = d.annualCost();
            }
            double capital = i instanceof NewHome h ? h.capitalCost() : 0;
            if (annual == 0 && capital == 0) {
                continue;
            }
            double[] pounds = new double[months];
            for (int m = 0; m < months; m++) {
                double uplift = Math.pow(1 + i.annualInflation(), time.aprilsPassed()[m]);
                double days = time.monthStartDay()[m + 1] - time.monthStartDay()[m];
                pounds[m] = annual / DAYS_PER_YEAR * days * activeShare(m, i.start(), i.end()) * uplift;
                if (capital > 0 && !i.start().isBefore(time.monthStart(m)) && i.start().isBefore(time.monthStart(m + 1))) {
                    pounds[m] += capital;
                }
            }
            // A new home's running cost is its placement type's fixed cost, reported under the
            // intervention's id; its capital needs a line of its own so the two stay apart.
            boolean ownType = i instanceof NewHome;
            ids.add(ownType ? i.id() + "_capital" : i.id());
            labels.add(ownType ? i.label() + " (capital)" : i.label());
            lines.add(pounds);
        }
        double[] flat = new double[months * ids.size()];
        for (int l = 0; l < ids.size(); l++) {
            for (int m = 0; m < months; m++) {
                flat[m * ids.size() + l] = lines.get(l)[m];
            }
        }
        return new CostLines(ids.toArray(String[]::new), labels.toArray(String[]::new), flat);
    }

    /** Share of month {@code m}'s days on or after {@code from} and before {@code until} (null: open-ended). */
    double activeShare(int m, LocalDate from, LocalDate until) {
        long monthFrom = time.monthStart(m).toEpochDay();
        long monthTo = time.monthStart(m + 1).toEpochDay();
        long a = Math.max(monthFrom, from.toEpochDay());
        long b = Math.min(monthTo, until == null ? Long.MAX_VALUE : until.toEpochDay());
        return b <= a ? 0 : (double) (b - a) / (monthTo - monthFrom);
    }
}
