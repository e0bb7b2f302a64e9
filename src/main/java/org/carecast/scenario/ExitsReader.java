package org.carecast.scenario;

import org.carecast.model.ExitReason;
import org.carecast.scenario.Scenario.Exits;
import org.carecast.scenario.Scenario.TimeInCareBand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code exits}: hazards by age band, time-in-care multipliers, reasons by age band,
 * and how uncertain the hazards and reasons are.
 */
final class ExitsReader {

    private final ScenarioFrame frame;

    ExitsReader(ScenarioFrame frame) {
        this.frame = frame;
    }

    Exits read(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the exit hazards");
        YamlNode.Mapping ratesNode = FieldReader.asMapping(f.required("ratePerYear", "exit hazards per age band"), "exit hazards per age band");
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : ratesNode.entries().entrySet()) {
            frame.requireBand(e.getKey(), ratesNode.keyLocations().get(e.getKey()), e.getValue().path());
            rates.put(e.getKey(), FieldReader.number(e.getValue(), 0, 365, "a hazard per year, 0 or more"));
        }
        frame.requireAllBands(rates.keySet(), ratesNode);
        List<TimeInCareBand> tic = new ArrayList<>();
        YamlNode ticNode = f.optional("timeInCare");
        if (ticNode != null) {
            for (YamlNode item : FieldReader.asSequence(ticNode, "a list of time-in-care bands").items()) {
                FieldReader t = FieldReader.of(item, "a time-in-care band");
                YamlNode fromNode = t.required("fromYears", "a time in care in years");
                double fromYears = FieldReader.number(fromNode, 0, 18, "a time in care in years from 0 to 18");
                double multiplier = t.number("multiplier", 0, 1000, "a non-negative multiplier");
                t.finish();
                if (tic.isEmpty() && fromYears != 0) {
                    throw new ScenarioException(fromNode.location(), fromNode.path(), "expected the first band to start at 0 years");
                }
                if (!tic.isEmpty() && fromYears <= tic.get(tic.size() - 1).fromYears()) {
                    throw new ScenarioException(fromNode.location(), fromNode.path(), "expected bands in increasing order");
                }
                tic.add(new TimeInCareBand(fromYears, multiplier));
            }
        }
        YamlNode.Mapping reasonsNode = FieldReader.asMapping(f.required("reasons", "exit reason shares per age band"), "exit reason shares per age band");
        Map<String, Map<String, Double>> reasons = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : reasonsNode.entries().entrySet()) {
            frame.requireBand(e.getKey(), reasonsNode.keyLocations().get(e.getKey()), e.getValue().path());
            YamlNode.Mapping shares = FieldReader.asMapping(e.getValue(), "shares by exit reason");
            Map<String, Double> byReason = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<String, YamlNode> r : shares.entries().entrySet()) {
                if (!ExitReason.drawnIds().contains(r.getKey())) {
                    String hint = Suggestions.closest(r.getKey(), ExitReason.drawnIds()).map(s -> "; did you mean '" + s + "'?").orElse("");
                    throw new ScenarioException(shares.keyLocations().get(r.getKey()), r.getValue().path(),
                            "unknown exit reason, expected one of " + ExitReason.drawnIds() + hint);
                }
                double share = FieldReader.number(r.getValue(), 0, 1, "a share from 0 to 1");
                byReason.put(r.getKey(), share);
                total += share;
            }
            ScenarioFrame.requireSumOne(total, shares, shares.path());
            reasons.put(e.getKey(), byReason);
        }
        frame.requireAllBands(reasons.keySet(), reasonsNode);
        double rateLogSd = 0;
        Map<String, Double> reasonCounts = new LinkedHashMap<>();
        YamlNode uncertaintyNode = f.optional("uncertainty");
        if (uncertaintyNode != null) {
            FieldReader u = FieldReader.of(uncertaintyNode, "how uncertain the exit hazards are");
            rateLogSd = u.number("rateLogSd", 0, 2,
                    "the standard deviation of the log of a multiplier on every exit hazard, 0 to 2 (0.1 is about 10%)");
            YamlNode countsNode = u.optional("reasonCounts");
            if (countsNode != null) {
                YamlNode.Mapping counts = FieldReader.asMapping(countsNode, "exits counted per age band, for the reason shares");
                for (Map.Entry<String, YamlNode> e : counts.entries().entrySet()) {
                    frame.requireBand(e.getKey(), counts.keyLocations().get(e.getKey()), e.getValue().path());
                    reasonCounts.put(e.getKey(), FieldReader.number(e.getValue(), 0, 1e7,
                            "the number of exits the band's reason shares come from, 0 or more"));
                }
            }
            u.finish();
        }
        f.finish();
        return new Exits(rates, tic, reasons, rateLogSd, reasonCounts);
    }
}
