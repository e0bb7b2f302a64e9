package org.carecast.scenario;

import org.carecast.scenario.Scenario.Entries;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code entries}: the monthly rate and its trend, ages and newborns, the care-plan
 * move, unaccompanied asylum-seeking children, and how uncertain the rates and shares are.
 */
final class EntriesReader {

    private final ScenarioFrame frame;

    EntriesReader(ScenarioFrame frame) {
        this.frame = frame;
    }

    Entries read(YamlNode node) {
        FieldReader f = FieldReader.of(node, "the entries into care");
        double monthly = f.number("monthlyRate", 0, 100_000, "a number of entries per month from 0 to 100,000 (all of England is about 2,800)");
        double trend = f.optionalNumber("annualTrend", 0, -0.5, 1, "an annual growth rate from -0.5 to 1, such as 0.02 for 2%");
        Map<String, Double> shares = readBandShares(f.required("ageShares", "shares of entries by age band"), "ageShares");
        // Absent (NaN) means none singled out: entry ages uniform over the whole first band.
        double newborn = f.optionalNumber("newbornShare", Double.NaN, 0, 1,
                "the share of the first age band's entries that come into care in their first week, 0 to 1");
        Scenario.CarePlanMove carePlan = null;
        YamlNode carePlanNode = f.optional("carePlanMove");
        if (carePlanNode != null) {
            FieldReader c = FieldReader.of(carePlanNode, "the move soon after entry that care plans make");
            double share = c.number("share", 0, 1, "the share of children entering care who make that move, 0 to 1");
            double months = c.number("meanMonths", 0.01, 120, "the mean months from entry to the move, more than 0");
            c.finish();
            carePlan = new Scenario.CarePlanMove(share, months);
        }
        Scenario.Uasc uasc = null;
        YamlNode uascNode = f.optional("uasc");
        if (uascNode != null) {
            FieldReader u = FieldReader.of(uascNode, "the entries of unaccompanied asylum-seeking children");
            double rate = u.number("monthlyRate", 0, 10_000, "UASC entries per month, 0 to 10,000");
            double uascTrend = u.optionalNumber("annualTrend", 0, -0.5, 1, "an annual growth rate from -0.5 to 1");
            Map<String, Double> ages = readBandShares(u.required("ageShares", "shares of UASC entries by age band"), "ageShares");
            String need = FieldReader.choice(u.required("need", "the need level they enter with"), frame.needIds());
            u.finish();
            uasc = new Scenario.Uasc(rate, uascTrend, ages, need);
        }
        double rateLogSd = 0;
        double trendSd = 0;
        double shareCount = 0;
        YamlNode uncertaintyNode = f.optional("uncertainty");
        if (uncertaintyNode != null) {
            FieldReader u = FieldReader.of(uncertaintyNode, "how uncertain the entry rate and trend are");
            rateLogSd = u.optionalNumber("rateLogSd", 0, 0, 2,
                    "the standard deviation of the log of the entry rate, 0 to 2 (0.1 is about 10%)");
            trendSd = u.optionalNumber("trendSdPerYear", 0, 0, 1,
                    "the standard deviation of the yearly log trend, 0 to 1");
            shareCount = u.optionalNumber("shareCount", 0, 0, 1e7,
                    "the number of entries the age and need shares were estimated from (0: the shares are known)");
            u.finish();
        }
        f.finish();
        return new Entries(monthly, trend, shares, newborn, carePlan, uasc, rateLogSd, trendSd, shareCount);
    }

    private Map<String, Double> readBandShares(YamlNode node, String what) {
        YamlNode.Mapping m = FieldReader.asMapping(node, "shares by age band");
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            frame.requireBand(e.getKey(), m.keyLocations().get(e.getKey()), e.getValue().path());
            double share = FieldReader.number(e.getValue(), 0, 1, "a share from 0 to 1");
            shares.put(e.getKey(), share);
            total += share;
        }
        ScenarioFrame.requireSumOne(total, m, m.path());
        return shares;
    }
}
