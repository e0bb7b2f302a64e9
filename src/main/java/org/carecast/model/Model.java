package org.carecast.model;

/**
 * A scenario compiled for the engine: every rate per day, every cost in pounds per day, every
 * reference resolved to an array index. The engine never sees YAML or strings other than for
 * labelling. Arrays inside are shared and must not be modified.
 *
 * @param name         scenario name, for reports
 * @param time         calendar, months and financial years
 * @param placements   placement types and their costs
 * @param capacity     places per type over time
 * @param ages         age bands
 * @param needs        need levels
 * @param entries      arrivals into care
 * @param matching     preference lists
 * @param breakdown    breakdown and planned-end hazards
 * @param stepDown     step-down rules
 * @param ageing       moves to semi-independence at 16
 * @param exits        leaving care
 * @param initial      children in care at the start
 * @param turnover     foster places gained and lost at random
 * @param satellites   Mockingbird satellite households and their effect on breakdowns
 * @param costLines    fixed spending by interventions (hubs, campaigns, capital)
 * @param finance      budgets and income
 * @param history      what happened before the start (actuals), or {@link History#NONE}
 */
public record Model(String name, TimeGrid time, PlacementTable placements, CapacityPlan capacity,
                   AgeBands ages, NeedLevels needs, EntryProcess entries, MatchingTable matching,
                   BreakdownHazard breakdown, StepDownRules stepDown, AgeingRule ageing, ExitHazard exits,
                   InitialCohort initial, CarerTurnover turnover, SatelliteCare satellites,
                    CostLines costLines, Finance finance, History history) {

    public int types() {
        return placements.size();
    }
}
