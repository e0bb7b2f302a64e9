package org.carecast.scenario;

import org.carecast.model.PlacementCategory;
import org.carecast.model.Provider;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scenario as the user wrote it, validated: every reference resolves, every share sums to
 * one, every matching list ends in an unlimited type. Money is in pounds, rates are per year
 * (entries per month), durations in days or years as each field's name says. docs/scenarios.md
 * documents each field; {@link ScenarioReader} reads them and {@link ModelCompiler} turns a
 * scenario into the engine's arrays.
 *
 * <p>{@code sources} lists every file the scenario was read from, as absolute paths: the
 * scenario itself first, then each file it {@code extends} (recursively) and each data file
 * it names. Copied together, keeping their relative places, they re-run the same scenario.
 */
public record Scenario(Path file, String name, String description, LocalDate start, int horizonMonths,
                       int replications, long seed, List<Integer> ageBands, List<NeedLevel> needLevels,
                       List<PlacementType> placementTypes, InitialPopulation initialPopulation,
                       Entries entries, List<MatchingRule> matching, List<StepDown> stepDowns,
                       Ageing ageing, Exits exits, List<Intervention> interventions, Finance finance,
                       double breakdownFrailtyVariance, Map<String, Double> breakdownRateLogSd,
                       Map<String, Map<String, Double>> breakdownDestinations, Actuals actuals, List<Path> sources) {

    /**
     * What happened before the start, from the scenario's {@code actuals} file: children in
     * care at the start of each month and spend in each month, in total ({@code type} "all")
     * and by placement type. Charts draw it before the forecast; the financial year the start
     * falls in gets a projected outturn, actual spend to date plus the forecast of its remaining months.
     *
     * @param file   where it was read, for messages
     * @param months every row, in file order
     */
    public record Actuals(Path file, List<ActualMonth> months) {
        public static final Actuals NONE = new Actuals(null, List.of());

        public Actuals {
            months = List.copyOf(months);
        }
    }

    /**
     * One row of an actuals file.
     *
     * @param month    the calendar month, e.g. 2025-04
     * @param type     a placement type id, or "all"
     * @param children children in care on the first of the month, or -1 when not given
     * @param spend    pounds spent in the month, or NaN when not given
     */
    public record ActualMonth(java.time.YearMonth month, String type, int children, double spend) {
    }

    /**
     * The same scenario with other placement types and the rules that name them (matching,
     * step-downs, ageing): how interventions that add provision are expanded before compiling.
     */
    public Scenario withProvision(List<PlacementType> types, List<MatchingRule> matching, List<StepDown> stepDowns,
                                  Ageing ageing) {
        return new Scenario(file, name, description, start, horizonMonths, replications, seed, ageBands, needLevels, types,
                initialPopulation, entries, matching, stepDowns, ageing, exits, interventions, finance, breakdownFrailtyVariance,
                breakdownRateLogSd, breakdownDestinations, actuals, sources);
    }

    public Scenario {
        sources = List.copyOf(sources);
        breakdownRateLogSd = Map.copyOf(breakdownRateLogSd);
        breakdownDestinations = Map.copyOf(breakdownDestinations);
        interventions = List.copyOf(interventions);
        ageBands = List.copyOf(ageBands);
        needLevels = List.copyOf(needLevels);
        placementTypes = List.copyOf(placementTypes);
        matching = List.copyOf(matching);
        stepDowns = List.copyOf(stepDowns);
    }

    /** A level of need, with its share of entries and its effect on breakdowns. */
    public record NeedLevel(String id, double entryShare, double breakdownMultiplier, String escalatesTo,
                            double escalationProbability) {
    }

    /**
     * A kind of placement with its cost, capacity and breakdown hazard. It takes children aged
     * from {@code minAgeYears} up to (not including) {@code maxAgeYears}; {@code turnover} is
     * null when places change only on dated steps.
     */
    public record PlacementType(String id, String label, PlacementCategory category, Provider provider,
                                boolean inBorough, double weeklyCost, double annualInflation, Capacity capacity,
                                double fixedAnnualCost, double breakdownRatePerYear, PlannedEnd plannedEnd,
                                double minAgeYears, double maxAgeYears, Turnover turnover, double voidDaysAfterBreakdown,
                                double outOfBoroughShare) {

        /** The share of this type's placements outside the council's area: as given, or 0 or 1 from its location. */
        public double outOfBorough() {
            return Double.isNaN(outOfBoroughShare) ? (inBorough ? 0 : 1) : outOfBoroughShare;
        }

        /**
         * A new type made like this one (an intervention's home or places): this type's kind,
         * provider, location, breakdowns, planned ends and voids, under its own id and label,
         * with no carer turnover. The with- methods below then set what differs.
         */
        public PlacementType like(String newId, String newLabel) {
            return new PlacementType(newId, newLabel, category, provider, inBorough, weeklyCost, annualInflation, capacity,
                    fixedAnnualCost, breakdownRatePerYear, plannedEnd, minAgeYears, maxAgeYears, null, voidDaysAfterBreakdown,
                    outOfBoroughShare);
        }

        /** This type with another kind of placement. */
        public PlacementType withCategory(PlacementCategory newCategory) {
            return new PlacementType(id, label, newCategory, provider, inBorough, weeklyCost, annualInflation, capacity,
                    fixedAnnualCost, breakdownRatePerYear, plannedEnd, minAgeYears, maxAgeYears, turnover, voidDaysAfterBreakdown,
                    outOfBoroughShare);
        }

        /** This type run by {@code newProvider} in the council's area, {@code share} of placements outside it. */
        public PlacementType withProviderInBorough(Provider newProvider, double share) {
            return new PlacementType(id, label, category, newProvider, true, weeklyCost, annualInflation, capacity,
                    fixedAnnualCost, breakdownRatePerYear, plannedEnd, minAgeYears, maxAgeYears, turnover, voidDaysAfterBreakdown,
                    share);
        }

        /** This type at other prices: pounds a child-week, the yearly rise, pounds a year fixed. */
        public PlacementType withCosts(double newWeeklyCost, double newAnnualInflation, double newFixedAnnualCost) {
            return new PlacementType(id, label, category, provider, inBorough, newWeeklyCost, newAnnualInflation, capacity,
                    newFixedAnnualCost, breakdownRatePerYear, plannedEnd, minAgeYears, maxAgeYears, turnover, voidDaysAfterBreakdown,
                    outOfBoroughShare);
        }

        /** This type with other places. */
        public PlacementType withCapacity(Capacity newCapacity) {
            return new PlacementType(id, label, category, provider, inBorough, weeklyCost, annualInflation, newCapacity,
                    fixedAnnualCost, breakdownRatePerYear, plannedEnd, minAgeYears, maxAgeYears, turnover, voidDaysAfterBreakdown,
                    outOfBoroughShare);
        }

        /** This type for children from {@code min} up to (not including) {@code max} years old. */
        public PlacementType withAges(double min, double max) {
            return new PlacementType(id, label, category, provider, inBorough, weeklyCost, annualInflation, capacity,
                    fixedAnnualCost, breakdownRatePerYear, plannedEnd, min, max, turnover, voidDaysAfterBreakdown,
                    outOfBoroughShare);
        }

        /** This type with other unplanned endings a child-year and days a place stays empty after one. */
        public PlacementType withBreakdowns(double ratePerYear, double voidDays) {
            return new PlacementType(id, label, category, provider, inBorough, weeklyCost, annualInflation, capacity,
                    fixedAnnualCost, ratePerYear, plannedEnd, minAgeYears, maxAgeYears, turnover, voidDays, outOfBoroughShare);
        }
    }

    /** Places gained per year (a Poisson process) and the share of places lost per year (a hazard per place). */
    public record Turnover(double placesGainedPerYear, double shareLostPerYear) {
    }

    /** Places: unlimited, or a number at the start with dated changes. */
    public record Capacity(boolean unlimited, int places, List<CapacityChange> changes) {
        public Capacity {
            changes = List.copyOf(changes);
        }
    }

    /** Places added (positive) or removed (negative) from a date. */
    public record CapacityChange(LocalDate date, int change) {
    }

    /**
     * A planned end of placement at a hazard per year: a secure order expiring (the child then
     * has need level {@code needAfter}), or a move as part of the care plan ({@code needAfter}
     * null: the child keeps its need and is matched again).
     */
    public record PlannedEnd(double ratePerYear, String needAfter) {
    }

    /** Children in care at the start: counts by group and age band, or individual children from a CSV. */
    public record InitialPopulation(double meanYearsInCare, double meanYearsInPlacement, List<InitialGroup> groups,
                                    List<InitialChild> children) {
        public InitialPopulation {
            groups = List.copyOf(groups);
            children = List.copyOf(children);
        }
    }

    /** A count of children by age band in one placement type with one need level. */
    /**
     * Unaccompanied asylum-seeking children: an entry stream of their own (mostly 16-17, so into
     * semi-independent accommodation), counted apart so that a Home Office grant per night can
     * follow their numbers.
     *
     * @param monthlyRate entries a month at the start
     * @param annualTrend yearly growth of that rate
     * @param ageShares   shares of entries by age band
     * @param need        the need level they enter with (their matching follows it)
     */
    public record Uasc(double monthlyRate, double annualTrend, Map<String, Double> ageShares, String need) {
        public Uasc {
            ageShares = Map.copyOf(ageShares);
        }
    }

    /** Children in care at the start by type, need and age band; {@code uasc} when they are unaccompanied asylum seekers. */
    public record InitialGroup(String type, String need, Map<String, Integer> byAgeBand, boolean uasc) {
        public InitialGroup {
            byAgeBand = Map.copyOf(byAgeBand);
        }
    }

    /**
     * One child from an initial-population CSV; NaN days mean "draw"; {@code weeklyCost} is what
     * the child's current placement costs in pounds a week (NaN: the type's price).
     */
    public record InitialChild(String type, String need, double ageYears, double daysInCare,
                               double daysInPlacement, boolean uasc, double weeklyCost) {

        /** A child without a price of its own, not an unaccompanied asylum seeker. */
        public InitialChild(String type, String need, double ageYears, double daysInCare, double daysInPlacement) {
            this(type, need, ageYears, daysInCare, daysInPlacement, false, Double.NaN);
        }
    }

    /**
     * Entries into care per month, with a compound annual trend and age shares; {@code
     * newbornShare} is the share of the first band's entries in their first week of life, NaN
     * when not given (ages then uniform over the band, as in every other band); {@code
     * carePlanMove} the move soon after entry that a share of care plans make, or null.
     */
    public record Entries(double monthlyRate, double annualTrend, Map<String, Double> ageShares, double newbornShare,
                          CarePlanMove carePlanMove, Uasc uasc, double rateLogSd, double trendSdPerYear,
                          double shareCount) {
        public Entries {
            ageShares = Map.copyOf(ageShares);
        }
    }

    /**
     * A share of children entering care move once soon after, as their care plan says (from an
     * emergency or short-term placement to the planned one), after an exponential time with the
     * given mean in months.
     */
    public record CarePlanMove(double share, double meanMonths) {
    }

    /** Preference list for some age bands and need levels. */
    public record MatchingRule(List<String> ageBands, List<String> needs, List<String> order) {
        public MatchingRule {
            ageBands = List.copyOf(ageBands);
            needs = List.copyOf(needs);
            order = List.copyOf(order);
        }
    }

    /** Step-down from external types to a council type when a place frees. */
    public record StepDown(List<String> from, String to, double minimumStayDays, double probability,
                           double minAgeYears, double maxAgeYears) {
        public StepDown {
            from = List.copyOf(from);
        }
    }

    /** Moves to semi-independence at 16. */
    public record Ageing(double semiIndependenceShare, List<String> from, List<String> order) {
        public Ageing {
            from = List.copyOf(from);
            order = List.copyOf(order);
        }
    }

    /** Leaving care: hazards per age band, optional time-in-care multipliers, reason shares per band. */
    public record Exits(Map<String, Double> ratePerYear, List<TimeInCareBand> timeInCare,
                        Map<String, Map<String, Double>> reasons, double rateLogSd, Map<String, Double> reasonCounts) {
        public Exits {
            reasonCounts = Map.copyOf(reasonCounts);
            ratePerYear = Map.copyOf(ratePerYear);
            timeInCare = List.copyOf(timeInCare);
            reasons = Map.copyOf(reasons);
        }
    }

    /** Multiplier on the exit hazard from a time in care onwards. */
    public record TimeInCareBand(double fromYears, double multiplier) {
    }

    /**
     * The money around the placements: budgets to measure spend against, and income that offsets
     * it. Both are optional; without budget lines there is no pressure to report.
     *
     * @param growthPerYear budget uplift per financial year after the last year a line gives
     * @param budgetLines   placements budget by line, each covering some placement types
     * @param income        income lines (grants, contributions)
     */
    public record Finance(double growthPerYear, List<BudgetLine> budgetLines, List<IncomeLine> income,
                          boolean placeholderBudgets) {
        public Finance {
            budgetLines = List.copyOf(budgetLines);
            income = List.copyOf(income);
        }

        public static final Finance NONE = new Finance(0, List.of(), List.of(), false);

        /** What every report says beside a pressure measured against placeholder budgets. */
        public static final String PLACEHOLDER_CAUTION = "The budgets in this scenario are placeholders, not the council's"
                + " budget book (finance.placeholderBudgets): pressure against them shows how the method works, not"
                + " the council's position. Replace finance.budgetLines with the budget book before quoting a pressure.";
    }

    /** A budget line: the placement types it pays for and its budget in pounds by financial year ("2025/26"). */
    public record BudgetLine(String id, String label, List<String> types, Map<String, Double> byYear) {
        public BudgetLine {
            types = List.copyOf(types);
            byYear = Map.copyOf(byYear);
        }
    }

    /** How an income line is earned. */
    public enum IncomeKind {
        /** {@code amount} pounds a week for each child in {@code types}, for a {@code share} of them (e.g. a grant per UASC child). */
        PER_CHILD_WEEK("per_child_week"),
        /** A {@code share} of the spend on {@code types} (e.g. health contributions to joint-funded packages). */
        SHARE_OF_SPEND("share_of_spend"),
        /** {@code amount} pounds a night for each unaccompanied asylum-seeking child in care (the Home Office grant). */
        PER_UASC_CHILD_NIGHT("per_uasc_child_night"),
        /** {@code amount} pounds a year, whatever happens. */
        ANNUAL("annual");

        private final String id;

        IncomeKind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * An income line; {@code types} empty means every placement type. {@code budgetByYear} is
     * the income the budget expects (empty when it expects none): receiving less is pressure.
     */
    public record IncomeLine(String id, String label, IncomeKind kind, double amount, double share,
                             List<String> types, double annualInflation, Map<String, Double> budgetByYear) {
        public IncomeLine {
            types = List.copyOf(types);
            budgetByYear = Map.copyOf(budgetByYear);
        }
    }

    /** Name of the age band starting at {@code ageBands.get(i)}, e.g. "0", "1-4", "16-17". */
    public String ageBandName(int i) {
        return bandName(ageBands, i);
    }

    static String bandName(List<Integer> lowers, int i) {
        int lower = lowers.get(i);
        int upper = (i + 1 < lowers.size() ? lowers.get(i + 1) : 18) - 1;
        return lower == upper ? Integer.toString(lower) : lower + "-" + upper;
    }
}
