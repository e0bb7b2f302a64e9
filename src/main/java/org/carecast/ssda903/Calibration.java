package org.carecast.ssda903;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.carecast.model.EntryAges;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a council's own SSDA903 returns say about the rates a scenario needs, estimated over a
 * window of years before the as-at date. Counts are of events in the window; rates are events
 * per person-year in care (or per month for entries), with exact 95% Poisson intervals; ages
 * are split into the DfE bands under 1, 1-4, 5-9, 10-15, 16-17.
 *
 * <p>Exits at 18 are left out of the exit hazards: the simulator ends care at 18 itself. Placement
 * moves are counted per placement type as a change of placement (PLACE or provider) within a
 * period of care, and become that type's breakdown hazard.
 */
public final class Calibration {

    /** Lower age of each band, years. */
    public static final int[] BANDS = {0, 1, 5, 10, 16};
    public static final String[] BAND_NAMES = {"0", "1-4", "5-9", "10-15", "16-17"};
    /** Exit reasons as the scenario names them. */
    public static final String[] REASONS = {"return_home", "adoption", "special_guardianship", "other"};
    /** Lower edges of the time-in-care bands, years; the band from 1 year is the reference (multiplier 1). */
    public static final int[] TIME_IN_CARE = {0, 1, 3};
    private static final int REFERENCE = 1;
    private static final double YEAR = org.carecast.model.TimeGrid.DAYS_PER_YEAR;
    /** SSDA903 REASON_PLACE_CHANGE for a move made to carry out the care plan. */
    static final String CARE_PLAN_REASON = "CARPL";

    /** A count with its exposure and an exact 95% Poisson interval on the rate. */
    public record Rate(long events, double exposure, double rate, double lower, double upper) {

        static Rate of(long events, double exposure) {
            if (exposure <= 0) {
                return new Rate(events, exposure, 0, 0, 0);
            }
            double lower = events == 0 ? 0 : new ChiSquaredDistribution(2.0 * events).inverseCumulativeProbability(0.025) / 2;
            double upper = new ChiSquaredDistribution(2.0 * events + 2).inverseCumulativeProbability(0.975) / 2;
            return new Rate(events, exposure, events / exposure, lower / exposure, upper / exposure);
        }
    }

    /**
     * The estimates.
     *
     * @param asAt              the census date (start of the scenario)
     * @param windowStart       first day of the estimation window
     * @param stock             children in care at {@code asAt} by type and band: [type][band]
     * @param entries           entries per month over the window
     * @param entryBandShares   share of entries by age band on entry
     * @param entryTypeShares   share of entries by the type of their first placement
     * @param exitRates         exits (other than at 18) per person-year in care, by band (crude)
     * @param exitBaseRates     exit hazard by band at the reference time in care (1 to 3 years), from a
     *                          multiplicative Poisson model: hazard = base[band] x multiplier[time-in-care band]
     * @param timeInCareMultipliers multipliers by time-in-care band ({@link #TIME_IN_CARE}), the reference being 1
     * @param exitReasons       counts of exits by band and reason: [band][reason]
     * @param moveRates         placement moves per person-year in each type
     * @param meanYearsInCare   mean time in care so far of the children in care at {@code asAt}
     * @param meanYearsInPlacement mean time in the current placement of those children
     * @param children          children with any episode in the data
     * @param transitions       placement moves in the window from one type to another, [from][to],
     *                          the care-plan move left out (as from the breakdown hazards)
     * @param placementYears    25th, 50th and 75th percentiles of the length in years of placements
     *                          that ended in the window (moves and exits), or empty when none did
     * @param carePlan          the first move within a year of entry made to carry out the care
     *                          plan (REASON_PLACE_CHANGE CARPL), among entrants followed a full year
     * @param entriesUnderOne   entries in the window of children under 1
     * @param newbornEntries    of those, entries in the first {@link EntryAges#NEWBORN_DAYS}
     *                          days of life
     * @param entryTrend        entries' log-linear trend over the whole window
     * @param entryStep         the same with a search for a step change: after the break when
     *                          one is found, otherwise equal to {@code entryTrend}
     * @param exitWindowStart   the first day exits and their exposure are counted from: the
     *                          window's start, or later when exits are fitted to recent years only
     */
    public record Estimates(LocalDate asAt, LocalDate windowStart, int[][] stock, Rate entries, double[] entryBandShares,
                            double[] entryTypeShares, Rate[] exitRates, double[] exitBaseRates,
                            double[] timeInCareMultipliers, long[][] exitReasons, Rate[] moveRates,
                            double meanYearsInCare, double meanYearsInPlacement, int children,
                            long[][] transitions, double[] placementYears, CarePlanMoves carePlan,
                            long entriesUnderOne, long newbornEntries, int[] stockAway, int[] stockLocated,
                            Frailty frailty, List<StockChild> inCareOnAsAt, EntryTrend entryTrend,
                            EntryTrend entryStep, LocalDate exitWindowStart, Uasc uasc) {

        /** Share of under-1 entries that were newborns, or NaN when no child entered under 1. */
        public double newbornShare() {
            return entriesUnderOne == 0 ? Double.NaN : newbornEntries / (double) entriesUnderOne;
        }
    }

    /**
     * The move a care plan makes soon after entry, as SSDA903 shows it, for {@code
     * entries.carePlanMove}. Of {@code entrants} (entered at least a year before the as-at
     * date), {@code moved} made a CARPL move within a year, on average {@code meanYearsToMove}
     * after entry; {@code exitsPerYear} is their exit hazard over that first year. The model's
     * share is of all entrants, some of whom leave before their move comes, so it is recovered
     * from a competing-risks model: move times exponential at rate a for a share q, exits at
     * rate h; moves seen within a year number q a/(a+h)(1 - e^-(a+h)) of entrants, at a mean
     * time 1/(a+h) - e^-(a+h)/(1 - e^-(a+h)) years.
     */
    public record CarePlanMoves(long entrants, long moved, double meanYearsToMove, double exitsPerYear, boolean early,
                                double share, double meanMonths) {

        /**
         * The model's share and mean months from what was seen, solved once; NaN for both when
         * no entrant moved. {@code early} says whether the moves come soon enough after entry (a
         * move rate of at least one a year) to be read as one early move; if not, the plain share
         * and mean are given.
         */
        static CarePlanMoves of(long entrants, long moved, double meanYearsToMove, double exitsPerYear) {
            if (moved == 0 || entrants == 0) {
                return new CarePlanMoves(entrants, moved, meanYearsToMove, exitsPerYear, false, Double.NaN, Double.NaN);
            }
            // a + h from the mean time of the moves seen, a truncated exponential on one year. The
            // mean falls from 1/2 (r near 0) towards 0 as r grows; means at or above 1/2 mean r near 0.
            double target = Math.min(meanYearsToMove, 0.4999);
            double r = new BrentSolver(1e-9).solve(200, x -> 1 / x - Math.exp(-x) / -Math.expm1(-x) - target, 1e-6, 1e4);
            double a = r - exitsPerYear;
            double seen = moved / (double) entrants;
            return a >= 1
                    ? new CarePlanMoves(entrants, moved, meanYearsToMove, exitsPerYear, true,
                            Math.min(1, seen / (a / r * -Math.expm1(-r))), 12 / a)
                    : new CarePlanMoves(entrants, moved, meanYearsToMove, exitsPerYear, false, seen, meanYearsToMove * 12);
        }
    }

    private Calibration() {
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    public static Estimates estimate(List<CareHistory.Period> periods, PlacementMapping mapping, LocalDate asAt,
                                     int windowYears) {
        return estimate(periods, mapping, asAt, windowYears, null);
    }

    /** Days before the 18th birthday within which leaving care counts as leaving at 18. */
    static final int AT_18_DAYS = 14;

    /**
     * Rates over the {@code windowYears} before {@code asAt}, clipped to {@code dataStart} (the
     * first day the returns cover; null when unknown): before it no entry or exit can be seen.
     */
    public static Estimates estimate(List<CareHistory.Period> periods, PlacementMapping mapping, LocalDate asAt,
                                     int windowYears, LocalDate dataStart) {
        return estimate(periods, mapping, asAt, windowYears, windowYears, dataStart);
    }

    /**
     * As {@link #estimate(List, PlacementMapping, LocalDate, int, LocalDate)}, with exit hazards
     * (their rates, time-in-care multipliers and reasons) fitted to the last {@code exitYears}
     * of the window only, where exits have changed more recently than the window is long.
     */
    public static Estimates estimate(List<CareHistory.Period> periods, PlacementMapping mapping, LocalDate asAt,
                                     int windowYears, int exitYears, LocalDate dataStart) {
        return estimate(periods, mapping, asAt, windowYears, exitYears, dataStart, java.util.Map.of());
    }

    /**
     * As above, with the children the returns' UASC table lists: {@code uascCeased} gives each
     * the date its UASC status ceased (DUC), or {@link LocalDate#MAX} when it has not. A child
     * who is UASC when a period of care starts enters through the UASC stream, not the others.
     */
    public static Estimates estimate(List<CareHistory.Period> periods, PlacementMapping mapping, LocalDate asAt,
                                     int windowYears, int exitYears, LocalDate dataStart, java.util.Map<String, LocalDate> uascCeased) {
        int types = mapping.types().size();
        long uascEntries = 0;
        double[] uascBands = new double[BANDS.length];
        double[] uascPathways = new double[types];
        int uascInCare = 0;
        LocalDate wanted = asAt.minusYears(windowYears);
        LocalDate from = dataStart != null && dataStart.isAfter(wanted) ? dataStart : wanted;
        LocalDate exitFrom = asAt.minusYears(Math.min(exitYears, windowYears)).isAfter(from)
                ? asAt.minusYears(Math.min(exitYears, windowYears)) : from;
        int[][] stock = new int[types][BANDS.length];
        int[] stockAway = new int[mapping.types().size()];
        int[] stockLocated = new int[mapping.types().size()];
        long entries = 0;
        double[] entryBands = new double[BANDS.length];
        double[] entryTypes = new double[types];
        long[] exits = new long[BANDS.length];
        double[] careDays = new double[BANDS.length];
        double[][] crossDays = new double[BANDS.length][TIME_IN_CARE.length];
        long[][] crossExits = new long[BANDS.length][TIME_IN_CARE.length];
        long[][] reasons = new long[BANDS.length][REASONS.length];
        long[] moves = new long[types];
        double[] typeDays = new double[types];
        long[][] transitions = new long[types][types];
        long underOne = 0;
        long newborns = 0;
        long carePlanEntrants = 0;
        long carePlanMoved = 0;
        double carePlanYears = 0;
        long firstYearExits = 0;
        double firstYearExposure = 0;
        LocalDate followedFrom = asAt.minusYears(1);
        List<Double> completed = new java.util.ArrayList<>();
        double careYearsSum = 0;
        double placementYearsSum = 0;
        int inCare = 0;
        java.util.Set<String> children = new java.util.HashSet<>();
        // Per period: breakdown moves in the window, and days in the window by type (for the frailty).
        List<long[]> movesOfPeriod = new java.util.ArrayList<>();
        List<StockChild> stockChildren = new java.util.ArrayList<>();
        List<Double> entryDays = new java.util.ArrayList<>();
        List<double[]> daysOfPeriod = new java.util.ArrayList<>();
        for (CareHistory.Period p : periods) {
            children.add(p.child());
            LocalDate start = p.start();
            LocalDate end = p.end();
            // Entries in the window: a period the returns open in the middle of (no RNE S) was
            // already in care, not an entry.
            boolean uascAtEntry = uascCeased.containsKey(p.child()) && uascCeased.get(p.child()).isAfter(start);
            if (uascAtEntry && !start.isBefore(from) && start.isBefore(asAt) && !p.leftCensored()) {
                uascEntries++;
                uascBands[band(p.birth(), start)]++;
                uascPathways[mapping.typeOf(p.episodes().get(0))]++;
            } else if (!start.isBefore(from) && start.isBefore(asAt) && !p.leftCensored()) {
                entries++;
                entryDays.add((double) ChronoUnit.DAYS.between(from, start));
                int band = band(p.birth(), start);
                entryBands[band]++;
                if (band == 0) {
                    underOne++;
                    if (ChronoUnit.DAYS.between(p.birth(), start) < EntryAges.NEWBORN_DAYS) {
                        newborns++;
                    }
                }
                entryTypes[mapping.typeOf(p.episodes().get(0))]++;
            }
            // Person-time in care by band, and exits, within the window.
            LocalDate until = end == null || end.isAfter(asAt) ? asAt : end;
            addBandDays(careDays, p.birth(), start.isBefore(exitFrom) ? exitFrom : start, until);
            addCrossDays(crossDays, p.birth(), start, start.isBefore(exitFrom) ? exitFrom : start, until);
            // Leaving within days of the 18th birthday is leaving at 18, not an exit of a 17-year-old.
            if (end != null && !end.isBefore(exitFrom) && end.isBefore(asAt)
                    && end.isBefore(p.birth().plusYears(18).minusDays(AT_18_DAYS))) {
                int b = band(p.birth(), end.minusDays(1));
                exits[b]++;
                crossExits[b][timeInCareBand(start, end.minusDays(1))]++;
                reasons[b][reason(p.reasonEnded())]++;
            }
            // Moves and person-time by type. The first care-plan move within a year of entry is
            // entries.carePlanMove's, so it is left out of the breakdown hazards.
            List<CareHistory.Placement> placements = CareHistory.placements(p, mapping);
            int carePlanMove = -1;
            for (int k = 0; k + 1 < placements.size() && carePlanMove < 0; k++) {
                CareHistory.Placement pl = placements.get(k);
                if (CARE_PLAN_REASON.equals(pl.endReason()) && !pl.end().isAfter(start.plusYears(1))) {
                    carePlanMove = k;
                }
            }
            if (!start.isBefore(from) && start.isBefore(followedFrom)) {
                carePlanEntrants++;
                LocalDate yearOn = start.plusYears(1);
                boolean leftInYear = end != null && end.isBefore(yearOn);
                firstYearExposure += ChronoUnit.DAYS.between(start, leftInYear ? end : yearOn) / YEAR;
                firstYearExits += leftInYear ? 1 : 0;
                if (carePlanMove >= 0) {
                    carePlanMoved++;
                    carePlanYears += ChronoUnit.DAYS.between(start, placements.get(carePlanMove).end()) / YEAR;
                }
            }
            long[] ownMoves = {0};
            double[] ownDays = new double[types];
            for (int k = 0; k < placements.size(); k++) {
                CareHistory.Placement pl = placements.get(k);
                LocalDate a = pl.start().isBefore(from) ? from : pl.start();
                LocalDate z = pl.end() == null || pl.end().isAfter(asAt) ? asAt : pl.end();
                if (a.isBefore(z)) {
                    typeDays[pl.type()] += ChronoUnit.DAYS.between(a, z);
                    ownDays[pl.type()] += ChronoUnit.DAYS.between(a, z);
                }
                boolean movedOn = k + 1 < placements.size();
                if (movedOn && !pl.end().isBefore(from) && pl.end().isBefore(asAt)) {
                    moves[pl.type()] += k == carePlanMove ? 0 : 1;
                    ownMoves[0] += k == carePlanMove ? 0 : 1;
                    transitions[pl.type()][placements.get(k + 1).type()] += k == carePlanMove ? 0 : 1;
                }
                if (pl.end() != null && !pl.end().isBefore(from) && pl.end().isBefore(asAt)) {
                    completed.add(ChronoUnit.DAYS.between(pl.start(), pl.end()) / YEAR);
                }
            }
            movesOfPeriod.add(ownMoves);
            daysOfPeriod.add(ownDays);
            // The children in care on the as-at date.
            Episode now = p.episodeOn(asAt);
            if (now != null && p.birth().plusYears(18).isAfter(asAt)) {
                stock[mapping.typeOf(now)][band(p.birth(), asAt)]++;
                if (!now.location().isEmpty()) {
                    stockLocated[mapping.typeOf(now)]++;
                    stockAway[mapping.typeOf(now)] += now.location().equals("OUT") ? 1 : 0;
                }
                careYearsSum += ChronoUnit.DAYS.between(start, asAt) / YEAR;
                long inPlacement = 0;
                for (CareHistory.Placement pl : placements) {
                    if (!pl.start().isAfter(asAt) && (pl.end() == null || pl.end().isAfter(asAt))) {
                        placementYearsSum += ChronoUnit.DAYS.between(pl.start(), asAt) / YEAR;
                        inPlacement = ChronoUnit.DAYS.between(pl.start(), asAt);
                    }
                }
                boolean uascNow = uascCeased.containsKey(p.child()) && uascCeased.get(p.child()).isAfter(asAt);
                uascInCare += uascNow ? 1 : 0;
                stockChildren.add(new StockChild(mapping.typeOf(now), mapping.typeOf(p.episodes().get(0)),
                        ChronoUnit.DAYS.between(p.birth(), asAt) / YEAR, ChronoUnit.DAYS.between(start, asAt), inPlacement, uascNow));
                inCare++;
            }
        }
        double months = ChronoUnit.DAYS.between(from, asAt) / (YEAR / 12);
        Rate entryRate = Rate.of(entries, months);
        Rate[] exitRates = new Rate[BANDS.length];
        for (int b = 0; b < BANDS.length; b++) {
            exitRates[b] = Rate.of(exits[b], careDays[b] / YEAR);
        }
        Rate[] moveRates = new Rate[types];
        for (int t = 0; t < types; t++) {
            moveRates[t] = Rate.of(moves[t], typeDays[t] / YEAR);
        }
        double[][] fitted = multiplicative(crossExits, crossDays);
        Frailty frailty = Frailty.of(moveRates, movesOfPeriod, daysOfPeriod);
        return new Estimates(asAt, from, stock, entryRate, shares(entryBands), shares(entryTypes), exitRates, fitted[0],
                fitted[1], reasons,
                moveRates, inCare == 0 ? 0 : careYearsSum / inCare, inCare == 0 ? 0 : placementYearsSum / inCare,
                children.size(), transitions, quartiles(completed),
                CarePlanMoves.of(carePlanEntrants, carePlanMoved, carePlanMoved == 0 ? 0 : carePlanYears / carePlanMoved,
                        firstYearExposure == 0 ? 0 : firstYearExits / firstYearExposure),
                underOne, newborns, stockAway, stockLocated, frailty, stockChildren,
                EntryTrend.line(entryDays, ChronoUnit.DAYS.between(from, asAt)),
                EntryTrend.fit(entryDays, ChronoUnit.DAYS.between(from, asAt)), exitFrom,
                uascEntries == 0 && uascInCare == 0 ? Uasc.NONE
                        : new Uasc(Rate.of(uascEntries, months), shares(uascBands), argmax(uascPathways), uascInCare));
    }

    /**
     * Entries as a Poisson process whose rate changes log-linearly with time,
     * {@code rate(t) = exp(a + b t)}, fitted by maximum likelihood to the entry days in the
     * window (Newton's method on the two parameters; the exposure is the window's length).
     * A council's entries can also change at a stroke (a new front door, a court backlog
     * cleared), which a single line across the window averages away; so a break is searched
     * for on the month boundaries at least six months from either end, with a line each side,
     * and when it improves the fit by more than {@link #BREAK_THRESHOLD} (twice the log-likelihood
     * gain) the rate and trend are fitted to the months after it alone (the rate alone, held
     * flat, when they are fewer than twelve).
     *
     * @param monthlyRateAtEnd the fitted rate at the as-at date, entries a month
     * @param annualTrend      the yearly change, exp(365.25 b) - 1
     * @param lower            95% interval of the annual trend, from the inverse of the Fisher information
     * @param upper            its upper end
     * @param entries          entries fitted on
     * @param rateLogSdAtEnd   standard error of the log of the rate at the end (from the inverse
     *                         of the Fisher information of both parameters)
     * @param trendSdPerYear   standard error of the yearly log trend
     * @param breakDay         the day of the window (from its start) the fit starts on: 0, or the
     *                         break found; entries before it are not fitted on
     * @param breakGain        twice the log-likelihood gained by the break (0 when none was taken)
     */
    public record EntryTrend(double monthlyRateAtEnd, double annualTrend, double lower, double upper, int entries,
                             double rateLogSdAtEnd, double trendSdPerYear, double breakDay, double breakGain) {

        /**
         * Twice the log-likelihood a break must gain to be taken. The largest gain over some
         * twenty-five candidate months, two parameters each, exceeds 14 in about 1% of
         * stationary or steadily trending datasets (measured in EntryTrendTest), so a break is
         * seldom found where there is none; a halving of 20 entries a month a year before the
         * end is found in 80% of datasets and the rate at the end is unbiased (11 would find
         * 91% but break 4% of steady datasets).
         */
        public static final double BREAK_THRESHOLD = 14;

        private static final double MONTH = YEAR / 12;

        static EntryTrend fit(List<Double> days, double span) {
            EntryTrend whole = line(days, span);
            if (days.size() < 20 || span < 18 * MONTH) {
                return whole;
            }
            double wholeLikelihood = logLikelihood(days, span, whole);
            double bestGain = 0;
            double bestDay = 0;
            for (double cut = 6 * MONTH; cut <= span - 6 * MONTH; cut += MONTH) {
                List<Double> before = new ArrayList<>();
                List<Double> after = new ArrayList<>();
                for (double t : days) {
                    if (t < cut) {
                        before.add(t);
                    } else {
                        after.add(t - cut);
                    }
                }
                double split = logLikelihood(before, cut, line(before, cut)) + logLikelihood(after, span - cut, line(after, span - cut));
                double gain = 2 * (split - wholeLikelihood);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestDay = cut;
                }
            }
            if (bestGain <= BREAK_THRESHOLD) {
                return whole;
            }
            List<Double> after = new ArrayList<>();
            for (double t : days) {
                if (t >= bestDay) {
                    after.add(t - bestDay);
                }
            }
            // Under a year after the break is too short to tell a trend from chance: hold its rate flat.
            EntryTrend tail = span - bestDay >= YEAR ? line(after, span - bestDay) : flat(after.size(), span - bestDay);
            return new EntryTrend(tail.monthlyRateAtEnd(), tail.annualTrend(), tail.lower(), tail.upper(), tail.entries(),
                    tail.rateLogSdAtEnd(), tail.trendSdPerYear(), bestDay, bestGain);
        }

        /** A constant rate: n entries over span days, its log known to 1 / sqrt(n). */
        private static EntryTrend flat(int n, double span) {
            return new EntryTrend(n / Math.max(span, 1) * YEAR / 12, 0, 0, 0, n, n == 0 ? 0 : 1 / Math.sqrt(n), 0, 0, 0);
        }

        /** The maximised log-likelihood of {@code fit} on {@code days} over [0, span]: n log(n / I(b)) + b sum(t) - n. */
        private static double logLikelihood(List<Double> days, double span, EntryTrend fit) {
            int n = days.size();
            if (n == 0) {
                return 0;
            }
            double b = Math.log1p(fit.annualTrend()) / YEAR;
            double sumT = 0;
            for (double t : days) {
                sumT += t;
            }
            double integral = Math.abs(b) < 1e-12 ? span : Math.expm1(b * span) / b;
            return n * Math.log(n / integral) + b * sumT - n;
        }

        /** One log-linear rate over the whole of [0, span], without looking for a break. */
        static EntryTrend line(List<Double> days, double span) {
            int n = days.size();
            if (n < 2 || span <= 0) {
                return flat(n, span);
            }
            double sumT = 0;
            for (double t : days) {
                sumT += t;
            }
            // Log-likelihood: n a + b sum(t) - exp(a) integral_0^span exp(b t) dt. Profile out a:
            // exp(a) = n / I(b), I(b) = (exp(b span) - 1) / b; then maximise over b alone.
            double b = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] m = moments(b, span);
                // d/db: sum(t) - n I'(b)/I(b); d2/db2: -n (I''/I - (I'/I)^2)
                double score = sumT - n * m[1];
                double info = n * (m[2] - m[1] * m[1]);
                if (info <= 0) {
                    break;
                }
                double step = score / info;
                b += Math.max(-0.01, Math.min(0.01, step));
                if (Math.abs(step) < 1e-12) {
                    break;
                }
            }
            double[] m = moments(b, span);
            double variance = m[2] - m[1] * m[1];
            double se = Math.sqrt(1 / (n * variance));
            // log rate at the end = a + b span: its variance is E[(t - span)^2] / (n Var(t)) under the fit's weights.
            double atEnd = Math.sqrt((m[2] - 2 * span * m[1] + span * span) / (n * variance));
            double integral = Math.abs(b) < 1e-12 ? span : Math.expm1(b * span) / b;
            double rateAtEnd = n / integral * Math.exp(b * span);
            return new EntryTrend(rateAtEnd * YEAR / 12, Math.expm1(b * YEAR), Math.expm1((b - 1.96 * se) * YEAR),
                    Math.expm1((b + 1.96 * se) * YEAR), n, atEnd, se * YEAR, 0, 0);
        }

        /** The mean and second moment of t over [0, span] weighted by exp(b t): I'/I and I''/I. */
        private static double[] moments(double b, double span) {
            int steps = 2000;
            double w = 0;
            double t1 = 0;
            double t2 = 0;
            for (int i = 0; i < steps; i++) {
                double t = (i + 0.5) * span / steps;
                double e = Math.exp(b * t);
                w += e;
                t1 += e * t;
                t2 += e * t * t;
            }
            return new double[] {w, t1 / w, t2 / w};
        }
    }

    /**
     * A child in care on the as-at date, without its identifier: the type of its placement, the
     * type of its first placement in this period of care (its pathway), its age, and its days in
     * care (counted from the first day the returns show it, so a floor for a child already in care
     * when they begin) and in its placement.
     */
    public record StockChild(int type, int pathway, double ageYears, long daysInCare, long daysInPlacement, boolean uasc) {
    }

    /**
     * Unaccompanied asylum-seeking children, from the returns' UASC table: their entries over
     * the window as a stream of their own (the model gives them their own ages and the grant
     * per night follows them), and how many of the children in care on the as-at date are UASC.
     *
     * @param entries    their entries and the window's months, with its interval
     * @param bandShares their ages on entry, by band
     * @param pathway    the type most of them were first placed in (their pathway, a need level)
     * @param inCare     UASC among the children in care on the as-at date
     */
    public record Uasc(Rate entries, double[] bandShares, int pathway, int inCare) {
        static final Uasc NONE = new Uasc(Rate.of(0, 1), new double[BANDS.length], 0, 0);
    }

    /**
     * How breakdown proneness varies between children, by the method of moments: a child's
     * breakdown moves N in the window are Poisson given its proneness Z (gamma, mean 1, variance
     * v) with mean mu Z, mu its expected moves at the types' rates over its days in each type;
     * so Var N = mu + v mu^2, and v = sum((N - mu)^2 - N) / sum(mu^2), 0 when negative.
     *
     * @param variance the estimate
     * @param children children with some exposure in the window
     * @param moves    their breakdown moves
     */
    public record Frailty(double variance, int children, long moves) {

        static Frailty of(Rate[] rates, List<long[]> moves, List<double[]> days) {
            double numerator = 0;
            double denominator = 0;
            int children = 0;
            long total = 0;
            for (int i = 0; i < moves.size(); i++) {
                double mu = 0;
                for (int t = 0; t < rates.length; t++) {
                    mu += rates[t].rate() * days.get(i)[t] / YEAR;
                }
                if (mu <= 0) {
                    continue;
                }
                long n = moves.get(i)[0];
                numerator += (n - mu) * (n - mu) - n;
                denominator += mu * mu;
                children++;
                total += n;
            }
            return new Frailty(denominator > 0 ? Math.max(0, numerator / denominator) : 0, children, total);
        }
    }

    /** The scenario's exit reason (index into {@link #REASONS}) of an SSDA903 REC code. */
    static int reason(String rec) {
        return switch (rec) {
            case "E13", "E4A", "E4B" -> 0;            // returned home to parents or relatives
            case "E11", "E12" -> 1;                   // adopted
            case "E41", "E43", "E44", "E45", "E46", "E47", "E48" -> 2;   // special guardianship or child arrangements orders
            default -> 3;                             // independent living, custody, transfer, other
        };
    }

    /** The age band on a day, by birthdays (so it agrees with the band edges used for exposure). */
    static int band(LocalDate birth, LocalDate on) {
        return bandByAnniversary(birth, BANDS, on);
    }

    private static double ageYears(LocalDate birth, LocalDate on) {
        return ChronoUnit.DAYS.between(birth, on) / YEAR;
    }

    /** The time-in-care band on a day, by anniversaries of entering care. */
    static int timeInCareBand(LocalDate careStart, LocalDate on) {
        return bandByAnniversary(careStart, TIME_IN_CARE, on);
    }

    /** The last of {@code edges} (years after {@code origin}, ascending from 0) whose anniversary {@code on} has reached. */
    private static int bandByAnniversary(LocalDate origin, int[] edges, LocalDate on) {
        int k = 0;
        while (k + 1 < edges.length && !on.isBefore(origin.plusYears(edges[k + 1]))) {
            k++;
        }
        return k;
    }

    /** Adds the days from {@code a} to {@code z} by age band and time-in-care band (none at 18 or over). */
    private static void addCrossDays(double[][] days, LocalDate birth, LocalDate careStart, LocalDate a, LocalDate z) {
        if (!a.isBefore(z)) {
            return;  // the period lies outside the window
        }
        java.util.TreeSet<LocalDate> cuts = new java.util.TreeSet<>(List.of(a, z));
        for (int b = 1; b < BANDS.length; b++) {
            cuts.add(birth.plusYears(BANDS[b]));
        }
        cuts.add(birth.plusYears(18));
        for (int k = 1; k < TIME_IN_CARE.length; k++) {
            cuts.add(careStart.plusYears(TIME_IN_CARE[k]));
        }
        LocalDate previous = null;
        for (LocalDate cut : cuts.subSet(a, true, z, true)) {
            if (previous != null && previous.isBefore(cut) && previous.isBefore(birth.plusYears(18))) {
                // Cuts fall on every band edge, so the whole segment lies in the cell of its first day.
                days[band(birth, previous)][timeInCareBand(careStart, previous)] += ChronoUnit.DAYS.between(previous, cut);
            }
            previous = cut;
        }
    }

    /**
     * Fits hazard[b][k] = base[b] x multiplier[k] to exit counts and exposures by maximum
     * likelihood (Poisson), by alternating the two closed-form updates until they settle, and
     * scales the multipliers so that the reference time-in-care band has 1. Returns {base per
     * year, multipliers}. A time-in-care band with no exposure keeps multiplier 1.
     */
    static double[][] multiplicative(long[][] exits, double[][] days) {
        int bands = exits.length;
        int tics = exits[0].length;
        double[] base = new double[bands];
        double[] multiplier = new double[tics];
        java.util.Arrays.fill(multiplier, 1);
        for (int iteration = 0; iteration < 200; iteration++) {
            for (int b = 0; b < bands; b++) {
                double e = 0;
                double t = 0;
                for (int k = 0; k < tics; k++) {
                    e += exits[b][k];
                    t += days[b][k] / YEAR * multiplier[k];
                }
                base[b] = t > 0 ? e / t : 0;
            }
            for (int k = 0; k < tics; k++) {
                double e = 0;
                double t = 0;
                for (int b = 0; b < bands; b++) {
                    e += exits[b][k];
                    t += days[b][k] / YEAR * base[b];
                }
                multiplier[k] = t > 0 ? e / t : 1;
            }
        }
        double reference = multiplier[REFERENCE] > 0 ? multiplier[REFERENCE] : 1;
        for (int k = 0; k < tics; k++) {
            multiplier[k] /= reference;
        }
        for (int b = 0; b < bands; b++) {
            base[b] *= reference;
        }
        return new double[][] {base, multiplier};
    }

    /** Adds the days from {@code a} to {@code z} to the age bands they fall in (none at 18 or over). */
    private static void addBandDays(double[] days, LocalDate birth, LocalDate a, LocalDate z) {
        for (int b = 0; b < BANDS.length; b++) {
            LocalDate bandStart = birth.plusYears(BANDS[b]);
            LocalDate bandEnd = birth.plusYears(b + 1 < BANDS.length ? BANDS[b + 1] : 18);
            LocalDate lo = a.isAfter(bandStart) ? a : bandStart;
            LocalDate hi = z.isBefore(bandEnd) ? z : bandEnd;
            if (lo.isBefore(hi)) {
                days[b] += ChronoUnit.DAYS.between(lo, hi);
            }
        }
    }

    private static double[] quartiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[0];
        }
        org.apache.commons.math3.stat.descriptive.rank.Percentile p = new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .withEstimationType(org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7);
        p.setData(values.stream().mapToDouble(Double::doubleValue).toArray());
        return new double[] {p.evaluate(25), p.evaluate(50), p.evaluate(75)};
    }

    /** Counts as shares of their total (all zero when the total is zero). */
    static double[] shares(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = total > 0 ? counts[i] / total : 0;
        }
        return out;
    }
}
