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
            }
            double trueEnd = perDayAtStart * Math.exp(b * span) * 365.25 / 12;
            System.out.printf(Locale.ROOT, "entry trend %.2f: interval held it in %d of %d datasets; rate at the end %.2f (truth %.2f)%n",
                    g, covered, datasets, endRates, trueEnd);
            assertTrue(covered >= 0.92 * datasets && covered <= 0.98 * datasets, "coverage " + covered + " of " + datasets);
            assertEquals(trueEnd, endRates, 0.03 * trueEnd);
        }
    }
}
