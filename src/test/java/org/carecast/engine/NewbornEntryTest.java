package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.model.SteadyState;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entry ages as the engine draws them, against a closed form. Every child enters under 1, no
 * one leaves before their first birthday, and everyone leaves within days of it. The number in
 * care is then Poisson with mean lambda E[365.25 - e] (e the entry age, plus the day or so
 * after the birthday): with a share p entering in their first week and the rest uniform over
 * the rest of the year, E[e] = p 3.5 + (1 - p) (7 + 365.25) / 2. A uniform year (p = 0) gives
 * about 183 days in care, all newborns about 362, so the share shows plainly in the count.
 */
class NewbornEntryTest {

    private static final double LAMBDA = 1.0;
    private static final int REPLICATIONS = 100;

    @Test
    void theShareOfNewbornsSetsHowLongInfantsAreInCare() {
        for (double p : new double[] {0, 0.42, 1}) {
            Model model = Scenarios.compile(scenario(p));
            double meanEntryAge = p * 3.5 + (1 - p) * (7 + 365.25) / 2;
            double expected = LAMBDA * (365.25 - meanEntryAge + 1);
            double mean = meanInCareAtMonth(model, 24);
            double se = Math.sqrt(expected / REPLICATIONS);
            System.out.printf(Locale.ROOT, "NewbornEntryTest: newbornShare %.2f: mean %.1f in care, expected %.1f (se %.1f)%n",
                    p, mean, expected, se);
            assertTrue(Math.abs(mean - expected) < 4 * se, "newbornShare " + p + ": " + mean + " vs " + expected);
            // The steady state the start-versus-flows caution uses sees the same entry ages.
            assertEquals(expected, SteadyState.of(model).children(), 0.01 * expected);
        }
    }

    private static double meanInCareAtMonth(Model model, int month) {
        Replication replication = new Replication(model);
        double sum = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            sum += replication.run(5, r).childrenInCare(month);
        }
        return sum / REPLICATIONS;
    }

    /** The M/M/infinity queue of {@link Scenarios#queue}, with no exits before 1 and all within days after. */
    private static String scenario(double newbornShare) {
        String yaml = Scenarios.queue("unlimited", LAMBDA, 1, 24)
                .replaceFirst("ageShares: \\{\"0\": 1, \"1-17\": 0}", "$0\n  newbornShare: " + newbornShare)
                .replaceFirst("ratePerYear: \\{[^}]*}", "ratePerYear: {\"0\": 0, \"1-17\": 365}");
        if (!yaml.contains("newbornShare") || !yaml.contains("\"0\": 0,")) {
            throw new IllegalStateException("Scenarios.queue changed shape:\n" + yaml);
        }
        return yaml;
    }
}
