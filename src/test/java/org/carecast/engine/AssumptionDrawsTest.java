package org.carecast.engine;

import org.carecast.model.Model;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Uncertain rates drawn once per replication. With unlimited places, entries at lambda and
 * exits at mu k (k = exp(s z), z standard normal, one per replication), the number in care long
 * after an empty start is Poisson with mean lambda / (mu k) given k; so over replications its
 * mean is (lambda / mu) e^(s^2 / 2) and its variance that mean plus (lambda / mu)^2 Var(1 / k),
 * (lambda / mu)^2 (e^(2 s^2) - e^(s^2)). Likewise an entry rate times k: mean (lambda / mu) e^(s^2 / 2).
 * Without uncertainty the variance is the Poisson mean alone.
 */
class AssumptionDrawsTest {

    static final double LAMBDA_PER_DAY = 0.5;
    static final double MEAN_STAY_DAYS = 120;

    /** Mean and variance over replications of {@code figure} of each replication's result. */
    static double[] moments(String yaml, int replications, long seed,
                            java.util.function.ToIntBiFunction<Model, ReplicationResult> figure) {
        Model model = Scenarios.compile(yaml);
        Replication replication = new Replication(model);
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < replications; r++) {
            int n = figure.applyAsInt(model, replication.run(seed, r));
            sum += n;
            sumSq += (double) n * n;
        }
        double mean = sum / replications;
        return new double[] {mean, sumSq / replications - mean * mean};
    }

    /** The mean of a Poisson count whose mean is {@code a} times a lognormal of log-sd {@code s} and mean-log 0. */
    static double poissonLognormalMean(double a, double s) {
        return a * Math.exp(s * s / 2);
    }

    /** Its variance: the Poisson's own (the mean) plus that of its mean, a^2 (e^(2 s^2) - e^(s^2)). */
    static double poissonLognormalVariance(double a, double s) {
        return poissonLognormalMean(a, s) + a * a * (Math.exp(2 * s * s) - Math.exp(s * s));
    }

    static double[] momentsOfStock(String yaml, int replications) {
        return moments(yaml, replications, 5, (model, result) -> result.childrenInCare(model.time().months()));
    }

    @Test
    void anUncertainExitRateWidensTheBandAsTheLognormalSays() {
        double s = 0.3;
        String base = Scenarios.queue("unlimited", LAMBDA_PER_DAY, MEAN_STAY_DAYS, 36);
        String uncertain = base.replaceFirst("(?m)^  reasons:", "  uncertainty: {rateLogSd: " + s + "}\n  reasons:");
        double a = LAMBDA_PER_DAY * MEAN_STAY_DAYS;
        double[] known = momentsOfStock(base, 2000);
        double[] drawn = momentsOfStock(uncertain, 2000);
        double mean = poissonLognormalMean(a, s);
        double variance = poissonLognormalVariance(a, s);
        System.out.printf(Locale.ROOT, "exit rate known: mean %.1f variance %.1f (Poisson %.1f); uncertain (sd %.1f): mean %.1f"
                + " (expected %.1f), variance %.1f (expected %.1f)%n", known[0], known[1], a, s, drawn[0], mean, drawn[1], variance);
        assertEquals(a, known[0], 4 * Math.sqrt(a / 2000));
        assertEquals(a, known[1], 0.15 * a);
        assertEquals(mean, drawn[0], 4 * Math.sqrt(variance / 2000));
        assertEquals(variance, drawn[1], 0.15 * variance);
    }

    @Test
    void anUncertainEntryRateScalesTheMeanByTheLognormalMean() {
        double s = 0.3;
        String uncertain = Scenarios.queue("unlimited", LAMBDA_PER_DAY, MEAN_STAY_DAYS, 36)
                .replaceFirst("(?m)^  ageShares:", "  uncertainty: {rateLogSd: " + s + "}\n  ageShares:");
        double a = LAMBDA_PER_DAY * MEAN_STAY_DAYS;
        double[] drawn = momentsOfStock(uncertain, 2000);
        double mean = poissonLognormalMean(a, s);
        double variance = poissonLognormalVariance(a, s);
        System.out.printf(Locale.ROOT, "entry rate uncertain (sd %.1f): mean %.1f (expected %.1f), variance %.1f (expected %.1f)%n",
                s, drawn[0], mean, drawn[1], variance);
        assertEquals(mean, drawn[0], 4 * Math.sqrt(variance / 2000));
        assertEquals(variance, drawn[1], 0.15 * variance);
    }

    /**
     * Breakdown rates drawn per replication: N children who never leave, in one unlimited type
     * with breakdown rate beta times k, re-placed there after each breakdown, break down
     * Poisson(N beta k T) times in T years given k; so over replications the mean is
     * N beta T e^(s^2 / 2) and the variance that mean plus (N beta T)^2 (e^(2 s^2) - e^(s^2)).
     * Another type's sd must not change this type's draw.
     */
    @Test
    void anUncertainBreakdownRateWidensTheBandAsTheLognormalSays() {
        double s = 0.25;
        int children = 200;
        double beta = 0.5;
        double[] drawn = momentsOfBreakdowns(breakdowns(children, beta, "a: " + s), 2000);
        double[] withOther = momentsOfBreakdowns(breakdowns(children, beta, "a: " + s + ", b: 0.7"), 2000);
        double[] known = momentsOfBreakdowns(breakdowns(children, beta, null), 2000);
        double a = children * beta * 365 / 365.25;
        double mean = poissonLognormalMean(a, s);
        double variance = poissonLognormalVariance(a, s);
        System.out.printf(Locale.ROOT, "breakdowns, rate known: mean %.1f variance %.1f (Poisson %.1f); uncertain (sd %.2f): mean"
                + " %.1f (expected %.1f), variance %.0f (expected %.0f)%n", known[0], known[1], a, s, drawn[0], mean, drawn[1], variance);
        assertEquals(a, known[0], 4 * Math.sqrt(a / 2000));
        assertEquals(a, known[1], 0.15 * a);
        assertEquals(mean, drawn[0], 4 * Math.sqrt(variance / 2000));
        assertEquals(variance, drawn[1], 0.15 * variance);
        assertEquals(drawn[0], withOther[0], 1e-9, "another type's uncertainty leaves this type's draws alone");
    }

    static double[] momentsOfBreakdowns(String yaml, int replications) {
        return moments(yaml, replications, 9, (model, result) -> java.util.Arrays.stream(result.breakdowns).sum());
    }

    /** Children who never leave one unlimited type, re-placed there after every breakdown. */
    static String breakdowns(int children, double perYear, String sds) {
        return Scenarios.closedPopulation(children, perYear, 12,
                sds == null ? "" : "breakdownUncertainty: {rateLogSd: {" + sds + "}}");
    }
}
