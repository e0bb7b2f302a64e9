package org.carecast.scenario;

import org.carecast.model.PlacementCategory;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated, costed change a commissioner can test against a baseline. Each kind has an effect
 * in the engine (see {@link InterventionEffects}) and costs in pounds at the scenario's start
 * prices, uprated by {@code annualInflation} each April. {@code end} is null when the
 * intervention runs to the end of the horizon; it is exclusive (the day it stops).
 */
public sealed interface Intervention {

    String id();

    String label();

    LocalDate start();

    LocalDate end();

    /** Annual uplift applied to the intervention's costs each April (0.03 for 3%). */
    double annualInflation();

    /** The YAML name of the kind, as written in {@code kind:}. */
    String kind();

    /** Every kind, as written in YAML. */
    List<String> KINDS = List.of("new_home", "mockingbird", "foster_recruitment", "step_forward",
            "local_commissioning", "demand_change");

    /**
     * A new council children's home: a placement type of its own, taking children in an age
     * range, inserted after {@code like} in every preference list, and a step-down target
     * wherever {@code like} is. Places become usable one by one over {@code rampUpMonths}
     * after opening; the running cost is paid from opening whether places are filled or not.
     */
    record NewHome(String id, String label, LocalDate start, LocalDate end, double annualInflation,
                   String like, int places, double minAgeYears, double maxAgeYears, double fixedAnnualCost,
                   double weeklyCost, double capitalCost, int rampUpMonths) implements Intervention {
        public String kind() {
            return "new_home";
        }
    }

    /**
     * Mockingbird hubs: each supports {@code satelliteHouseholds} foster households caring for
     * {@code childrenPerHousehold} children on average. Children placed in satellite households
     * of {@code fosterType} have their breakdown hazard multiplied by {@code breakdownMultiplier};
     * carers in the constellations leave at {@code carerLossMultiplier} times the usual rate.
     */
    record Mockingbird(String id, String label, LocalDate start, LocalDate end, double annualInflation,
                       String fosterType, int hubs, int satelliteHouseholds, double childrenPerHousehold,
                       double annualCostPerHub, double breakdownMultiplier, double carerLossMultiplier)
            implements Intervention {
        public String kind() {
            return "mockingbird";
        }
    }

    /**
     * Foster carer recruitment and retention: extra places gained per year (a Poisson process
     * on top of the type's turnover) and a multiplier on the rate places are lost.
     */
    record FosterRecruitment(String id, String label, LocalDate start, LocalDate end, double annualInflation,
                             String fosterType, double extraPlacesPerYear, double lossMultiplier,
                             double annualCost) implements Intervention {
        public String kind() {
            return "foster_recruitment";
        }
    }

    /**
     * Step Forward: enhanced-allowance foster places, filled only by children of an age range
     * stepping down from the listed external types. A placement type of its own that costs
     * {@code like}'s weekly cost plus {@code extraWeeklyCost}.
     */
    record StepForward(String id, String label, LocalDate start, LocalDate end, double annualInflation,
                       String like, List<String> from, int places, double extraWeeklyCost,
                       double minAgeYears, double maxAgeYears, double minimumStayDays, double probability,
                       int rampUpMonths, double breakdownRatePerYear, double voidDaysAfterBreakdown)
            implements Intervention {
        public StepForward {
            from = List.copyOf(from);
        }

        public String kind() {
            return "step_forward";
        }
    }

    /**
     * Block-contracted local places at a contracted weekly price, paid for every place whether
     * filled or not, used before {@code before} in every preference list that has it (and as a
     * step-down target for children already placed there).
     */
    record LocalCommissioning(String id, String label, LocalDate start, LocalDate end, double annualInflation,
                              String before, PlacementCategory category, int places, double weeklyPrice,
                              double minAgeYears, double maxAgeYears) implements Intervention {
        public String kind() {
            return "local_commissioning";
        }
    }

    /** Entries into care scaled by {@code factor} from {@code start} (until {@code end}), with an annual cost. */
    record DemandChange(String id, String label, LocalDate start, LocalDate end, double annualInflation,
                        double factor, double annualCost) implements Intervention {
        public String kind() {
            return "demand_change";
        }
    }
}
