package org.carecast.scenario;

import org.carecast.model.AgeBands;
import org.carecast.model.AgeingRule;
import org.carecast.model.BreakdownHazard;
import org.carecast.model.CapacityPlan;
import org.carecast.model.EntryAges;
import org.carecast.model.EntryProcess;
import org.carecast.model.ExitHazard;
import org.carecast.model.ExitReason;
import org.carecast.model.History;
import org.carecast.model.InitialCohort;
import org.carecast.model.StockProfile;
import org.carecast.model.MatchingTable;
import org.carecast.model.Finance;
import org.carecast.model.Model;
import org.carecast.model.NeedLevels;
import org.carecast.model.PlacementCategory;
import org.carecast.model.PlacementTable;
import org.carecast.model.Provider;
import org.carecast.model.SatelliteCare;
import org.carecast.model.StepDownRules;
import org.carecast.model.TimeGrid;
import org.carecast.scenario.Scenario.CapacityChange;
import org.carecast.scenario.Scenario.InitialChild;
import org.carecast.scenario.Scenario.InitialGroup;
import org.carecast.scenario.Scenario.MatchingRule;
import org.carecast.scenario.Scenario.NeedLevel;
import org.carecast.scenario.Scenario.PlacementType;
import org.carecast.scenario.Scenario.StepDown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.carecast.model.TimeGrid.DAYS_PER_YEAR;

/**
 * Turns a validated {@link Scenario} into the engine's {@link Model}: identifiers become array
 * indices, annual and weekly figures become per-day rates and costs, dates become day numbers.
 * Everything the engine needs in its hot loop is precomputed here.
 */
public final class ModelCompiler {

    private ModelCompiler() {
    }

    public static Model compile(Scenario written) {
        TimeGrid time = TimeGrid.of(written.start(), written.horizonMonths());
        InterventionEffects effects = new InterventionEffects(written, time);
        Scenario s = effects.expanded();
        List<String> typeIds = s.placementTypes().stream().map(PlacementType::id).toList();
        List<String> needIds = s.needLevels().stream().map(NeedLevel::id).toList();
        List<String> bandNames = new ArrayList<>();
        for (int i = 0; i < s.ageBands().size(); i++) {
            bandNames.add(s.ageBandName(i));
        }
        AgeBands ages = ages(s, bandNames);
        EntryProcess entries = entries(s, time, ages, bandNames, needIds, effects);
        ExitHazard exits = exits(s, bandNames);
        // Unless the scenario gives a mean time in care, children at the start get their age
        // within the band and their time in care from the steady state of the flows as they
        // stand at the start, so the projection does not begin with a settling.
        StockProfile stockProfile = Double.isNaN(s.initialPopulation().meanYearsInCare())
                ? StockProfile.steadyState(ages, entries.ages(), exits) : null;
        return new Model(s.name(), time, placements(s, time, effects), capacity(s, time, typeIds, effects),
                ages, needs(s, needIds), entries,
                matching(s, typeIds, needIds, bandNames), breakdown(s, needIds), stepDown(s, typeIds),
                ageing(s, typeIds), exits, initial(s, typeIds, needIds, bandNames, stockProfile),
                effects.turnover(s.placementTypes()), new SatelliteCare(effects.satelliteMultipliers(typeIds)),
                effects.costLines(), finance(s, time, typeIds), history(s, typeIds));
    }

    /** The actuals by month, up to the month before the start; a type's rows summed where no "all" row is given. */
    static History history(Scenario s, List<String> typeIds) {
        List<Scenario.ActualMonth> rows = s.actuals().months();
        if (rows.isEmpty()) {
            return History.NONE;
        }
        java.time.YearMonth last = java.time.YearMonth.from(s.start()).minusMonths(1);
        java.time.YearMonth first = rows.stream().map(Scenario.ActualMonth::month).min(java.util.Comparator.naturalOrder()).orElseThrow();
        int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        int types = typeIds.size();
        String[] labels = new String[months];
        double[] children = new double[months];
        double[] childrenByType = new double[months * types];
        double[] spend = new double[months];
        double[] spendByType = new double[months * types];
        java.util.Arrays.fill(children, Double.NaN);
        java.util.Arrays.fill(childrenByType, Double.NaN);
        java.util.Arrays.fill(spend, Double.NaN);
        java.util.Arrays.fill(spendByType, Double.NaN);
        for (int m = 0; m < months; m++) {
            labels[m] = first.plusMonths(m).toString();
        }
        double[] childrenSum = new double[months];
        double[] spendSum = new double[months];
        boolean[] childrenTyped = new boolean[months];
        boolean[] spendTyped = new boolean[months];
        for (Scenario.ActualMonth r : rows) {
            int m = (int) first.until(r.month(), java.time.temporal.ChronoUnit.MONTHS);
            if (r.type().equals("all")) {
                if (r.children() >= 0) {
                    children[m] = r.children();
                }
                if (!Double.isNaN(r.spend())) {
                    spend[m] = r.spend();
                }
                continue;
            }
            int t = typeIds.indexOf(r.type());
            if (r.children() >= 0) {
                childrenByType[m * types + t] = r.children();
                childrenSum[m] += r.children();
                childrenTyped[m] = true;
            }
            if (!Double.isNaN(r.spend())) {
                spendByType[m * types + t] = r.spend();
                spendSum[m] += r.spend();
                spendTyped[m] = true;
            }
        }
        for (int m = 0; m < months; m++) {
            // Without an "all" row, the types given make the total (a type not listed had none).
            if (Double.isNaN(children[m]) && childrenTyped[m]) {
                children[m] = childrenSum[m];
            }
            if (Double.isNaN(spend[m]) && spendTyped[m]) {
                spend[m] = spendSum[m];
            }
        }
        return new History(labels, children, childrenByType, spend, spendByType);
    }

    private static Finance finance(Scenario s, TimeGrid time, List<String> typeIds) {
        Scenario.Finance f = s.finance();
        int months = time.months();
        int types = typeIds.size();
        int lines = f.budgetLines().size();
        String[] lineIds = new String[lines];
        String[] lineLabels = new String[lines];
        int[] lineOfType = new int[types];
        java.util.Arrays.fill(lineOfType, -1);
        double[] budget = new double[months * lines];
        // Worked out once per month and per line and year, not per line and month: every
        // replication pair of a ranged scenario compiles its own model.
        double[] monthShare = new double[months];
        for (int m = 0; m < months; m++) {
            monthShare[m] = monthShareOfYear(time, m);
        }
        int years = time.financialYears().length;
        for (int l = 0; l < lines; l++) {
            Scenario.BudgetLine line = f.budgetLines().get(l);
            lineIds[l] = line.id();
            lineLabels[l] = line.label();
            for (String type : line.types()) {
                lineOfType[typeIds.indexOf(type)] = l;
            }
            double[] annual = new double[years];
            for (int y = 0; y < years; y++) {
                annual[y] = annualBudget(line.byYear(), time.financialYears()[y], f.growthPerYear());
            }
            for (int m = 0; m < months; m++) {
                budget[m * lines + l] = annual[time.financialYearIndex()[m]] * monthShare[m];
            }
        }
        int incomes = f.income().size();
        String[] incomeIds = new String[incomes];
        String[] incomeLabels = new String[incomes];
        Finance.Kind[] kinds = new Finance.Kind[incomes];
        boolean[] incomeTypes = new boolean[incomes * types];
        double[] rate = new double[months * incomes];
        double[] incomeBudget = new double[months * incomes];
        for (int i = 0; i < incomes; i++) {
            Scenario.IncomeLine line = f.income().get(i);
            incomeIds[i] = line.id();
            incomeLabels[i] = line.label();
            for (int t = 0; t < types; t++) {
                incomeTypes[i * types + t] = line.types().isEmpty() || line.types().contains(typeIds.get(t));
            }
            kinds[i] = switch (line.kind()) {
                case PER_CHILD_WEEK -> Finance.Kind.PER_CHILD_DAY;
                case SHARE_OF_SPEND -> Finance.Kind.SHARE_OF_SPEND;
                case ANNUAL -> Finance.Kind.FIXED;
                case PER_UASC_CHILD_NIGHT -> Finance.Kind.PER_UASC_CHILD_DAY;
            };
            for (int m = 0; m < months; m++) {
                double uplift = Math.pow(1 + line.annualInflation(), time.aprilsPassed()[m]);
                rate[m * incomes + i] = switch (line.kind()) {
                    case PER_CHILD_WEEK -> line.amount() / 7 * line.share() * uplift;
                    case SHARE_OF_SPEND -> line.share();
                    case ANNUAL -> line.amount() * monthShare[m] * uplift;
                    case PER_UASC_CHILD_NIGHT -> line.amount() * uplift;
                };
                if (!line.budgetByYear().isEmpty()) {
                    String year = time.financialYears()[time.financialYearIndex()[m]];
                    incomeBudget[m * incomes + i] = annualBudget(line.budgetByYear(), year, f.growthPerYear())
                            * monthShare[m];
                }
            }
        }
        return new Finance(lineIds, lineLabels, lineOfType, budget, incomeIds, incomeLabels, kinds, incomeTypes, rate,
                incomeBudget, s.finance().placeholderBudgets());
    }

    /**
     * A line's budget for a financial year: the year's own figure, or the last earlier figure
     * uplifted by {@code growth} for each year since (the reader guarantees one exists).
     */
    private static double annualBudget(java.util.Map<String, Double> byYear, String year, double growth) {
        if (byYear.containsKey(year)) {
            return byYear.get(year);
        }
        // The latest year given before this one (a loop: this runs per line and month of every draw).
        String last = null;
        for (String y : byYear.keySet()) {
            if (y.compareTo(year) < 0 && (last == null || y.compareTo(last) > 0)) {
                last = y;
            }
        }
        if (last == null) {
            throw new java.util.NoSuchElementException("no budget year before " + year);
        }
        int years = Integer.parseInt(year.substring(0, 4)) - Integer.parseInt(last.substring(0, 4));
        return byYear.get(last) * Math.pow(1 + growth, years);
    }

    /** The share of its financial year that month {@code m} makes up, by days. */
    private static double monthShareOfYear(TimeGrid time, int m) {
        java.time.LocalDate first = time.monthStart(m);
        int aprilYear = first.getMonthValue() >= 4 ? first.getYear() : first.getYear() - 1;
        double yearDays = java.time.LocalDate.of(aprilYear + 1, 4, 1).toEpochDay()
                - java.time.LocalDate.of(aprilYear, 4, 1).toEpochDay();
        return (time.monthStartDay()[m + 1] - time.monthStartDay()[m]) / yearDays;
    }

    private static PlacementTable placements(Scenario s, TimeGrid time, InterventionEffects effects) {
        int n = s.placementTypes().size();
        String[] ids = new String[n];
        String[] labels = new String[n];
        PlacementCategory[] categories = new PlacementCategory[n];
        Provider[] providers = new Provider[n];
        double[] outOfBorough = new double[n];
        double[] cost = new double[time.months() * n];
        double[] index = new double[time.months() * n];
        double[] fixed = new double[time.months() * n];
        double[] minAge = new double[n];
        double[] maxAge = new double[n];
        for (int t = 0; t < n; t++) {
            PlacementType p = s.placementTypes().get(t);
            ids[t] = p.id();
            labels[t] = p.label();
            categories[t] = p.category();
            providers[t] = p.provider();
            outOfBorough[t] = p.outOfBorough();
            minAge[t] = p.minAgeYears() * DAYS_PER_YEAR;
            maxAge[t] = p.maxAgeYears() * DAYS_PER_YEAR;
            for (int m = 0; m < time.months(); m++) {
                // Prices are at the start date's level and rise by the annual rate each 1 April.
                double uplift = Math.pow(1 + p.annualInflation(), time.aprilsPassed()[m]);
                cost[m * n + t] = p.weeklyCost() / 7.0 * uplift;
                index[m * n + t] = uplift;
                fixed[m * n + t] = p.fixedAnnualCost() / DAYS_PER_YEAR * uplift * effects.fixedCostShare(p.id(), m);
            }
        }
        return new PlacementTable(ids, labels, categories, providers, outOfBorough, cost, index, fixed, minAge, maxAge);
    }

    private static CapacityPlan capacity(Scenario s, TimeGrid time, List<String> typeIds, InterventionEffects effects) {
        int n = typeIds.size();
        int[] initial = new int[n];
        record Change(double day, int type, int delta, int kind) {
        }
        List<Change> changes = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Scenario.Capacity c = s.placementTypes().get(t).capacity();
            initial[t] = c.unlimited() ? CapacityPlan.UNLIMITED : c.places();
            for (CapacityChange change : c.changes()) {
                changes.add(new Change(change.date().toEpochDay() - time.start().toEpochDay(), t, change.change(),
                        CapacityPlan.PLACES));
            }
        }
        for (InterventionEffects.SlotChange slot : effects.slotChanges()) {
            changes.add(new Change(slot.date().toEpochDay() - time.start().toEpochDay(), typeIds.indexOf(slot.type()),
                    slot.delta(), CapacityPlan.SLOTS));
        }
        // Stable sort keeps scenario order for changes on the same day.
        changes.sort(Comparator.comparingDouble(Change::day));
        return new CapacityPlan(initial, changes.stream().mapToDouble(Change::day).toArray(),
                changes.stream().mapToInt(Change::type).toArray(), changes.stream().mapToInt(Change::delta).toArray(),
                changes.stream().mapToInt(Change::kind).toArray());
    }

    private static AgeBands ages(Scenario s, List<String> bandNames) {
        int n = bandNames.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int b = 0; b < n; b++) {
            lower[b] = s.ageBands().get(b) * DAYS_PER_YEAR;
            upper[b] = (b + 1 < n ? s.ageBands().get(b + 1) : 18) * DAYS_PER_YEAR;
        }
        return new AgeBands(bandNames.toArray(String[]::new), lower, upper);
    }

    private static NeedLevels needs(Scenario s, List<String> needIds) {
        int n = needIds.size();
        double[] cumulative = new double[n];
        double[] multiplier = new double[n];
        int[] escalatesTo = new int[n];
        double[] probability = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            NeedLevel level = s.needLevels().get(i);
            running += level.entryShare();
            cumulative[i] = running;
            multiplier[i] = level.breakdownMultiplier();
            escalatesTo[i] = level.escalatesTo() == null ? -1 : needIds.indexOf(level.escalatesTo());
            probability[i] = level.escalationProbability();
        }
        cumulative[n - 1] = 1.0;
        return new NeedLevels(needIds.toArray(String[]::new), cumulative, multiplier, escalatesTo, probability);
    }

    private static EntryProcess entries(Scenario s, TimeGrid time, AgeBands ages, List<String> bandNames, List<String> needIds,
                                        InterventionEffects effects) {
        int months = time.months();
        double[] ratePerDay = new double[months];
        double[] acceptance = new double[months];
        double[] extra = new double[months];
        for (int m = 0; m < months; m++) {
            // Monthly rate means 12 x rate per year, spread evenly over days; the trend compounds yearly.
            double trend = Math.pow(1 + s.entries().annualTrend(), m / 12.0);
            ratePerDay[m] = s.entries().monthlyRate() * 12 / DAYS_PER_YEAR * trend;
            double factor = effects.demandFactor(m);
            acceptance[m] = Math.min(1, factor);
            extra[m] = Math.max(0, factor - 1) * ratePerDay[m];
        }
        EntryAges entryAges = EntryAges.of(ages, cumulative(bandNames, s.entries().ageShares()), s.entries().newbornShare());
        Scenario.CarePlanMove carePlan = s.entries().carePlanMove();
        Scenario.Uasc uasc = s.entries().uasc();
        double[] uascRate = new double[months];
        for (int m = 0; m < months && uasc != null; m++) {
            uascRate[m] = uasc.monthlyRate() * 12 / DAYS_PER_YEAR * Math.pow(1 + uasc.annualTrend(), m / 12.0);
        }
        return new EntryProcess(ratePerDay, entryAges, acceptance, extra, carePlan == null ? 0 : carePlan.share(),
                carePlan == null ? 0 : carePlan.meanMonths() * DAYS_PER_YEAR / 12, uascRate,
                uasc == null ? null : EntryAges.of(ages, cumulative(bandNames, uasc.ageShares()), Double.NaN),
                uasc == null ? -1 : needIds.indexOf(uasc.need()), s.entries().rateLogSd(), s.entries().trendSdPerYear(),
                s.entries().shareCount());
    }

    private static double[] cumulative(List<String> keys, java.util.Map<String, Double> shares) {
        double[] cumulative = new double[keys.size()];
        double running = 0;
        for (int i = 0; i < keys.size(); i++) {
            running += shares.getOrDefault(keys.get(i), 0.0);
            cumulative[i] = running;
        }
        cumulative[keys.size() - 1] = 1.0;
        return cumulative;
    }

    private static MatchingTable matching(Scenario s, List<String> typeIds, List<String> needIds, List<String> bandNames) {
        int[][] order = new int[bandNames.size() * needIds.size()][];
        for (MatchingRule rule : s.matching()) {
            int[] list = rule.order().stream().mapToInt(typeIds::indexOf).toArray();
            for (String band : rule.ageBands()) {
                for (String need : rule.needs()) {
                    order[bandNames.indexOf(band) * needIds.size() + needIds.indexOf(need)] = list;
                }
            }
        }
        return new MatchingTable(order, needIds.size());
    }

    private static BreakdownHazard breakdown(Scenario s, List<String> needIds) {
        int n = s.placementTypes().size();
        double[] rate = new double[n];
        double[] planned = new double[n];
        int[] plannedNeed = new int[n];
        double[] voidDays = new double[n];
        for (int t = 0; t < n; t++) {
            PlacementType p = s.placementTypes().get(t);
            voidDays[t] = p.voidDaysAfterBreakdown();
            rate[t] = p.breakdownRatePerYear() / DAYS_PER_YEAR;
            planned[t] = p.plannedEnd() == null ? 0 : p.plannedEnd().ratePerYear() / DAYS_PER_YEAR;
            plannedNeed[t] = p.plannedEnd() == null || p.plannedEnd().needAfter() == null ? -1
                    : needIds.indexOf(p.plannedEnd().needAfter());
        }
        double[] sd = new double[n];
        for (int t = 0; t < n; t++) {
            sd[t] = s.breakdownRateLogSd().getOrDefault(s.placementTypes().get(t).id(), 0.0);
        }
        double[] destinations = new double[n * n];
        for (int from = 0; from < n; from++) {
            Map<String, Double> shares = s.breakdownDestinations().getOrDefault(s.placementTypes().get(from).id(), Map.of());
            double running = 0;
            for (int to = 0; to < n; to++) {
                running += shares.getOrDefault(s.placementTypes().get(to).id(), 0.0);
                destinations[from * n + to] = running;
            }
        }
        return BreakdownHazard.of(rate, planned, plannedNeed, voidDays, s.breakdownFrailtyVariance(), sd, destinations);
    }

    private static StepDownRules stepDown(Scenario s, List<String> typeIds) {
        int n = typeIds.size();
        List<int[]> pairs = new ArrayList<>();
        List<StepDown> ruleOf = new ArrayList<>();
        for (StepDown rule : s.stepDowns()) {
            for (String from : rule.from()) {
                pairs.add(new int[] {typeIds.indexOf(from), typeIds.indexOf(rule.to())});
                ruleOf.add(rule);
            }
        }
        int r = pairs.size();
        int[] from = new int[r];
        int[] to = new int[r];
        double[] minStay = new double[r];
        double[] probability = new double[r];
        double[] minAge = new double[r];
        double[] maxAge = new double[r];
        List<List<Integer>> out = new ArrayList<>();
        List<List<Integer>> in = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        for (int k = 0; k < r; k++) {
            from[k] = pairs.get(k)[0];
            to[k] = pairs.get(k)[1];
            StepDown rule = ruleOf.get(k);
            minStay[k] = rule.minimumStayDays();
            probability[k] = rule.probability();
            minAge[k] = rule.minAgeYears() * DAYS_PER_YEAR;
            maxAge[k] = rule.maxAgeYears() * DAYS_PER_YEAR;
            out.get(from[k]).add(k);
            in.get(to[k]).add(k);
        }
        return new StepDownRules(from, to, minStay, probability, minAge, maxAge, toArrays(out), toArrays(in));
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static AgeingRule ageing(Scenario s, List<String> typeIds) {
        boolean[] applies = new boolean[typeIds.size()];
        for (String from : s.ageing().from()) {
            applies[typeIds.indexOf(from)] = true;
        }
        int[] order = s.ageing().order().stream().mapToInt(typeIds::indexOf).toArray();
        return new AgeingRule(s.ageing().semiIndependenceShare(), applies, order);
    }

    private static ExitHazard exits(Scenario s, List<String> bandNames) {
        int bands = bandNames.size();
        double[] rate = new double[bands];
        int reasons = ExitReason.DRAWN.size();
        double[] reasonCumulative = new double[bands * reasons];
        for (int b = 0; b < bands; b++) {
            rate[b] = s.exits().ratePerYear().get(bandNames.get(b)) / DAYS_PER_YEAR;
            double[] c = cumulative(ExitReason.drawnIds(), s.exits().reasons().get(bandNames.get(b)));
            System.arraycopy(c, 0, reasonCumulative, b * reasons, reasons);
        }
        double[] ticLower;
        double[] ticMultiplier;
        if (s.exits().timeInCare().isEmpty()) {
            ticLower = new double[] {0};
            ticMultiplier = new double[] {1};
        } else {
            ticLower = s.exits().timeInCare().stream().mapToDouble(t -> t.fromYears() * DAYS_PER_YEAR).toArray();
            ticMultiplier = s.exits().timeInCare().stream().mapToDouble(Scenario.TimeInCareBand::multiplier).toArray();
        }
        double[] reasonCount = new double[bands];
        for (int b = 0; b < bands; b++) {
            reasonCount[b] = s.exits().reasonCounts().getOrDefault(bandNames.get(b), 0.0);
        }
        return new ExitHazard(rate, ticLower, ticMultiplier, reasonCumulative, s.exits().rateLogSd(), reasonCount);
    }

    private static InitialCohort initial(Scenario s, List<String> typeIds, List<String> needIds, List<String> bandNames,
                                         StockProfile stockProfile) {
        Scenario.InitialPopulation p = s.initialPopulation();
        int total = p.children().size();
        for (InitialGroup g : p.groups()) {
            total += g.byAgeBand().values().stream().mapToInt(Integer::intValue).sum();
        }
        int[] type = new int[total];
        int[] need = new int[total];
        boolean[] uasc = new boolean[total];
        double[] ageMin = new double[total];
        double[] ageMax = new double[total];
        double[] care = new double[total];
        double[] placement = new double[total];
        double[] ownCost = new double[total];
        java.util.Arrays.fill(ownCost, Double.NaN);
        int i = 0;
        for (InitialGroup g : p.groups()) {
            int groupType = typeIds.indexOf(g.type());
            int groupNeed = needIds.indexOf(g.need());
            // Iterate bands in scenario order so the cohort's order, and so its random keys, is stable.
            for (int b = 0; b < bandNames.size(); b++) {
                int count = g.byAgeBand().getOrDefault(bandNames.get(b), 0);
                double lower = s.ageBands().get(b) * DAYS_PER_YEAR;
                double upper = (b + 1 < bandNames.size() ? s.ageBands().get(b + 1) : 18) * DAYS_PER_YEAR;
                for (int k = 0; k < count; k++, i++) {
                    type[i] = groupType;
                    need[i] = groupNeed;
                    uasc[i] = g.uasc();
                    ageMin[i] = lower;
                    ageMax[i] = upper;
                    care[i] = Double.NaN;
                    placement[i] = Double.NaN;
                }
            }
        }
        for (InitialChild c : p.children()) {
            type[i] = typeIds.indexOf(c.type());
            need[i] = needIds.indexOf(c.need());
            ageMin[i] = c.ageYears() * DAYS_PER_YEAR;
            ageMax[i] = ageMin[i];
            care[i] = c.daysInCare();
            placement[i] = c.daysInPlacement();
            uasc[i] = c.uasc();
            ownCost[i] = c.weeklyCost() / 7.0;
            i++;
        }
        return new InitialCohort(type, need, uasc, ageMin, ageMax, care, placement, ownCost,
                p.meanYearsInCare() * DAYS_PER_YEAR, p.meanYearsInPlacement() * DAYS_PER_YEAR, stockProfile);
    }
}
