package org.carecast.scenario;

import org.carecast.scenario.Scenario.PlacementType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads how breakdowns vary beyond each type's rate: {@code breakdownFrailty} (how prone
 * children are, between children), {@code breakdownUncertainty} (how well each type's rate is
 * known) and {@code breakdownDestinations} (where a breakdown sends a child). Each is optional.
 */
final class BreakdownReader {

    private final Map<String, PlacementType> typesById;

    BreakdownReader(Map<String, PlacementType> typesById) {
        this.typesById = typesById;
    }

    /** The variance of each child's breakdown multiplier (mean 1); 0 when absent. */
    double frailtyVariance(YamlNode frailtyNode) {
        if (frailtyNode == null) {
            return 0;
        }
        FieldReader b = FieldReader.of(frailtyNode, "how breakdown proneness varies between children");
        double frailty = b.number("variance", 0, 10, "the variance of a child's breakdown multiplier (mean 1), 0 to 10");
        b.finish();
        return frailty;
    }

    /**
     * Each type's breakdown rate as an estimate: the standard deviation of its log, by type
     * (only those above 0), so a replication draws its own rate and bands carry the error.
     */
    Map<String, Double> rateLogSd(YamlNode uncertaintyNode) {
        Map<String, Double> breakdownSd = new LinkedHashMap<>();
        if (uncertaintyNode == null) {
            return breakdownSd;
        }
        FieldReader u = FieldReader.of(uncertaintyNode, "how uncertain the breakdown rates are");
        FieldReader bySd = FieldReader.of(u.required("rateLogSd", "a mapping from placement type to a standard deviation"),
                "the standard deviation of the log of each type's breakdown rate");
        for (String id : typesById.keySet()) {
            double sd = bySd.optionalNumber(id, 0, 0, 2, "the standard deviation of the log of the breakdown rate, 0 to 2");
            if (sd > 0) {
                breakdownSd.put(id, sd);
            }
        }
        bySd.finish();
        u.finish();
        return breakdownSd;
    }

    /** Where a breakdown in each type sends a child, as shares by type; the rest are matched by need as usual. */
    Map<String, Map<String, Double>> destinations(YamlNode destinationsNode) {
        Map<String, Map<String, Double>> destinations = new LinkedHashMap<>();
        if (destinationsNode == null) {
            return destinations;
        }
        FieldReader byFrom = FieldReader.of(destinationsNode, "a mapping from placement type to the shares of its breakdowns"
                + " that go to each type");
        for (String from : typesById.keySet()) {
            YamlNode row = byFrom.optional(from);
            if (row == null) {
                continue;
            }
            FieldReader byTo = FieldReader.of(row, "the shares of breakdowns in " + from + " going to each type");
            Map<String, Double> shares = new LinkedHashMap<>();
            double sum = 0;
            for (String to : typesById.keySet()) {
                double share = byTo.optionalNumber(to, 0, 0, 1, "a share from 0 to 1");
                if (share > 0) {
                    shares.put(to, share);
                    sum += share;
                }
            }
            if (sum > 1 + 1e-6) {
                throw new ScenarioException(byTo.location(), "breakdownDestinations." + from,
                        "shares adding up to at most 1, found " + sum);
            }
            byTo.finish();
            destinations.put(from, shares);
        }
        byFrom.finish();
        return destinations;
    }
}
