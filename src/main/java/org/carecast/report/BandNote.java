package org.carecast.report;

import org.carecast.model.Model;
import org.carecast.results.OutputMetric;
import org.carecast.results.Table;
import org.carecast.results.VarianceSplit;

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
        return of(model, List.of());
    }

    /**
     * What the bands of a run hold. How much of their spread the drawn assumptions account for is
     * a measured figure, not a caution: the reports put {@link #split} beside the headline figures.
     *
     * @param ranged the canonical paths of the scenario's ranged assumptions
     */
    public static String of(Model model, List<String> ranged) {
        return text(model, ranged, "The 90% bands hold");
    }

    /**
     * For compare: each scenario's bands as {@link #of}, and what the bands of the paired
     * savings mean.
     */
    public static String forComparison(Model base) {
        return forComparison(base, List.of());
    }

    /** For compare, with the base scenario's ranged assumptions. */
    public static String forComparison(Model base, List<String> ranged) {
        return text(base, ranged, "The 90% bands of each scenario hold") + " The bands of the savings are of paired differences:"
                + " chance mostly cancels in them" + (ranged.isEmpty() ? "" : ", a range the scenarios share is drawn alike in both")
                + ", and a single-number assumption the scenarios share is not tested by them.";
    }

    /** Whether any assumption is drawn per replication: a range, or a rate given with its uncertainty. */
    public static boolean drawsAssumptions(Model model, List<String> ranged) {
        return !ranged.isEmpty() || model.entries().uncertain() || model.entries().shareCount() > 0 || model.exits().rateLogSd() > 0
                || model.exits().reasonsUncertain()
                || model.breakdown().uncertain();
    }

    /**
     * One sentence: how much of the spread of the next financial years' pressure (or net cost)
     * and of the children in care at the end comes from the assumptions, and how much from chance.
     */
    public static String split(List<VarianceSplit> splits) {
        List<String> parts = new ArrayList<>();
        boolean pressure = splits.stream().anyMatch(x -> x.metric() == OutputMetric.PRESSURE);
        int years = 0;
        for (VarianceSplit x : splits) {
            if (x.table() == Table.YEARLY && x.metric() == (pressure ? OutputMetric.PRESSURE : OutputMetric.NET_COST)
                    && years < 2) {
                years++;
                parts.add(share(x) + " of the spread of " + x.period() + (pressure ? " pressure" : " net cost"));
            }
        }
        for (VarianceSplit x : splits) {
            if (x.metric() == OutputMetric.CHILDREN) {
                parts.add(share(x) + " of that of children in care at " + Format.monthLabel(x.period()));
            }
        }
        if (parts.isEmpty() || splits.get(0).pairs() < 10) {
            return parts.isEmpty() ? "" : " Too few replications to say how much of the spread comes from the assumptions"
                    + " (at least 20 are needed).";
        }
        return " The drawn assumptions account for about " + join(parts) + "; chance, the rest (measured over "
                + String.format(java.util.Locale.ROOT, "%,d", splits.get(0).pairs())
                + " pairs of replications that share their assumptions).";
    }

    private static String share(VarianceSplit x) {
        return Math.round(100 * x.assumptionShare()) + "%";
    }

    private static String text(Model model, List<String> ranged, String opening) {
        List<String> drawn = new ArrayList<>();
        if (model.entries().rateLogSd() > 0) {
            drawn.add("the entry rate");
        }
        if (model.entries().trendSdPerYear() > 0) {
            drawn.add("the entry trend");
        }
        if (model.entries().shareCount() > 0) {
            drawn.add("the entries' ages and needs");
        }
        if (model.exits().rateLogSd() > 0) {
            drawn.add("the exit rates");
        }
        if (model.exits().reasonsUncertain()) {
            drawn.add("the reasons children leave");
        }
        if (model.breakdown().uncertain()) {
            drawn.add("the breakdown rates");
        }
        List<String> held = new ArrayList<>();
        if (!drawn.isEmpty()) {
            held.add("the uncertainty the scenario gives for " + join(drawn));
        }
        if (!ranged.isEmpty()) {
            held.add(ranged.size() == 1 ? "the range given for " + ranged.get(0)
                    : "the ranges given for " + ranged.size() + " assumptions: "
                    // Semicolons: a type's label can hold commas ("Placed with parents, for adoption, or other").
                    + String.join("; ", ranged.subList(0, Math.min(4, ranged.size())))
                    + (ranged.size() > 4 ? " and " + (ranged.size() - 4) + " more ('carecast validate' lists them)" : ""));
        }
        String rates = held.isEmpty() ? "" : (held.size() == 1 ? " and " + held.get(0) : ", " + held.get(0) + " and " + held.get(1))
                + ", each drawn once per pair of replications";
        return opening + " chance (which children arrive, when, and how their placements go)" + rates
                + ". They do not hold uncertainty in the " + (ranged.isEmpty() ? "prices, inflation, capacity, intervention effects and other figures"
                : "figures") + " the scenario gives as single numbers: a different assumption can move a figure by more than"
                + " its band (try one with --set PATH=VALUE" + (ranged.isEmpty() ? ", or give it a range" : "") + ").";
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
