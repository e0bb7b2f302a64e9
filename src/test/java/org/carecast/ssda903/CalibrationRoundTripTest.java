package org.carecast.ssda903;

import org.carecast.cli.Main;
import org.carecast.scenario.Scenario;
import org.carecast.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generate SSDA903 returns from known rates, calibrate, and recover the rates within their
 * statistical error (3.5 standard errors of a Poisson count); the stock on the as-at date is
 * recovered exactly. The calibrated scenario is valid and holds no child identifiers.
 */
class CalibrationRoundTripTest {

    private static final SyntheticReturns.Parameters TRUTH = new SyntheticReturns.Parameters(
            20, new double[] {0.15, 0.15, 0.15, 0.3, 0.25}, new double[] {0.8, 0.5, 0.3, 0.2, 0.4}, 0.6, 0.25,
            new double[] {1.5, 1.0, 0.6}, 0.6, 2);

    @Test
    void ratesAreRecoveredFromGeneratedReturns(@TempDir Path tmp) throws Exception {
        LocalDate asAt = LocalDate.of(2021, 4, 1);
        // Children enter from 2000, so the population in care is settled long before the files begin.
        SyntheticReturns truth = new SyntheticReturns(TRUTH, LocalDate.of(2000, 4, 1), asAt, 42);
        List<List<Path>> files = truth.write(tmp, 2016, 2021, true);
        ProblemLog problems = new ProblemLog(false);
        Ssda903Reader.Returns returns = Ssda903Reader.read(files.get(0), files.get(1), problems);
        assertTrue(returns.mergedRepeats() > 100, "open episodes repeat in the next year's file");
        List<CareHistory.Period> periods = CareHistory.build(returns);
        // The injected quirks: ISO dates read, the exact repeat merged, two bad rows per file reported.
        assertEquals(java.util.Map.of(Problem.Kind.BAD_DATE, 6, Problem.Kind.UNKNOWN_CODE, 6), problems.counts());
        PlacementMapping mapping = PlacementMapping.defaults();
        Calibration.Estimates e = Calibration.estimate(periods, mapping, asAt, 3);

        int stock = 0;
        for (int[] byBand : e.stock()) {
            for (int n : byBand) {
                stock += n;
            }
        }
        assertEquals(truth.inCareOn(asAt), stock, "children in care on the as-at date");
        System.out.printf("round trip: entries %.2f/month (truth %.1f); exit base rates %s (truth %s);"
                        + " time-in-care multipliers %s (truth %s); moves %.3f (truth %.1f)%n",
                e.entries().rate(), TRUTH.entriesPerMonth(), java.util.Arrays.toString(round(e.exitBaseRates())),
                java.util.Arrays.toString(TRUTH.exitPerYear()), java.util.Arrays.toString(round(e.timeInCareMultipliers())),
                java.util.Arrays.toString(TRUTH.timeInCareMultiplier()), e.moveRates()[index(mapping, "council_foster")].rate(),
                TRUTH.movesPerYear());
        within("entries per month", TRUTH.entriesPerMonth(), e.entries());
        // The generator's hazard is base[band] x multiplier[time in care]: the fitted model must
        // recover both (tolerance from the counts behind each: relative error about 1/sqrt(n)).
        for (int b = 0; b < Calibration.BANDS.length; b++) {
            double relative = 3.5 / Math.sqrt(e.exitRates()[b].events());
            assertEquals(TRUTH.exitPerYear()[b], e.exitBaseRates()[b], relative * TRUTH.exitPerYear()[b] + 0.05,
                    "exit hazard at 1-3 years in care, band " + Calibration.BAND_NAMES[b]);
        }
        for (int k = 0; k < Calibration.TIME_IN_CARE.length; k++) {
            assertEquals(TRUTH.timeInCareMultiplier()[k], e.timeInCareMultipliers()[k], 0.2,
                    "time-in-care multiplier from " + Calibration.TIME_IN_CARE[k] + " years");
        }
        int foster = index(mapping, "council_foster");
        int kinship = index(mapping, "kinship_foster");
        within("moves per year, council foster", TRUTH.movesPerYear(), e.moveRates()[foster]);
        // Generated children never change type, and completed placements are exponential stays cut short by exits.
        assertEquals(0, e.transitions()[foster][kinship] + e.transitions()[kinship][foster]);
        assertTrue(e.transitions()[foster][foster] > 100, "moves within a type are counted too");
        assertTrue(e.placementYears()[0] < e.placementYears()[1] && e.placementYears()[1] < e.placementYears()[2]);
        within("moves per year, kinship", TRUTH.movesPerYear(), e.moveRates()[kinship]);
        // The move soon after entry (CARPL): its share of all entrants and mean time, though some
        // entrants leave first and the moves seen are cut at a year; and it is not a breakdown
        // (the move rates above would be too high by about 0.6 / 3.7 years in care otherwise).
        Calibration.CarePlanMoves plan = e.carePlan();
        System.out.printf("round trip: care-plan move share %.3f (truth %.1f), mean %.2f months (truth %.1f), %d of %d entrants%n",
                plan.share(), TRUTH.carePlanShare(), plan.meanMonths(), TRUTH.carePlanMeanMonths(), plan.moved(), plan.entrants());
        assertTrue(plan.early());
        assertEquals(TRUTH.carePlanShare(), plan.share(), 3.5 * Math.sqrt(0.24 / plan.entrants()) + 0.03, "care-plan move share");
        assertEquals(TRUTH.carePlanMeanMonths(), plan.meanMonths(), 0.35 * TRUTH.carePlanMeanMonths(), "care-plan move mean months");
        long n = e.entries().events();
        double se = Math.sqrt(TRUTH.kinshipShare() * (1 - TRUTH.kinshipShare()) / n);
        assertEquals(TRUTH.kinshipShare(), e.entryTypeShares()[kinship], 3.5 * se, "share entering kinship care");
        for (int b = 0; b < Calibration.BANDS.length; b++) {
            double p = TRUTH.ageShares()[b];
            assertEquals(p, e.entryBandShares()[b], 3.5 * Math.sqrt(p * (1 - p) / n), "age share " + b);
        }
        // The generator's ages are uniform within a band and rounded to days: under-1 entries are
        // newborns (under 7 days, so at most 6.5 days before rounding) with probability 6.5 / 365.25.
        double newborn = 6.5 / 365.25;
        assertEquals(newborn, e.newbornShare(), 3.5 * Math.sqrt(newborn * (1 - newborn) / e.entriesUnderOne()), "newborn share");
        // Exit reasons: half return home in the generator.
        long home = 0;
        long exits = 0;
        for (long[] band : e.exitReasons()) {
            home += band[0];
            for (long c : band) {
                exits += c;
            }
        }
        assertEquals(0.5, (double) home / exits, 3.5 * Math.sqrt(0.25 / exits), "share returning home");
    }

    @Test
    void calibrateWritesAValidScenarioWithoutChildIdentifiers(@TempDir Path tmp) throws Exception {
        LocalDate asAt = LocalDate.of(2021, 4, 1);
        SyntheticReturns truth = new SyntheticReturns(TRUTH, LocalDate.of(2005, 4, 1), asAt, 7);
        List<List<Path>> files = truth.write(tmp, 2019, 2021);
        Path out = tmp.resolve("calibrated.yaml");
        List<String> args = new ArrayList<>(List.of("calibrate", "--as-at", "2021-04-01", "--out", out.toString(), "--header"));
        files.get(0).forEach(f -> args.add(f.toString()));
        args.add("--episodes");
        files.get(1).forEach(f -> args.add(f.toString()));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int status = Main.execute(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(String[]::new));
        assertEquals(0, status, stderr.toString());
        assertTrue(stdout.toString().contains("No bad rows."), stdout.toString());
        Scenario s = ScenarioReader.read(out);
        assertEquals(asAt, s.start());
        String yaml = Files.readString(out);
        for (int c = 0; c < truth.births.size(); c += 97) {
            assertFalse(yaml.contains(Integer.toString(1000 + c) + ","), "child id " + (1000 + c));
        }
        assertTrue(yaml.contains("moves in"), "rates carry what they were estimated from");
    }

    private static double[] round(double[] x) {
        return java.util.Arrays.stream(x).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }

    private static int index(PlacementMapping mapping, String id) {
        for (int t = 0; t < mapping.types().size(); t++) {
            if (mapping.types().get(t).id().equals(id)) {
                return t;
            }
        }
        throw new AssertionError(id);
    }

    private static void within(String what, double truth, Calibration.Rate estimate) {
        double se = Math.sqrt(truth * estimate.exposure()) / estimate.exposure();
        assertEquals(truth, estimate.rate(), 3.5 * se, what + ": " + estimate);
    }

    /**
     * Breakdown proneness: returns generated with each child's move hazard times a gamma draw of
     * variance v give back v by the method of moments (about 1,200 children in a 3-year
     * window, so a tolerance of 0.35), and returns without it give about 0.
     */
    @Test
    void theSpreadOfMovesBetweenChildrenIsRecovered(@TempDir Path tmp) throws Exception {
        LocalDate asAt = LocalDate.of(2021, 4, 1);
        double[] estimates = new double[2];
        double[] truths = {0, 1.5};
        for (int k = 0; k < truths.length; k++) {
            SyntheticReturns returns = new SyntheticReturns(TRUTH.withFrailty(truths[k]), LocalDate.of(2000, 4, 1), asAt, 7);
            List<List<Path>> files = returns.write(Files.createDirectories(tmp.resolve("v" + k)), 2016, 2021, false);
            List<CareHistory.Period> periods = CareHistory.build(Ssda903Reader.read(files.get(0), files.get(1), new ProblemLog(false)));
            Calibration.Estimates e = Calibration.estimate(periods, PlacementMapping.defaults(), asAt, 3);
            estimates[k] = e.frailty().variance();
            System.out.printf("round trip: frailty variance %.3f (truth %.1f) from %d children's %d moves%n",
                    estimates[k], truths[k], e.frailty().children(), e.frailty().moves());
        }
        assertEquals(0, estimates[0], 0.15, "no frailty");
        assertEquals(1.5, estimates[1], 0.35, "frailty variance 1.5");
    }
}
