package org.carecast.ssda903;

import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes a complete scenario from {@link Calibration.Estimates}: every figure with a comment
 * saying what it was estimated from (counts, exposure, window, 95% interval), and the fields
 * SSDA903 cannot give (costs, capacity) marked as coming from the mapping or as assumptions.
 * It holds no child identifiers.
 *
 * <p>Each placement type gets a need level ("pathway") holding the share of entries whose first
 * placement was of that type, and a matching rule sending the pathway to that type; so entries
 * arrive in the observed mix, and a child who moves returns to a placement of the same type.
 */
public final class CalibratedScenario {

    /**
     * How the calibrated scenario projects entries: the window's average held flat, a
     * log-linear line through the window, or the line after a step change where one is found
     * ({@link Calibration.EntryTrend}).
     */
    public enum EntryProjection { FLAT, LINE, STEP }

    /** The month entries changed at a stroke, as the step search found it (to the nearest first of a month). */
    public static LocalDate breakDate(Calibration.Estimates e) {
        LocalDate day = e.windowStart().plusDays(Math.round(e.entryStep().breakDay()));
        return day.getDayOfMonth() > 15 ? day.withDayOfMonth(1).plusMonths(1) : day.withDayOfMonth(1);
    }

    /** How every calibrated scenario begins; calibrate replaces an existing file only if it does too. */
    public static final String FIRST_LINE = "# Calibrated by carecast calibrate from SSDA903 returns";

    private CalibratedScenario() {
    }

    public static String yaml(Calibration.Estimates e, PlacementMapping mapping, String sources, String mappingName,
                              int horizonMonths, long seed) {
        return yaml(e, mapping, sources, mappingName, horizonMonths, seed, null, EntryProjection.FLAT);
    }

    /** The header of {@link #actualsCsv}, as a scenario's actuals reader expects it. */
    public static final String ACTUALS_HEADER = "month,placement_type,children,spend";

    /**
     * The children in care by placement type on the first of each month the returns cover in
     * full, from {@code from} to the month before {@code asAt}, for the scenario's {@code actuals}:
     * charts then show the forecast continuing the past. Spend is not in SSDA903 and is left
     * empty. Counts only; no identifier.
     */
    public static String actualsCsv(List<CareHistory.Period> periods, PlacementMapping mapping, java.time.LocalDate from,
                                    java.time.LocalDate asAt) {
        java.time.LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, asAt.withDayOfMonth(1));
        StringBuilder csv = new StringBuilder(ACTUALS_HEADER).append('\n');
        if (months <= 0) {
            return csv.toString();
        }
        int[][] counts = ActualCensus.monthly(periods, mapping, first, months - 1);
        for (int m = 0; m < months; m++) {
            String month = first.plusMonths(m).toString().substring(0, 7);
            for (int t = 0; t < mapping.types().size(); t++) {
                csv.append(month).append(',').append(mapping.types().get(t).id()).append(',').append(counts[m][t]).append(",\n");
            }
        }
        return csv.toString();
    }

    /** The header of {@link #childrenCsv}, as the initial-population reader expects it. */
    public static final String CHILDREN_HEADER = "placement_type,need,age_years,days_in_care,days_in_placement";

    /**
     * The children in care on the as-at date, one row each, for {@code initialPopulation.file}:
     * placement type, pathway (need level), age, days in care and in placement. No identifier.
     */
    public static String childrenCsv(Calibration.Estimates e, PlacementMapping mapping) {
        // A uasc column only where the returns' UASC table says some children are.
        boolean uasc = e.inCareOnAsAt().stream().anyMatch(Calibration.StockChild::uasc);
        StringBuilder csv = new StringBuilder(CHILDREN_HEADER).append(uasc ? ",uasc\n" : "\n");
        for (Calibration.StockChild c : e.inCareOnAsAt()) {
            csv.append(String.format(Locale.ROOT, "%s,via_%s,%.4f,%d,%d", mapping.types().get(c.type()).id(),
                    mapping.types().get(c.pathway()).id(), c.ageYears(), c.daysInCare(), c.daysInPlacement()));
            csv.append(uasc ? (c.uasc() ? ",true\n" : ",false\n") : "\n");
        }
        return csv.toString();
    }

    /**
     * The scenario; with {@code childrenFile} (a CSV from {@link #childrenCsv} beside it), the
     * children at the start are read from it, each with its own age and times, instead of being
     * drawn from counts by band.
     */
    public static String yaml(Calibration.Estimates e, PlacementMapping mapping, String sources, String mappingName,
                              int horizonMonths, long seed, String childrenFile) {
        return yaml(e, mapping, sources, mappingName, horizonMonths, seed, childrenFile, EntryProjection.FLAT);
    }

    /**
     * As above; with {@code trend}, entries start at the rate the fitted log-linear trend gives
     * on the as-at date and change by that trend every year, instead of the window's average
     * held flat.
     */
    public static String yaml(Calibration.Estimates e, PlacementMapping mapping, String sources, String mappingName,
                              int horizonMonths, long seed, String childrenFile, EntryProjection projection) {
        boolean trend = projection != EntryProjection.FLAT;
        StringBuilder y = new StringBuilder();
        int types = mapping.types().size();
        String window = e.windowStart() + " to " + e.asAt();
        String exitWindow = e.exitWindowStart() + " to " + e.asAt();
        y.append(FIRST_LINE).append(" as at ").append(e.asAt()).append(".\n");
        y.append("# Sources: ").append(sources).append("\n");
        y.append("# Rates are estimated over ").append(window).append(" from ").append(e.children())
                .append(" children's records; intervals are exact 95% Poisson intervals.\n");
        y.append("# Costs, categories and locations come from the placement mapping (").append(mappingName)
                .append("), not from SSDA903.\n");
        y.append("# Capacity is not in SSDA903: every type is unlimited here; set council places before testing plans.\n\n");
        y.append("name: Calibrated from SSDA903 as at ").append(e.asAt()).append("\n");
        y.append("start: ").append(e.asAt()).append("   # the as-at date of the calibration\n");
        y.append("horizon: ").append(horizonMonths).append("   # months [ASSUMPTION: planning horizon]\n");
        y.append("replications: 1000   # enough for stable percentiles [ASSUMPTION]\n");
        y.append("seed: ").append(seed).append("   # any fixed number; fixed so runs are reproducible\n\n");
        y.append("ageBands: [0, 1, 5, 10, 16]   # DfE age groups\n\n");
        y.append(String.format(Locale.ROOT, "breakdownFrailty: {variance: %s}   # how unevenly moves fall on children: method of moments"
                        + " over %d children's %d moves in %s (a child's moves vary as mu + variance x mu^2 around its expected mu)%n%n",
                number(e.frailty().variance()), e.frailty().children(), e.frailty().moves(), window));
        StringBuilder sds = new StringBuilder();
        for (int t = 0; t < types; t++) {
            long moved = e.moveRates()[t].events();
            if (moved > 0) {
                sds.append(sds.length() == 0 ? "" : ", ").append(mapping.types().get(t).id()).append(": ")
                        .append(number(1 / Math.sqrt(moved)));
            }
        }
        if (sds.length() > 0) {
            y.append("breakdownUncertainty:   # each type's breakdown rate is an estimate: 1 / sqrt(its moves), the standard error of\n"
                    + "                        # the log of a Poisson rate (more where proneness varies); each replication draws its own\n");
            y.append("  rateLogSd: {").append(sds).append("}\n\n");
        }

        double[] pathway = roundedShares(e.entryTypeShares());
        y.append("needLevels:   # one pathway per placement type: the type of a child's first placement\n");
        for (int t = 0; t < types; t++) {
            y.append(String.format(Locale.ROOT, "  - {id: via_%s, entryShare: %s}   # %s of %d entries in %s started there%n",
                    mapping.types().get(t).id(), number(pathway[t]), percent(e.entryTypeShares()[t]),
                    e.entries().events(), window));
        }
        y.append("\nplacementTypes:\n");
        for (int t = 0; t < types; t++) {
            PlacementMapping.Type type = mapping.types().get(t);
            Calibration.Rate moves = e.moveRates()[t];
            y.append("  - id: ").append(type.id()).append('\n');
            y.append("    label: \"").append(type.label().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
            y.append("    category: ").append(type.category()).append('\n');
            y.append("    provider: ").append(type.provider()).append('\n');
            y.append("    location: ").append(type.location()).append('\n');
            if (e.stockLocated()[t] > 0) {
                y.append(String.format(Locale.ROOT, "    outOfBoroughShare: %s   # %d of %d children placed here on %s were outside the area (PL_LOCATION OUT)%n",
                        number(e.stockAway()[t] / (double) e.stockLocated()[t]), e.stockAway()[t], e.stockLocated()[t], e.asAt()));
            }
            y.append("    weeklyCost: ").append(number(type.weeklyCost())).append("   # from the mapping, not SSDA903\n");
            y.append("    annualInflation: ").append(number(type.annualInflation())).append("   # from the mapping\n");
            y.append("    capacity: unlimited   # not in SSDA903 [ASSUMPTION]\n");
            y.append(String.format(Locale.ROOT, "    breakdownRatePerYear: %s   # %d moves in %.1f child-years in %s (95%% CI %s to %s)%n",
                    number(moves.rate()), moves.events(), moves.exposure(), window, number(moves.lower()), number(moves.upper())));
        }

        int inCare = 0;
        for (int[] byBand : e.stock()) {
            for (int n : byBand) {
                inCare += n;
            }
        }
        StringBuilder rows = new StringBuilder();
        for (int from = 0; from < types; from++) {
            long all = 0;
            for (int to = 0; to < types; to++) {
                all += e.transitions()[from][to];
            }
            if (all == 0) {
                continue;
            }
            StringBuilder row = new StringBuilder();
            for (int to = 0; to < types; to++) {
                long n = e.transitions()[from][to];
                if (n > 0) {
                    // Rounded down, so a row never adds up to more than 1.
                    double share = Math.floor(1e6 * n / all) / 1e6;
                    row.append(row.length() == 0 ? "" : ", ").append(mapping.types().get(to).id()).append(": ").append(number(share));
                }
            }
            rows.append("  ").append(mapping.types().get(from).id()).append(": {").append(row).append("}   # ").append(all)
                    .append(" moves\n");
        }
        if (rows.length() > 0) {
            y.append("\nbreakdownDestinations:   # where moves from each type went in ").append(window)
                    .append(" (care-plan moves left out);\n                         # a destination outside its ages is"
                            + " matched by the child's pathway instead\n").append(rows);
        }
        y.append("\n# Observed, not modelled: every type is unlimited here, so there is nothing to step down into.\n");
        if (e.placementYears().length == 3) {
            y.append(String.format(Locale.ROOT, "#   placements that ended in the window lasted %s years (quartiles: %s, %s, %s)%n",
                    "a median of " + number(e.placementYears()[1]), number(e.placementYears()[0]),
                    number(e.placementYears()[1]), number(e.placementYears()[2])));
        }
        y.append("\ninitialPopulation:\n");
        y.append(String.format(Locale.ROOT, "  meanYearsInCare: %s   # mean time in care so far of the %d children in care on %s%n",
                number(e.meanYearsInCare()), inCare, e.asAt()));
        y.append(String.format(Locale.ROOT, "  meanYearsInPlacement: %s   # their mean time in their current placement%n",
                number(e.meanYearsInPlacement())));
        if (childrenFile != null) {
            y.append("  file: ").append(childrenFile).append("   # the ").append(inCare).append(" children in care on ")
                    .append(e.asAt()).append(", each with its age, days in care (from the first return, for a child already in")
                    .append(" care then) and days in placement; no identifiers\n");
        } else {
        y.append("  groups:   # children in care on ").append(e.asAt()).append(" by type of placement and age band\n");
        boolean anyGroup = false;
        for (int t = 0; t < types; t++) {
            List<String> bands = new ArrayList<>();
            int total = 0;
            for (int b = 0; b < Calibration.BANDS.length; b++) {
                int n = e.stock()[t][b];
                if (n > 0) {
                    bands.add("\"" + Calibration.BAND_NAMES[b] + "\": " + n);
                    total += n;
                }
            }
            if (total > 0) {
                String id = mapping.types().get(t).id();
                y.append(String.format(Locale.ROOT, "    - {type: %s, need: via_%s, byAgeBand: {%s}}   # %d children%n",
                        id, id, String.join(", ", bands), total));
                anyGroup = true;
            }
        }
        if (!anyGroup) {
            y.append("    []\n");
        }
        }

        Calibration.Rate entries = e.entries();
        double[] ageShares = roundedShares(e.entryBandShares());
        y.append("\nentries:\n");
        Calibration.EntryTrend fitted = projection == EntryProjection.STEP ? e.entryStep() : e.entryTrend();
        Calibration.EntryTrend step = e.entryStep();
        if (projection != EntryProjection.STEP && step.breakDay() > 0) {
            y.append(String.format(Locale.ROOT, "  # Entries look to have changed at a stroke around %s (a break there fits better than one"
                            + " line by a likelihood-ratio statistic of %.1f, above %s): --entry-trend step fits the %d entries"
                            + " after it alone%n", breakDate(e), step.breakGain(),
                    number(Calibration.EntryTrend.BREAK_THRESHOLD), step.entries()));
        }
        // The scenario takes trends from -50% to +100% a year: a steeper fitted one is held there.
        double annual = Math.max(-0.5, Math.min(1, fitted.annualTrend()));
        boolean afterBreak = projection == EntryProjection.STEP && fitted.breakDay() > 0;
        String fittedOver = afterBreak ? breakDate(e) + " to " + e.asAt() : window;
        String trendNote = afterBreak && fitted.trendSdPerYear() == 0 && fitted.annualTrend() == 0
                ? String.format(Locale.ROOT, "held flat: the %d entries in %s, under a year after the step, are too few to"
                        + " tell a trend from chance", fitted.entries(), fittedOver)
                : String.format(Locale.ROOT, "log-linear Poisson fit to the %d entries in %s: %s a year (95%% CI %s to %s)%s",
                fitted.entries(), fittedOver, percent(fitted.annualTrend()), percent(fitted.lower()), percent(fitted.upper()),
                annual != fitted.annualTrend() ? ", held at the scenario's limit" : "");
        if (projection == EntryProjection.STEP && fitted.breakDay() > 0) {
            y.append(String.format(Locale.ROOT, "  # Entries changed at a stroke around %s (a break there fits better than one line by a"
                            + " likelihood-ratio statistic of %.1f, above %s): the rate and trend below are fitted to the %d entries"
                            + " after it%n", breakDate(e), fitted.breakGain(),
                    number(Calibration.EntryTrend.BREAK_THRESHOLD), fitted.entries()));
        }
        if (trend) {
            y.append(String.format(Locale.ROOT, "  monthlyRate: %s   # the fitted rate on %s (the window's average: %s, %d entries in %.1f months, 95%% CI %s to %s)%n",
                    number(fitted.monthlyRateAtEnd()), e.asAt(), number(entries.rate()), entries.events(),
                    entries.exposure(), number(entries.lower()), number(entries.upper())));
            y.append("  annualTrend: ").append(number(annual)).append("   # ").append(trendNote).append('\n');
            // The scenario takes at most 1 (a trend known only to within a factor of e a year): a wider one is
            // held there and said, since the bands then understate it.
            double trendSd = Math.min(1, fitted.trendSdPerYear());
            double rateSd = Math.min(2, fitted.rateLogSdAtEnd());
            y.append(String.format(Locale.ROOT, "  uncertainty: {rateLogSd: %s, trendSdPerYear: %s, shareCount: %d}   # standard errors of"
                            + " the fit, and the entries the age and pathway shares come from: each replication pair draws its own"
                            + " entry rate, trend and shares, so the bands carry them%s%n",
                    number(rateSd), number(trendSd), entries.events(), trendSd < fitted.trendSdPerYear() || rateSd < fitted.rateLogSdAtEnd()
                            ? String.format(Locale.ROOT, " (fitted %s and %s, held at the scenario's limits: the bands understate"
                                    + " them; too few entries to fit a trend, consider --entry-trend none)",
                                    number(fitted.rateLogSdAtEnd()), number(fitted.trendSdPerYear())) : ""));
        } else {
            y.append(String.format(Locale.ROOT, "  monthlyRate: %s   # %d entries in %.1f months, %s (95%% CI %s to %s)%n",
                    number(entries.rate()), entries.events(), entries.exposure(), window, number(entries.lower()),
                    number(entries.upper())));
            y.append("  annualTrend: 0   # held flat (--entry-trend none); ").append(trendNote).append('\n');
            y.append(String.format(Locale.ROOT, "  uncertainty: {rateLogSd: %s, shareCount: %d}   # 1 / sqrt(%d entries), and the"
                    + " entries the age and pathway shares come from: each replication pair draws its own entry rate and shares,"
                    + " so the bands carry them%n", number(entries.events() == 0 ? 0 : 1 / Math.sqrt(entries.events())),
                    entries.events(), entries.events()));
        }
        y.append("  ageShares: {").append(bandMap(ageShares)).append("}   # age on entry of the same ")
                .append(entries.events()).append(" entries\n");
        Calibration.CarePlanMoves plan = e.carePlan();
        if (plan.moved() > 0) {
            y.append(String.format(Locale.ROOT, "  carePlanMove: {share: %s, meanMonths: %s}   # %d of %d entrants followed a year "
                            + "moved as their care plan said (REASON_PLACE_CHANGE CARPL), %.1f months in on average; exits "
                            + "%.2f a year before it (these moves are not in the breakdown hazards)%s%n",
                    number(Math.round(plan.share() * 1000) / 1000.0), number(Math.round(plan.meanMonths() * 100) / 100.0),
                    plan.moved(), plan.entrants(), plan.meanYearsToMove() * 12, plan.exitsPerYear(),
                    plan.early() ? "" : "; [CHECK] the moves are spread over the year, not soon after entry: the plain share and mean are given"));
        }
        if (e.entriesUnderOne() > 0) {
            y.append(String.format(Locale.ROOT, "  newbornShare: %s   # %d of the %d entries under 1 were in their first week%n",
                    number(e.newbornShare()), e.newbornEntries(), e.entriesUnderOne()));
        }
        Calibration.Uasc uasc = e.uasc();
        if (uasc.entries().events() > 0) {
            Calibration.Rate r = uasc.entries();
            y.append("  uasc:   # unaccompanied asylum-seeking children (the returns' UASC table): a stream of their own, so a grant\n"
                    + "          # per night (finance.income kind per_uasc_child_night) follows their numbers\n");
            y.append(String.format(Locale.ROOT, "    monthlyRate: %s   # %d UASC entries in %.1f months, %s (95%% CI %s to %s)%n",
                    number(r.rate()), r.events(), r.exposure(), window, number(r.lower()), number(r.upper())));
            y.append("    annualTrend: 0   # held flat: UASC arrivals follow national dispersal, not local trends [ASSUMPTION]\n");
            y.append("    ageShares: {").append(bandMap(roundedShares(uasc.bandShares()))).append("}   # their ages on entry\n");
            y.append("    need: via_").append(mapping.types().get(uasc.pathway()).id())
                    .append("   # the type most of them were first placed in\n");
        }

        y.append("\nmatching:   # each pathway to its own type (all unlimited, so always the first choice)\n");
        for (PlacementMapping.Type type : mapping.types()) {
            y.append("  - {needs: [via_").append(type.id()).append("], order: [").append(type.id()).append("]}\n");
        }

        y.append("\nexits:\n  ratePerYear:   # exits other than at 18 per child-year, for children 1 to 3 years into care (fitted with\n"
                + "                # the multipliers below by Poisson maximum likelihood); comments give the crude rate, ").append(exitWindow)
                .append(e.exitWindowStart().isAfter(e.windowStart()) ? " (exits fitted to the recent years only: --exit-window-years)" : "")
                .append('\n');
        double[][] reasonShares = new double[Calibration.BANDS.length][];
        long[] overall = new long[Calibration.REASONS.length];
        for (long[] band : e.exitReasons()) {
            for (int r = 0; r < band.length; r++) {
                overall[r] += band[r];
            }
        }
        for (int b = 0; b < Calibration.BANDS.length; b++) {
            Calibration.Rate rate = e.exitRates()[b];
            y.append(String.format(Locale.ROOT, "    \"%s\": %s   # crude: %d exits in %.1f child-years, %s a year (95%% CI %s to %s)%n",
                    Calibration.BAND_NAMES[b], number(e.exitBaseRates()[b]), rate.events(), rate.exposure(),
                    number(rate.rate()), number(rate.lower()), number(rate.upper())));
            long[] counts = e.exitReasons()[b];
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            reasonShares[b] = roundedShares(toDouble(n > 0 ? counts : overall));
        }
        long allExits = 0;
        for (Calibration.Rate rate : e.exitRates()) {
            allExits += rate.events();
        }
        if (allExits > 0) {
            // The exits each band's reason shares come from: its own, or all bands' where it has none (as the shares).
            long everyReason = 0;
            for (long[] band : e.exitReasons()) {
                for (long n : band) {
                    everyReason += n;
                }
            }
            List<String> counts = new ArrayList<>();
            for (int b = 0; b < Calibration.BANDS.length; b++) {
                long n = 0;
                for (long x : e.exitReasons()[b]) {
                    n += x;
                }
                counts.add("\"" + Calibration.BAND_NAMES[b] + "\": " + (n > 0 ? n : everyReason));
            }
            y.append(String.format(Locale.ROOT, "  uncertainty: {rateLogSd: %s, reasonCounts: {%s}}   # 1 / sqrt(%d exits), and the"
                    + " exits each band's reason shares come from: each replication pair draws one multiplier on every exit hazard"
                    + " and its own reason shares, so the bands carry their estimation error%n",
                    number(1 / Math.sqrt(allExits)), String.join(", ", counts), allExits));
        }
        y.append("  timeInCare:   # exit hazard multipliers by years in care, fitted with the rates above\n");
        for (int k = 0; k < Calibration.TIME_IN_CARE.length; k++) {
            y.append(String.format(Locale.ROOT, "    - {fromYears: %d, multiplier: %s}%s%n", Calibration.TIME_IN_CARE[k],
                    number(e.timeInCareMultipliers()[k]), k == 1 ? "   # the reference" : ""));
        }
        y.append("  reasons:   # shares of exits by REC code group, per band (a band with none uses all bands')\n");
        for (int b = 0; b < Calibration.BANDS.length; b++) {
            List<String> parts = new ArrayList<>();
            long n = 0;
            for (int r = 0; r < Calibration.REASONS.length; r++) {
                parts.add(Calibration.REASONS[r] + ": " + number(reasonShares[b][r]));
                n += e.exitReasons()[b][r];
            }
            y.append(String.format(Locale.ROOT, "    \"%s\": {%s}   # %d exits%n", Calibration.BAND_NAMES[b],
                    String.join(", ", parts), n));
        }
        return y.toString();
    }

    /** Shares rounded to 6 places that still sum to exactly one (the largest absorbs the rounding); all-zero gives a one in the first place. */
    static double[] roundedShares(double[] shares) {
        double[] out = new double[shares.length];
        double total = 0;
        int largest = 0;
        for (int i = 0; i < shares.length; i++) {
            out[i] = Math.round(shares[i] * 1e6) / 1e6;
            total += out[i];
            if (shares[i] > shares[largest]) {
                largest = i;
            }
        }
        if (total == 0) {
            out[0] = 1;
            return out;
        }
        out[largest] = Math.round((out[largest] + 1 - total) * 1e6) / 1e6;
        return out;
    }

    private static double[] toDouble(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return Calibration.shares(out);
    }

    private static String bandMap(double[] shares) {
        List<String> parts = new ArrayList<>();
        for (int b = 0; b < shares.length; b++) {
            parts.add("\"" + Calibration.BAND_NAMES[b] + "\": " + number(shares[b]));
        }
        return String.join(", ", parts);
    }

    private static String number(double x) {
        String s = String.format(Locale.ROOT, "%.6f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
