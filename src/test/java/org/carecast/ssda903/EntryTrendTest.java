package org.carecast.ssda903;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log-linear entry trend: on Poisson entries generated with a known yearly trend (rate
 * r0 (1 + g)^(t / 365.25) per day over a 3-year window), the fit's 95% interval holds the true
 * trend in about 95% of datasets, and its rate at the window's end is unbiased.
 */
class EntryTrendTest {

    @Test
    void theFittedTrendRecoversTheTruthWithinItsInterval() {
        double span = 3 * 365.25;
        for (double g : new double[] {-0.3, 0, 0.15}) {
            SplittableRandom random = new SplittableRandom(77);
            int covered = 0;
            int datasets = 400;
            double endRates = 0;
            int breaks = 0;
            double b = Math.log(1 + g) / 365.25;
            double perDayAtStart = 20 * 12 / 365.25;
            for (int d = 0; d < datasets; d++) {
                List<Double> days = new ArrayList<>();
                // Inversion of the cumulative hazard r0 (exp(b t) - 1) / b.
                double t = 0;
                while (true) {
                    double target = -Math.log(random.nextDouble());
                    double cumulativeAtT = b == 0 ? perDayAtStart * t : perDayAtStart * Math.expm1(b * t) / b;
                    double total = cumulativeAtT + target;
                    t = b == 0 ? total / perDayAtStart : Math.log1p(total * b / perDayAtStart) / b;
                    if (!(t < span)) {
                        break;
                    }
                    days.add(t);
                }
                Calibration.EntryTrend fit = Calibration.EntryTrend.fit(days, span);
                covered += fit.lower() <= g && g <= fit.upper() ? 1 : 0;
                endRates += fit.monthlyRateAtEnd() / datasets;
                breaks += fit.breakDay() > 0 ? 1 : 0;
            }
            double trueEnd = perDayAtStart * Math.exp(b * span) * 365.25 / 12;
            System.out.printf(Locale.ROOT, "entry trend %.2f: interval held it in %d of %d datasets; rate at the end %.2f"
                    + " (truth %.2f); a break found in %d%n", g, covered, datasets, endRates, trueEnd, breaks);
            assertTrue(breaks <= 0.03 * datasets, "breaks found where there is none: " + breaks);
            assertTrue(covered >= 0.92 * datasets && covered <= 0.98 * datasets, "coverage " + covered + " of " + datasets);
            assertEquals(trueEnd, endRates, 0.03 * trueEnd);
        }
    }

    /**
     * Entries falling 10% a year that halve at a stroke a year before the as-at date: a break
     * is found (near the step in most datasets), and the 95% interval of the rate at the end (rate times exp(+-1.96 rateLogSd))
     * holds the true rate in about 95% of datasets. A single line through the window would put
     * the rate at the end well above the truth (it is printed for comparison).
     */
    @Test
    void aStepChangeIsFoundAndTheRateAfterItRecovered() {
        double span = 3 * 365.25;
        double stepAt = 2 * 365.25;
        double b = Math.log(0.9) / 365.25;
        double perDayAtStart = 20 * 12 / 365.25;
        double trueEnd = perDayAtStart * 0.5 * Math.exp(b * span) * 365.25 / 12;
        SplittableRandom random = new SplittableRandom(78);
        int datasets = 400;
        int covered = 0;
        int found = 0;
        int near = 0;
        double endRates = 0;
        double oneLine = 0;
        for (int d = 0; d < datasets; d++) {
            // Thinning: candidates at the highest rate, kept with probability rate(t) / highest.
            List<Double> days = new ArrayList<>();
            double t = 0;
            while (true) {
                t += -Math.log(random.nextDouble()) / perDayAtStart;
                if (t >= span) {
                    break;
                }
                double rate = perDayAtStart * Math.exp(b * t) * (t >= stepAt ? 0.5 : 1);
                if (random.nextDouble() < rate / perDayAtStart) {
                    days.add(t);
                }
            }
            Calibration.EntryTrend fit = Calibration.EntryTrend.fit(days, span);
            double lower = fit.monthlyRateAtEnd() * Math.exp(-1.96 * fit.rateLogSdAtEnd());
            double upper = fit.monthlyRateAtEnd() * Math.exp(1.96 * fit.rateLogSdAtEnd());
            covered += lower <= trueEnd && trueEnd <= upper ? 1 : 0;
            found += fit.breakDay() > 0 ? 1 : 0;
            near += Math.abs(fit.breakDay() - stepAt) <= 3 * 365.25 / 12 ? 1 : 0;
            endRates += fit.monthlyRateAtEnd() / datasets;
            oneLine += Calibration.EntryTrend.line(days, span).monthlyRateAtEnd() / datasets;
        }
        System.out.printf(Locale.ROOT, "step change: a break found in %d of %d datasets (%d within 3 months of it); interval of"
                + " the rate at the end held the truth in %d; mean rate at the end %.2f (truth %.2f; one line through the"
                + " window: %.2f)%n", found, datasets, near, covered, endRates, trueEnd, oneLine);
        // The breaks missed are the datasets where chance made the step look small, so missing them costs little bias.
        assertTrue(found >= 0.75 * datasets, "break found in " + found);
        assertTrue(near >= 0.5 * datasets, "break placed within 3 months in " + near);
        assertTrue(Math.abs(oneLine - trueEnd) > 0.08 * trueEnd, "the step matters: one line is off by more than 8%");
        assertTrue(covered >= 0.88 * datasets && covered <= 0.98 * datasets, "coverage " + covered + " of " + datasets);
        assertEquals(trueEnd, endRates, 0.05 * trueEnd);
    }
}
