package org.carecast.scenario;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An uncertain number in a scenario: written where a single number (or date) would be, as
 * {@code {central: 6100, low: 5200, high: 7400}} or {@code {distribution: normal, mean: 0.03,
 * sd: 0.01}}, in the field's own unit. The central value is what a run uses when assumptions
 * are not drawn (and what {@code sensitivity} holds every other assumption at); a run draws
 * one value per replication pair by the inverse CDF of a keyed uniform (see
 * {@link AssumptionDraws}), so two scenarios sharing a range draw the same value. Ranges given
 * the same {@code name} draw together: one uniform for all of them.
 *
 * <p>Shapes: {@code pert} (the default for central/low/high: a beta on [low, high] with mode
 * central and weight 4, the usual three-point estimate), {@code triangular}, {@code uniform}
 * (central optional: the midpoint), {@code normal} (mean, sd), {@code lognormal} (median,
 * logSd: the standard deviation of the log), {@code beta} (alpha, beta on [0, 1], for
 * shares; central is the mean). Unbounded shapes are truncated to the field's limits (a
 * share stays in [0, 1], a price at 0 or more): the truncated distribution, not a clip. Dates
 * take the three bounded shapes and are drawn to the day; whole-number fields round.
 *
 * @param path     canonical path, items named by id: {@code placementTypes[external_home].weeklyCost};
 *                 it names the keyed random stream, so it must not depend on list order
 * @param location where the range is written
 * @param shape    the distribution
 * @param central  the value used when assumptions are not drawn (days since 1970 for a date)
 * @param a        first parameter: low (bounded shapes), mean, median, or alpha
 * @param b        second parameter: high (bounded shapes), sd, logSd, or beta
 * @param date     whether the values are dates (as epoch days)
 * @param name     the name given with {@code name:} so that several fields draw together (the
 *                 same effect written on three interventions), or null: the draw's key is then the path
 */
public record AssumptionRange(String path, SourceLocation location, Shape shape, double central, double a, double b,
                              boolean date, String name) {

    /**
     * What names this assumption's draw: its {@code name} when given (every range with that name
     * takes the same uniform, and sensitivity swings them together), else its path.
     */
    public String key() {
        return name != null ? name : path;
    }

    /** The distribution of a range. */
    public enum Shape {
        PERT, TRIANGULAR, UNIFORM, NORMAL, LOGNORMAL, BETA;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the support is [low, high] as written (so sensitivity swings to low and high themselves). */
        boolean bounded() {
            return this == PERT || this == TRIANGULAR || this == UNIFORM;
        }
    }

    /** The uniform that gives the low value of a one-at-a-time swing: the low end, or the 5th percentile. */
    public double lowUniform() {
        return shape.bounded() ? 0 : 0.05;
    }

    /** The uniform that gives the high value of a swing: the high end, or the 95th percentile. */
    public double highUniform() {
        return shape.bounded() ? 1 : 0.95;
    }

    /** Whether every draw equals the central value (a range of zero width). */
    public boolean fixed() {
        return shape.bounded() ? a == b : (shape != Shape.BETA && b == 0);
    }

    /**
     * The value at cumulative probability {@code u} of this range truncated to the field's
     * limits [min, max]; {@code u} NaN gives the central value.
     */
    public double quantile(double u, double min, double max) {
        if (Double.isNaN(u) || fixed()) {
            return central;
        }
        // Bounded shapes were checked to lie within the limits (checkFits): no truncation.
        if (shape == Shape.PERT) {
            double alpha = 1 + 4 * (central - a) / (b - a);
            double beta = 1 + 4 * (b - central) / (b - a);
            return a + (b - a) * new BetaDistribution(null, alpha, beta, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                    .inverseCumulativeProbability(u);
        }
        RealDistribution d = distribution();
        if (shape.bounded()) {
            return d.inverseCumulativeProbability(u);
        }
        double lo = Math.max(0, d.cumulativeProbability(min));
        double hi = Math.min(1, d.cumulativeProbability(max));
        double x = d.inverseCumulativeProbability(lo + u * (hi - lo));
        return Math.max(min, Math.min(max, x));
    }

    private RealDistribution distribution() {
        // No random generator: only the inverse CDF is used, on keyed uniforms.
        return switch (shape) {
            case TRIANGULAR -> new TriangularDistribution(null, a, central, b);
            case UNIFORM -> new UniformRealDistribution(null, a, b);
            case NORMAL -> new NormalDistribution(null, a, b, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            case LOGNORMAL -> new LogNormalDistribution(null, Math.log(a), b, LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            case BETA -> new BetaDistribution(null, a, b, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            case PERT -> throw new IllegalStateException("PERT is a scaled beta");
        };
    }

    /** The values a reader sees: "PERT 5,200 to 7,400, central 6,100". */
    public String describe() {
        return switch (shape) {
            case PERT, TRIANGULAR, UNIFORM -> shape.id() + " " + text(a) + " to " + text(b) + ", central " + text(central);
            case NORMAL -> "normal, mean " + text(a) + ", sd " + number(b);
            case LOGNORMAL -> "lognormal, median " + text(a) + ", sd of log " + number(b);
            case BETA -> "beta(" + number(a) + ", " + number(b) + "), mean " + number(central);
        };
    }

    /** A value of this range as written: a date, or a number. */
    public String text(double value) {
        return date ? LocalDate.ofEpochDay(Math.round(value)).toString() : number(value);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    // ---- reading ----

    /**
     * Whether a mapping is written as a range rather than as a structure of the scenario's own:
     * it has a {@code central} or a {@code distribution} key (so those two words cannot be ids
     * of a mapping keyed by id). Its other keys are checked when it is read, with a suggestion
     * for a misspelt one.
     */
    static boolean looksLikeRange(YamlNode.Mapping m) {
        return m.entries().containsKey("central") || m.entries().containsKey("distribution");
    }

    /** Reads a range mapping; {@code path} is its canonical (id-named) path. Errors are located. */
    static AssumptionRange read(YamlNode.Mapping m, String path) {
        FieldReader f = FieldReader.of(m, "a range");
        String shapeId = f.has("distribution")
                ? f.choice("distribution", List.of("pert", "triangular", "uniform", "normal", "lognormal", "beta")) : "pert";
        Shape shape = Shape.valueOf(shapeId.toUpperCase(Locale.ROOT));
        AssumptionRange r = switch (shape) {
            case PERT, TRIANGULAR, UNIFORM -> bounded(f, m, path, shape);
            case NORMAL -> {
                double mean = f.number("mean", -1e15, 1e15, "the mean, a number");
                double sd = f.number("sd", 0, 1e15, "the standard deviation, 0 or more");
                yield new AssumptionRange(path, m.location(), shape, mean, mean, sd, false, null);
            }
            case LOGNORMAL -> {
                double median = f.number("median", Double.MIN_VALUE, 1e15, "the median, more than 0");
                double sd = f.number("logSd", 0, 5, "the standard deviation of the log, 0 to 5 (0.1 is about +/-10%)");
                yield new AssumptionRange(path, m.location(), shape, median, median, sd, false, null);
            }
            case BETA -> {
                double alpha = f.number("alpha", 1e-3, 1e6, "the beta shape alpha, more than 0");
                double beta = f.number("beta", 1e-3, 1e6, "the beta shape beta, more than 0");
                yield new AssumptionRange(path, m.location(), shape, alpha / (alpha + beta), alpha, beta, false, null);
            }
        };
        YamlNode nameNode = f.optional("name");
        if (nameNode != null) {
            String name = FieldReader.text(nameNode, "a name");
            if (!name.matches("[A-Za-z][A-Za-z0-9_.-]{0,79}")) {
                throw new ScenarioException(nameNode.location(), nameNode.path(), "expected a name of letters, digits, '_', '.'"
                        + " or '-' starting with a letter, found '" + name + "'");
            }
            r = new AssumptionRange(path, r.location(), r.shape(), r.central(), r.a(), r.b(), r.date(), name);
        }
        f.finish();
        return r;
    }

    private static AssumptionRange bounded(FieldReader f, YamlNode.Mapping m, String path, Shape shape) {
        YamlNode lowNode = f.required("low", "the low end of the range");
        YamlNode highNode = f.required("high", "the high end of the range");
        YamlNode centralNode = shape == Shape.UNIFORM ? f.optional("central") : f.required("central", "the central value");
        boolean date = isDate(lowNode) || isDate(highNode) || (centralNode != null && isDate(centralNode));
        double low = value(lowNode, date);
        double high = value(highNode, date);
        if (high < low) {
            throw new ScenarioException(highNode.location(), highNode.path(),
                    "expected a high end at or above the low end (" + FieldReader.text(lowNode, "") + "), found "
                            + FieldReader.text(highNode, ""));
        }
        double central = centralNode == null ? (low + high) / 2 : value(centralNode, date);
        if (central < low || central > high) {
            throw new ScenarioException(centralNode.location(), centralNode.path(),
                    "expected a central value from the low end to the high end (" + FieldReader.text(lowNode, "") + " to "
                            + FieldReader.text(highNode, "") + "), found " + FieldReader.text(centralNode, ""));
        }
        return new AssumptionRange(path, m.location(), shape, central, low, high, date, null);
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static boolean isDate(YamlNode node) {
        // A compiled pattern: every draw of a ranged scenario reads its ranges again.
        return node instanceof YamlNode.Scalar s && s.text() != null && DATE.matcher(s.text()).matches();
    }

    private static double value(YamlNode node, boolean date) {
        if (date) {
            return FieldReader.date(node).toEpochDay();
        }
        return FieldReader.number(node, -1e15, 1e15, "a number");
    }

    /**
     * Checks the range against the field it stands for: a bounded range must lie within the
     * field's limits, an unbounded one must have its central value inside them (it is truncated
     * to them); a date range may stand only where a date is expected, and the other way round.
     */
    void checkFits(YamlNode node, double min, double max, String expected, boolean wantDate) {
        if (date != wantDate) {
            throw new ScenarioException(location, node.path(), "expected " + expected + ", found a range of "
                    + (date ? "dates" : "numbers"));
        }
        if (shape.bounded() ? (a < min || b > max) : (central < min || central > max)) {
            throw new ScenarioException(location, node.path(), "expected " + expected + ", found a range "
                    + describe() + (shape.bounded() ? " that reaches outside it" : " whose central value is outside it"));
        }
    }
}
