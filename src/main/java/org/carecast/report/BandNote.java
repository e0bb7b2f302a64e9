package org.carecast.report;

import org.carecast.model.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run's 90% bands hold, in one plain paragraph for every report: always chance (which
 * children arrive, when, and how their placements go); the estimation error of the rates the
 * scenario gives uncertainty for; and, said plainly, what they leave out. A band read as "the
 * range of outcomes" when it holds chance alone is the confident wrong number users must not get.
 */
public final class BandNote {

    private BandNote() {
    }

    public static String of(Model model) {
        return text(model, "The 90% bands hold");
    }

    /**
     * For compare: each scenario's bands as {@link #of}, and what the bands of the paired
     * savings mean.
     */
    public static String forComparison(Model base) {
        return text(base, "The 90% bands of each scenario hold") + " The bands of the savings are of paired differences:"
                + " chance mostly cancels in them, and a single-number assumption the scenarios share is not tested by them.";
    }

    private static String text(Model model, String opening) {
        List<String> drawn = new ArrayList<>();
        if (model.entries().rateLogSd() > 0) {
            drawn.add("the entry rate");
        }
        if (model.entries().trendSdPerYear() > 0) {
            drawn.add("the entry trend");
        }
        if (model.exits().rateLogSd() > 0) {
            drawn.add("the exit rates");
        }
        if (model.breakdown().uncertain()) {
            drawn.add("the breakdown rates");
        }
        String rates = drawn.isEmpty() ? "" : " and the uncertainty the scenario gives for " + join(drawn)
                + " (drawn once per replication)";
        return opening + " chance (which children arrive, when, and how their placements go)" + rates
                + ". They do not hold uncertainty in the prices, inflation, capacity, intervention effects and other"
                + " figures the scenario gives as single numbers: a different assumption can move a figure by more than"
                + " its band (try one with --set PATH=VALUE).";
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
