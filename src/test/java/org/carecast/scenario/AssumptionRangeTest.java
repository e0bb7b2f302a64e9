package org.carecast.scenario;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.carecast.engine.ReplicationResult;
import org.carecast.engine.Simulator;
import org.carecast.model.Model;
import org.carecast.model.ReplicationModels;
import org.carecast.results.Aggregator;
import org.carecast.results.OutputMetric;
import org.carecast.results.Projection;
import org.carecast.results.Table;
import org.carecast.results.VarianceSplit;
import org.carecast.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranged assumptions: each replication pair draws each range once, by its inverse CDF on a
 * keyed uniform, and the drawn values follow the distribution written (Kolmogorov-Smirnov
 * against closed forms coded here, not by the code under test); pairs share their draws; two
 * scenarios sharing a range draw alike, so their paired difference keeps its small variance;
 * the split of the variance into assumptions and chance matches the law of total variance;
 * bad ranges are located errors.
 */
class AssumptionRangeTest {

    private static final long SEED = 11;
    private static final int PAIRS = 1500;

    /** The closed population with type a's weekly cost (and whatever else) replaced by {@code cost}. */
    private static UncertainScenario closed(String cost, String extra) {
        String yaml = Scenarios.closedPopulation(10, 0.5, 12, extra).replace("weeklyCost: 500", "weeklyCost: " + cost);
        return ScenarioReader.parseUncertain(Path.of("ranged.yaml"), yaml);
    }

    /** Type a's weekly cost in the model of each replication pair. */
    private static double[] drawnWeeklyCosts(UncertainScenario s) {
        ReplicationModels models = AssumptionDraws.of(s, SEED);
        double[] out = new double[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            out[k] = models.forReplication(2 * k).placements().costPerChildDay()[0] * 7;
        }
        return out;
    }

    private static double ksPValue(RealDistribution d, double[] x) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d, x, false);
    }

    @Test
    void aPertRangeDrawsFromTheBetaOnItsLowAndHigh() {
        double[] x = drawnWeeklyCosts(closed("{central: 600, low: 400, high: 1000}", ""));
        // PERT: beta with alpha = 1 + 4 (mode - low) / (high - low), beta = 1 + 4 (high - mode) / (high - low).
        BetaDistribution beta = new BetaDistribution(1 + 4 * 200 / 600.0, 1 + 4 * 400 / 600.0);
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            assertTrue(x[i] >= 400 && x[i] <= 1000, "draw " + x[i]);
            scaled[i] = (x[i] - 400) / 600;
        }
        assertTrue(ksPValue(beta, scaled) > 0.001, "PERT draws against Beta(" + beta.getAlpha() + ", " + beta.getBeta() + ")");
        // The mean of a PERT is (low + 4 central + high) / 6.
        assertEquals((400 + 4 * 600 + 1000) / 6.0, mean(x), 5);
    }

    @Test
    void otherShapesDrawFromTheirDistributions() {
        assertTrue(ksPValue(new TriangularDistribution(400, 500, 900),
                drawnWeeklyCosts(closed("{distribution: triangular, central: 500, low: 400, high: 900}", ""))) > 0.001);
        assertTrue(ksPValue(new LogNormalDistribution(Math.log(700), 0.3),
                drawnWeeklyCosts(closed("{distribution: lognormal, median: 700, logSd: 0.3}", ""))) > 0.001);
        // A normal on a price is cut at the field's lower limit, 0: the truncated normal, not a clip at 0.
        double[] x = drawnWeeklyCosts(closed("{distribution: normal, mean: 100, sd: 100}", ""));
        NormalDistribution n = new NormalDistribution(100, 100);
        double below = n.cumulativeProbability(0);
        RealDistribution truncated = new Cdf(v -> v < 0 ? 0 : (n.cumulativeProbability(v) - below) / (1 - below));
        assertTrue(ksPValue(truncated, x) > 0.001, "truncated normal");
        assertTrue(mean(x) > 100, "truncation at 0 raises the mean");
    }

    @Test
    void aBetaShareAndAWholeNumberAndADateDrawTheirOwnKinds() {
        UncertainScenario s = ScenarioReader.parseUncertain(Path.of("r.yaml"), Scenarios.queue("10", 0.05, 200, 24)
                .replace("capacity: 10,", "capacity: {distribution: uniform, low: 8, high: 12},\n     capacityChanges: [{date:"
                        + " {distribution: triangular, central: 2025-10-01, low: 2025-07-01, high: 2026-04-01}, change: 1}],")
                .replace("location: out_of_borough,", "location: out_of_borough, outOfBoroughShare: {distribution: beta, alpha: 2, beta: 5},"));
        ReplicationModels models = AssumptionDraws.of(s, SEED);
        double[] share = new double[PAIRS];
        int[] places = new int[13];
        double days = 0;
        for (int k = 0; k < PAIRS; k++) {
            Model m = models.forReplication(2 * k);
            share[k] = m.placements().outOfBoroughShare()[1];
            places[m.capacity().initial()[0]]++;
            double day = m.capacity().changeDay()[0];
            assertEquals(Math.rint(day), day, "a drawn date is a whole day");
            days += day / PAIRS;
        }
        assertTrue(ksPValue(new BetaDistribution(2, 5), share) > 0.001, "beta share");
        // Places: uniform on [8, 12] rounded, so 8 and 12 each take half the weight of 9, 10 and 11.
        assertEquals(0, countBelow(places, 8) + countAbove(places, 12));
        assertEquals(PAIRS / 8.0, places[8], 5 * Math.sqrt(PAIRS / 8.0));
        assertEquals(PAIRS / 4.0, places[10], 5 * Math.sqrt(PAIRS / 4.0));
        // Triangular dates: mean (low + central + high) / 3, in days from the start.
        double start = LocalDate.of(2025, 4, 1).toEpochDay();
        double expected = (LocalDate.of(2025, 7, 1).toEpochDay() + LocalDate.of(2025, 10, 1).toEpochDay()
                + LocalDate.of(2026, 4, 1).toEpochDay()) / 3.0 - start;
        // Within four standard errors: sd of the triangular (91, 183, 365 days) is 56.9 days.
        assertEquals(expected, days, 4 * 56.9 / Math.sqrt(PAIRS));
    }

    @Test
    void aPairSharesItsDrawsAndPairsDiffer() {
        ReplicationModels models = AssumptionDraws.of(closed("{central: 600, low: 400, high: 1000}", ""), SEED);
        double first = models.forReplication(6).placements().costPerChildDay()[0];
        assertEquals(first, models.forReplication(7).placements().costPerChildDay()[0]);
        assertNotEquals(first, models.forReplication(8).placements().costPerChildDay()[0]);
        // The draw depends on the seed, the pair and the assumption's name only: the same in a scenario with more ranges.
        ReplicationModels more = AssumptionDraws.of(closed("{central: 600, low: 400, high: 1000}",
                "breakdownFrailty: {variance: {central: 1, low: 0.5, high: 2}}"), SEED);
        assertEquals(first, more.forReplication(6).placements().costPerChildDay()[0]);
    }

    @Test
    void rangesSharingANameDrawTogetherAndSwingTogether() {
        UncertainScenario s = ScenarioReader.parseUncertain(Path.of("named.yaml"), Scenarios.closedPopulation(10, 0.5, 12, "")
                .replace("weeklyCost: 500,", "weeklyCost: {central: 500, low: 400, high: 700, name: carer_fee},")
                .replace("weeklyCost: 900,", "weeklyCost: {central: 900, low: 800, high: 1100, name: carer_fee},"));
        assertEquals(1, s.ranges().size(), "one assumption");
        assertEquals("carer_fee", s.ranges().get(0).key());
        ReplicationModels models = AssumptionDraws.of(s, SEED);
        for (int k = 0; k < 50; k++) {
            double[] cost = models.forReplication(2 * k).placements().costPerChildDay();
            // The same uniform in both: the same point of two PERTs of the same shape, 400 apart.
            assertEquals(cost[0] * 7 + 400, cost[1] * 7, 1e-6);
        }
        double[] high = ModelCompiler.compile(s.withOne("carer_fee", 1)).placements().costPerChildDay();
        assertEquals(700, high[0] * 7, 1e-9);
        assertEquals(1100, high[1] * 7, 1e-9);
        assertThrows(ScenarioException.class, () -> ScenarioReader.parseUncertain(Path.of("n.yaml"), Scenarios.closedPopulation(10, 0.5, 12, "")
                .replace("weeklyCost: 500,", "weeklyCost: {central: 500, low: 400, high: 700, name: 'a b'},")));
    }

    @Test
    void twoScenariosSharingARangeStayPaired() {
        // The same market price range in both; the option has more council places. Paired, the
        // difference carries neither the price draw nor most of the chance.
        String base = Scenarios.queue("10", 0.05, 200, 36).replace("weeklyCost: 1400", "weeklyCost: {central: 1400, low: 900, high: 2400}");
        UncertainScenario a = ScenarioReader.parseUncertain(Path.of("a.yaml"), base);
        UncertainScenario b = ScenarioReader.parseUncertain(Path.of("b.yaml"), base.replace("capacity: 10,", "capacity: 12,"));
        int reps = 400;
        double[][] net = new double[2][reps];
        Simulator.runDrawn(List.of(AssumptionDraws.of(a, SEED), AssumptionDraws.of(b, SEED)), reps, SEED, 2, (i, results) -> {
            for (int k = 0; k < 2; k++) {
                net[k][i] = total(results[k]);
            }
        }, null);
        double[] diff = new double[reps];
        for (int i = 0; i < reps; i++) {
            diff[i] = net[0][i] - net[1][i];
        }
        double ratio = variance(diff) / (variance(net[0]) + variance(net[1]));
        assertTrue(ratio < 0.05, "paired variance ratio " + ratio);
        // Drawn independently (another seed for the option's ranges and chance), the ratio is near 1.
        double[] other = new double[reps];
        Simulator.run(AssumptionDraws.of(b, SEED + 1), reps, SEED + 1, 2, (i, r) -> other[i] = total(r), null);
        for (int i = 0; i < reps; i++) {
            diff[i] = net[0][i] - other[i];
        }
        double unpaired = variance(diff) / (variance(net[0]) + variance(other));
        assertTrue(unpaired > 0.7, "unpaired ratio " + unpaired);
    }

    @Test
    void theSplitOfTheVarianceMatchesTheLawOfTotalVariance() {
        // Net cost = price x child-days in the market; the price does not change where children go, so
        // Var(Y) = Var(P) E[D]^2 + E[P^2] Var(D), of which chance is E[P^2] Var(D).
        String yaml = Scenarios.queue("0", 0.08, 300, 12)
                .replace("weeklyCost: 1400", "weeklyCost: {central: 1400, low: 1000, high: 2200}");
        UncertainScenario s = ScenarioReader.parseUncertain(Path.of("split.yaml"), yaml);
        int reps = 4000;
        double[] days = new double[reps];
        Simulator.run(ModelCompiler.compile(s.central()), reps, SEED, 2,
                (i, r) -> days[i] = total(r) / r.model.placements().costPerChildDay()[1], null);
        double meanD = mean(days);
        double varD = variance(days);
        double a = 1000;
        double c = 1400;
        double b = 2200;
        double alpha = 1 + 4 * (c - a) / (b - a);
        double beta = 1 + 4 * (b - c) / (b - a);
        double meanP = (a + (b - a) * alpha / (alpha + beta)) / 7;
        double varP = Math.pow((b - a) / 7, 2) * alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1));
        double chance = (varP + meanP * meanP) * varD;
        double share = 1 - chance / (varP * meanD * meanD + chance);

        Aggregator aggregator = new Aggregator(ModelCompiler.compile(s.central()), reps);
        Simulator.run(AssumptionDraws.of(s, SEED), reps, SEED, 2, aggregator, null);
        Projection p = aggregator.projection();
        VarianceSplit split = p.split(Table.YEARLY, OutputMetric.NET_COST, "all", "2025/26").orElseThrow();
        assertEquals(reps / 2, split.pairs());
        assertEquals(share, split.assumptionShare(), 0.06, "assumptions' share of the variance");
        assertTrue(share > 0.2 && share < 0.9, "the case tests a real mix: " + share);

        // A range of zero width leaves chance alone.
        UncertainScenario fixed = ScenarioReader.parseUncertain(Path.of("fixed.yaml"),
                yaml.replace("{central: 1400, low: 1000, high: 2200}", "{central: 1400, low: 1400, high: 1400}"));
        Aggregator plain = new Aggregator(ModelCompiler.compile(fixed.central()), reps);
        Simulator.run(AssumptionDraws.of(fixed, SEED), reps, SEED, 2, plain, null);
        assertTrue(plain.projection().split(Table.YEARLY, OutputMetric.NET_COST, "all", "2025/26").orElseThrow()
                .assumptionShare() < 0.06);
    }

    @Test
    void aRangedRunIsTheSameWhateverTheThreadCount() {
        UncertainScenario s = ScenarioReader.parseUncertain(Path.of("t.yaml"), Scenarios.queue("10", 0.05, 200, 24)
                .replace("weeklyCost: 1400", "weeklyCost: {central: 1400, low: 900, high: 2400}")
                .replace("capacity: 10,", "capacity: {distribution: uniform, low: 6, high: 14},"));
        List<Projection.Row> one = null;
        for (int threads : new int[] {1, 3}) {
            Aggregator aggregator = new Aggregator(ModelCompiler.compile(s.central()), 101);
            Simulator.run(AssumptionDraws.of(s, SEED), 101, SEED, threads, aggregator, null);
            Projection p = aggregator.projection();
            if (one == null) {
                one = p.rows();
            } else {
                assertEquals(one, p.rows(), "projection with " + threads + " threads");
            }
        }
    }

    @Test
    void badRangesAreLocatedErrors() {
        assertError("{central: 600, low: 700, high: 1000}", "weeklyCost.central", "from the low end to the high end");
        assertError("{central: 600, low: 400, high: 300}", "weeklyCost.high", "at or above the low end");
        assertError("{central: 600, low: -100, high: 1000}", "weeklyCost", "reaches outside it");
        assertError("{central: 600, lwo: 400, high: 1000}", "weeklyCost.lwo", "did you mean 'low'");
        assertError("{distribution: pret, central: 600, low: 400, high: 1000}", "weeklyCost.distribution", "did you mean 'pert'");
        assertError("{distribution: normal, mean: 600}", "weeklyCost.sd", "missing; expected the standard deviation");
        assertError("{central: 2026-01-01, low: 2025-01-01, high: 2027-01-01}", "weeklyCost", "found a range of dates");
        assertError("{low: 400, high: 1000}", "weeklyCost", "an uncertain number is written {central: C, low: L, high: H}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parseUncertain(Path.of("t.yaml"),
                Scenarios.closedPopulation(10, 0.5, 12, "").replace("id: b,", "id: b, label: {central: 1, low: 0, high: 2},")));
        assertTrue(e.getMessage().contains("expected a text value, found a range"), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.yaml:"), e.getMessage());

        // Fields that shape the outputs take one value.
        ScenarioException shape = assertThrows(ScenarioException.class, () -> ScenarioReader.parseUncertain(Path.of("h.yaml"),
                Scenarios.closedPopulation(10, 0.5, 12, "").replace("horizon: 12", "horizon: {central: 12, low: 6, high: 18}")));
        assertTrue(shape.getMessage().startsWith("h.yaml:") && shape.getMessage().contains("cannot be a range"), shape.getMessage());

        // A range that breaks a rule between fields at one end: found before simulating, naming the end.
        UncertainScenario shares = ScenarioReader.parseUncertain(Path.of("s.yaml"), Scenarios.closedPopulation(10, 0.5, 12, "")
                .replace("entryShare: 1}", "entryShare: {central: 1, low: 0.9, high: 1}}"));
        ScenarioException broken = assertThrows(ScenarioException.class, shares::checkExtremes);
        assertTrue(broken.getMessage().contains("when needLevels[standard].entryShare is at its low value"), broken.getMessage());

        // Given on the command line: located at the --set.
        ScenarioException set = assertThrows(ScenarioException.class, () -> ScenarioReader.readUncertain(
                Path.of("src/test/resources/scenarios/small.yaml"),
                Overrides.parse(List.of("placementTypes[market].weeklyCost={central: 5000, low: 6000, high: 7000}"))));
        assertTrue(set.getMessage().startsWith("--set 1:1:"), set.getMessage());
        assertTrue(set.getMessage().contains("placementTypes[2].weeklyCost.central")
                || set.getMessage().contains("weeklyCost.central"), set.getMessage());
    }

    private static void assertError(String cost, String field, String fragment) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> closed(cost, ""));
        assertTrue(e.getMessage().startsWith("ranged.yaml:"), e.getMessage());
        assertTrue(e.field().endsWith(field), e.field() + " in " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    // ---- helpers ----

    private static double total(ReplicationResult r) {
        double total = 0;
        for (int m = 0; m < r.months; m++) {
            total += r.totalSpend(m);
        }
        return total;
    }

    private static int countBelow(int[] counts, int limit) {
        int n = 0;
        for (int i = 0; i < limit; i++) {
            n += counts[i];
        }
        return n;
    }

    private static int countAbove(int[] counts, int limit) {
        int n = 0;
        for (int i = limit + 1; i < counts.length; i++) {
            n += counts[i];
        }
        return n;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** A distribution given by its CDF alone: what the Kolmogorov-Smirnov test needs. */
    private static final class Cdf extends AbstractRealDistribution {
        private static final long serialVersionUID = 1L;
        private final transient Function<Double, Double> cdf;

        Cdf(Function<Double, Double> cdf) {
            super(null);
            this.cdf = cdf;
        }

        @Override
        public double cumulativeProbability(double x) {
            return cdf.apply(x);
        }

        @Override
        public double density(double x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getNumericalMean() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getNumericalVariance() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getSupportLowerBound() {
            return 0;
        }

        @Override
        public double getSupportUpperBound() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean isSupportLowerBoundInclusive() {
            return true;
        }

        @Override
        public boolean isSupportUpperBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }
}
