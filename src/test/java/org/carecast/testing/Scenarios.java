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
        double monthly = entriesPerDay * 365.25 / 12;
        double exitPerYear = 365.25 / meanStayDays;
        return String.format(Locale.ROOT, """
                name: queue
                start: 2025-04-01
                horizon: %d
                replications: 100
                seed: 7
                ageBands: [0, 1]
                needLevels:
                  - {id: standard, entryShare: 1}
                placementTypes:
                  - {id: council, category: council_foster, provider: council, location: in_borough,
                     weeklyCost: 700, annualInflation: 0, capacity: %s, breakdownRatePerYear: 0}
                  - {id: market, category: independent_fostering, provider: external, location: out_of_borough,
                     weeklyCost: 1400, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                initialPopulation:
                  meanYearsInCare: 1
                  meanYearsInPlacement: 1
                  groups: []
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
                """, months, places, monthly, exitPerYear, exitPerYear);
    }

    /**
     * A limited pool of {@code places} council places, {@code initial} of them taken at the start,
     * overflowing to an unlimited market: Poisson entries under 1 year old, breakdowns in the pool
     * only (with an optional void after each), no exits, so every stay in the pool ends in a
     * breakdown.
     */
    public static String pool(int places, int initial, double entriesPerDay, double breakdownsPerYear, double voidDays, int months) {
        return String.format(Locale.ROOT, """
                name: pool
                start: 2025-04-01
                horizon: %d
                replications: 100
                seed: 7
                ageBands: [0, 1]
                needLevels:
                  - {id: standard, entryShare: 1}
                placementTypes:
                  - {id: council, category: council_foster, provider: council, location: in_borough,
                     weeklyCost: 700, annualInflation: 0, capacity: %d, breakdownRatePerYear: %s,
                     voidDaysAfterBreakdown: %s}
                  - {id: market, category: independent_fostering, provider: external, location: out_of_borough,
                     weeklyCost: 1400, annualInflation: 0, capacity: unlimited, breakdownRatePerYear: 0}
                initialPopulation:
                  meanYearsInCare: 0.5
                  meanYearsInPlacement: 0.5
                  groups:
                    - {type: council, need: standard, byAgeBand: {"0": %d}}
                entries:
                  monthlyRate: %s
                  ageShares: {"0": 1, "1-17": 0}
                matching:
                  - order: [council, market]
                exits:
                  ratePerYear: {"0": 0, "1-17": 0}
                  reasons:
                    "0": {return_home: 1}
                    "1-17": {return_home: 1}
                """, months, places, breakdownsPerYear, voidDays, initial, entriesPerDay * 365.25 / 12);
    }
}
