package org.carecast.testing;

import org.carecast.model.Model;
import org.carecast.scenario.ModelCompiler;
import org.carecast.scenario.ScenarioReader;

import java.nio.file.Path;
import java.util.Locale;

/** Small scenarios written in YAML for tests, so the tests also exercise the reader. */
public final class Scenarios {

    /** The shipped baseline, read from the repository. */
    public static final Path BASELINE = Path.of("scenarios", "oldham-baseline.yaml");

    private Scenarios() {
    }

    public static Model compile(String yaml) {
        return ModelCompiler.compile(ScenarioReader.parse(Path.of("test.yaml"), yaml));
    }

    public static Model baseline() {
        return ModelCompiler.compile(ScenarioReader.read(BASELINE));
    }

    /**
     * A closed population over {@code months}: {@code children} babies in unlimited type
     * {@code a} (breakdown rate {@code perYear}), who never leave care; type {@code b}
     * (unlimited, no breakdowns) is second on the matching list. {@code extra} is YAML added at the top level (a
     * {@code breakdownDestinations} or {@code breakdownUncertainty} section, for example).
     */
    public static String closedPopulation(int children, double perYear, int months, String extra) {
        return String.format(Locale.ROOT, """
                name: closed
                start: 2025-04-01
                horizon: %d
                replications: 10
                seed: 7
                ageBands: [0, 1]
                needLevels:
                  - {id: standard, entryShare: 1}
                placementTypes:
                  - {id: a, category: council_foster, provider: council, location: in_borough,
                     weeklyCost: 500, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: %s}
                  - {id: b, category: independent_fostering, provider: external, location: in_borough,
                     weeklyCost: 900, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                %s
                initialPopulation:
                  meanYearsInCare: 0.5
                  meanYearsInPlacement: 0.5
                  groups:
                    - {type: a, need: standard, byAgeBand: {"0": %d}}
                entries:
                  monthlyRate: 0
                  ageShares: {"0": 1, "1-17": 0}
                matching:
                  - order: [a, b]
                exits:
                  ratePerYear: {"0": 0, "1-17": 0}
                  reasons:
                    "0": {return_home: 1}
                    "1-17": {return_home: 1}
                """, months, perYear, extra, children);
    }

    /**
     * A queue with one limited placement type of {@code places} places that overflows to an
     * unlimited type: Poisson entries at {@code entriesPerDay}, exponential stays of mean
     * {@code meanStayDays} (a constant exit hazard in every age band), no breakdowns. Children
     * enter under 1 year old, so ageing out at 18 never cuts a stay short. With
     * {@code places} = "unlimited" the limited type has no limit either.
     */
    public static String queue(String places, double entriesPerDay, double meanStayDays, int months) {
        double exitPerYear = 365.25 / meanStayDays;
        return councilAndMarket("queue", months, "capacity: " + places + ", breakdownRatePerYear: 0}", "1", " []",
                entriesPerDay, Double.toString(exitPerYear));
    }

    /**
     * A limited pool of {@code places} council places, {@code initial} of them taken at the start,
     * overflowing to an unlimited market: Poisson entries under 1 year old, breakdowns in the pool
     * only (with an optional void after each), no exits, so every stay in the pool ends in a
     * breakdown.
     */
    public static String pool(int places, int initial, double entriesPerDay, double breakdownsPerYear, double voidDays, int months) {
        return councilAndMarket("pool", months, String.format(Locale.ROOT, "capacity: %d, breakdownRatePerYear: %s,\n"
                        + "     voidDaysAfterBreakdown: %s}", places, breakdownsPerYear, voidDays), "0.5",
                String.format(Locale.ROOT, "\n    - {type: council, need: standard, byAgeBand: {\"0\": %d}}", initial), entriesPerDay, "0");
    }

    /**
     * The shape {@link #queue} and {@link #pool} share: a council type (its capacity and breakdown
     * fields given) overflowing to an unlimited market, entries under 1 year old at
     * {@code entriesPerDay}, the same exit hazard in every age band.
     */
    private static String councilAndMarket(String name, int months, String councilFields, String meanYears, String groups,
                                           double entriesPerDay, String exitPerYear) {
        return String.format(Locale.ROOT, """
                name: %s
                start: 2025-04-01
                horizon: %d
                replications: 100
                seed: 7
                ageBands: [0, 1]
                needLevels:
                  - {id: standard, entryShare: 1}
                placementTypes:
                  - {id: council, category: council_foster, provider: council, location: in_borough,
                     weeklyCost: 700, annualInflation: 0, %s
                  - {id: market, category: independent_fostering, provider: external, location: out_of_borough,
                     weeklyCost: 1400, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                initialPopulation:
                  meanYearsInCare: %s
                  meanYearsInPlacement: %s
                  groups:%s
                entries:
                  monthlyRate: %s
                  ageShares: {"0": 1, "1-17": 0}
                matching:
                  - order: [council, market]
                exits:
                  ratePerYear: {"0": %s, "1-17": %s}
                  reasons:
                    "0": {return_home: 1}
                    "1-17": {return_home: 1}
                """, name, months, councilFields, meanYears, meanYears, groups, entriesPerDay * 365.25 / 12,
                exitPerYear, exitPerYear);
    }
}
