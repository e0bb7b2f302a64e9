package org.carecast.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steady state and the stock profile against closed forms for a constant exit hazard mu,
 * entries uniform in age over the first band [0, A), bands [0, A) and [A, 18 years).
 */
class SteadyStateTest {

    private static final double YEAR = TimeGrid.DAYS_PER_YEAR;
    private static final double A = 10 * YEAR;
    private static final double T = AgeBands.AGE_18_DAYS;
    private static final double MU = 0.3 / YEAR;

    private static final AgeBands BANDS = new AgeBands(new String[] {"0-9", "10-17"}, new double[] {0, A}, new double[] {A, T});
    private static final EntryAges ALL_IN_FIRST_BAND = EntryAges.uniformInBands(BANDS, new double[] {1, 1});
    /** Every entrant a newborn: in care from its first week. */
    private static final EntryAges ALL_NEWBORN = EntryAges.of(BANDS, new double[] {1, 1}, 1);

    private static ExitHazard hazard(double[] ticLower, double[] multiplier) {
        return new ExitHazard(new double[] {MU, MU}, ticLower, multiplier, new double[] {1, 1}, 0);
    }

    @Test
    void stockPerBandIsEntriesTimesExpectedYearsThereForAConstantHazard() {
        double entries = 120;
        SteadyState s = SteadyState.of(BANDS, ALL_IN_FIRST_BAND, entries, hazard(new double[] {0}, new double[] {1}));
        // An entrant at age e spends (1 - exp(-mu (A - e))) / mu in the first band; averaged over e
        // uniform on [0, A): 1/mu - (1 - exp(-mu A)) / (A mu^2). Over the whole stay, with leaving at
        // T: 1/mu - (exp(-mu (T - A)) - exp(-mu T)) / (A mu^2).
        double firstBand = 1 / MU - (1 - Math.exp(-MU * A)) / (A * MU * MU);
        double whole = 1 / MU - (Math.exp(-MU * (T - A)) - Math.exp(-MU * T)) / (A * MU * MU);
        assertEquals(entries * firstBand / YEAR, s.childrenByBand()[0], 1e-3 * entries);
        assertEquals(entries * whole / YEAR, s.children(), 1e-3 * entries);
        assertEquals(whole / YEAR, s.meanYearsInCare(), 1e-4);
    }

    @Test
    void aTimeInCareMultiplierIsTheSameAsTheEquivalentConstantHazard() {
        // Multiplier 1 on both sides of a time-in-care edge changes nothing; 2 from day 0 is a doubled rate.
        SteadyState plain = SteadyState.of(BANDS, ALL_IN_FIRST_BAND, 100, hazard(new double[] {0}, new double[] {1}));
        SteadyState split = SteadyState.of(BANDS, ALL_IN_FIRST_BAND, 100, hazard(new double[] {0, 2 * YEAR}, new double[] {1, 1}));
        assertEquals(plain.children(), split.children(), 1e-9);
        SteadyState doubled = SteadyState.of(BANDS, ALL_IN_FIRST_BAND, 100, hazard(new double[] {0}, new double[] {2}));
        double whole = 1 / (2 * MU) - (Math.exp(-2 * MU * (T - A)) - Math.exp(-2 * MU * T)) / (A * 4 * MU * MU);
        assertEquals(100 * whole / YEAR, doubled.children(), 0.1);
    }

    @Test
    void timeInCareSoFarHasTheTruncatedExponentialMean() {
        // A child aged a < A entered at a - d with d in [0, a]; entry density is flat there, so d
        // has density proportional to exp(-mu d): mean 1/mu - a exp(-mu a) / (1 - exp(-mu a)).
        StockProfile profile = StockProfile.steadyState(BANDS, ALL_IN_FIRST_BAND, hazard(new double[] {0}, new double[] {1}));
        for (double ageYears : new double[] {3.5, 8.5}) {
            double a = ageYears * YEAR;
            double expected = 1 / MU - a * Math.exp(-MU * a) / (1 - Math.exp(-MU * a));
            int n = 20_000;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += profile.timeInCare(a, (i + 0.5) / n);
            }
            // The table works in whole months of age: allow a fortnight.
            assertEquals(expected, sum / n, 15, "age " + ageYears);
        }
    }

    @Test
    void agesInABandFollowTheSteadyStateDensity() {
        // Before A the density of ages in care is entries x (1 - exp(-mu a)) / mu: rising, so more
        // children are 8-9 than 0-1 and the mean age is above the band's midpoint by a known amount.
        StockProfile profile = StockProfile.steadyState(BANDS, ALL_IN_FIRST_BAND, hazard(new double[] {0}, new double[] {1}));
        double mass = A - (1 - Math.exp(-MU * A)) / MU;
        double moment = A * A / 2 - (1 / MU) * (1 / MU - Math.exp(-MU * A) * (A + 1 / MU));
        double expected = moment / mass;
        int n = 20_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += profile.age(0, A, (i + 0.5) / n);
        }
        assertEquals(expected, sum / n, 10);
        assertEquals(3 * YEAR, profile.age(3 * YEAR, 3 * YEAR, 0.7), 0, "an exact age is kept");
    }

    @Test
    void newbornsStayInTheFirstBandAsLongAsItLastsForThem() {
        // An entrant at age e < 7 days spends (1 - exp(-mu (A - e))) / mu in the first band: for
        // newborns that is the whole band's survival integral, more than uniform entry ages give.
        SteadyState s = SteadyState.of(BANDS, ALL_NEWBORN, 120, hazard(new double[] {0}, new double[] {1}));
        double firstBand = (1 - Math.exp(-MU * (A - 3.5))) / MU;
        assertEquals(120 * firstBand / YEAR, s.childrenByBand()[0], 1e-3 * 120);
        SteadyState uniform = SteadyState.of(BANDS, ALL_IN_FIRST_BAND, 120, hazard(new double[] {0}, new double[] {1}));
        assertTrue(s.childrenByBand()[0] > 1.3 * uniform.childrenByBand()[0]);
    }

    @Test
    void aChildWhoEnteredAsANewbornHasBeenInCareAlmostItsWholeLife() {
        // Every child aged a entered in its first week, so its time in care is a less a few days;
        // the table spreads the newborns over the first month of age, so allow a month.
        StockProfile profile = StockProfile.steadyState(BANDS, ALL_NEWBORN, hazard(new double[] {0}, new double[] {1}));
        for (double ageYears : new double[] {0.5, 3.5, 8.5}) {
            double a = ageYears * YEAR;
            for (double u : new double[] {0.01, 0.5, 0.99}) {
                double d = profile.timeInCare(a, u);
                assertTrue(d <= a && d > a - 31, "age " + ageYears + " u " + u + ": " + d);
            }
        }
    }
}
