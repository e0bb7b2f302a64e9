package org.carecast.engine;

import org.carecast.model.AgeBands;
import org.carecast.model.CapacityPlan;
import org.carecast.model.EntryAges;
import org.carecast.model.EntryProcess;
import org.carecast.model.Frailty;
import org.carecast.model.ExitReason;
import org.carecast.model.Model;
import org.carecast.model.ShareDraw;
import org.carecast.model.TimeGrid;

import java.util.Arrays;

import static org.carecast.engine.RandomStreams.exponential;
import static org.carecast.engine.RandomStreams.uniform;

/**
 * One replication of the care system: children enter, are matched to placements under
 * capacity limits, break down, step down, turn 16, and leave, in continuous time (days).
 *
 * <p>Children are records packed into primitive arrays (a child's fields side by side) and
 * identified by a small id that is reused after a child leaves. Each child has at most one
 * pending event in the {@link EventQueue}: the
 * earliest of its own clocks (exit, breakdown, planned end, 16th birthday, step-down
 * eligibility). Events that belong to no child (the next entry, capacity changes, month ends)
 * are three scalars compared with the queue's head. At equal times month ends come first (so a
 * census at midnight sees the state before that day's events), then capacity changes, then
 * children's events, then entries.
 *
 * <p>Random draws come from {@link RandomStreams}, keyed by the child's arrival number and the
 * draw's purpose, so that two scenarios run with the same seed see the same children arrive at
 * the same times with the same ages and the same exit clocks.
 *
 * <p>An instance is reused across replications by one thread; it is not thread-safe.
 */
public final class Replication {

    private static final double INF = Double.POSITIVE_INFINITY;


    private final Model model;
    private final int types;
    private final int reasons = ExitReason.values().length;
    private final EventQueue queue;
    /** What {@link EventQueue#lookahead} read of the coming children's rows: never used, only kept. */
    private long lookedAhead;
    private final ReplicationResult result;

    // ---- child state ----
    /** The children in care, by id: their clocks and small integers ({@link ChildTable}). */
    private final ChildTable children;
    private static final int FREE = ChildTable.FREE;

    // ---- monthly counts kept as children change, so no census visits every child ----
    private final IndicatorTallies indicators;

    // ---- system state ----
    private final int[] occupancy;
    private final int[] capacity;
    private final double[] area;
    /**
     * Per type: what the children there on their own prices (finance commitments from the
     * initial population) cost beyond the type's price, pounds a day at the start's prices; and
     * its integral over the month so far. Zero in a scenario without such children.
     */
    private final double[] premium;
    private final double[] premiumArea;
    /** Per initial child (by id): its own price less its type's, pounds a day at the start's prices, until its placement ends. */
    private final double[] commitment;
    private final double[] areaSince;
    /** Children of each type placed outside the council's area, and their child-days this month. */
    private final int[] away;
    private final double[] awayArea;
    /** Place-days of each limited type since the month began, and when last added to. */
    private final double[] placeArea;
    private final double[] placeSince;
    /** Per step-down source type, its placements in order of start (null for other types). */
    private final StepDownCandidates[] candidates;
    private int placementSerial;
    /** Mockingbird satellite slots and the children using them, per type. */
    private final int[] slots;
    private final int[] members;
    /** Per type, the shortest minimum stay of its step-down rules (infinite when none). */
    private final double[] stepDownAfter;
    /** Per type, the age from which none of its step-down rules applies (see StepDownRules). */
    private final double[] stepDownAgeLimit;
    /**
     * Places held empty after a breakdown, per type, and when each is released: a queue per type
     * in order of release, since every void of a type lasts the same number of days.
     */
    private final PlaceVoids voids;

    // ---- carer turnover, per placement type (see CarerTurnover) ----
    private final TurnoverClocks turnover;

    private long replicationKey;
    /** Key of the assumption draws, shared by replications 2k and 2k + 1 (see {@link RandomStreams#assumptionKey}). */
    private long assumptionKey;
    /** This replication's entry ages and need shares: the model's, or drawn around them when uncertain. */
    private EntryAges entryAges;
    private double[] needCumulative;
    /** This replication's exit reason shares by age band: the model's, or drawn around them when uncertain. */
    private double[] reasonCumulative;
    private double now;
    private int month;
    /** This replication's entry rates per day by month: the model's, or drawn around them when uncertain. */
    private double[] entryRate;
    private double[] extraEntryRate;
    /** This replication's multiplier on every exit hazard: 1, or drawn when the scenario says how uncertain they are. */
    private double exitScale = 1;
    /** One-type preference lists, {t}, made once, for a breakdown sent to a given type. */
    private final int[][] onlyType;
    /** Each type's breakdown-rate multiplier in this replication (1 where the rate is known). */
    private double[] breakdownScale;
    /** Unaccompanied asylum-seeking children in care now, their child-days this month, and since when. */
    private int uascInCare;
    private double uascArea;
    private double uascSince;
    private int nextCapacityChange;
    /** Events handled so far in this replication. */
    private long events;
    /** Types whose places are pooled with other councils', by type; null when none are. */
    private SharedPlaces[] pools;
    /** When each arrival stream next brings a child into care. */
    private final EntryClocks arrivals;

    /** The model this engine runs. */
    public Model model() {
        return model;
    }

    public Replication(Model model) {
        this(model, queueFor(model));
    }

    /**
     * Models of fewer children than this get a heap for their event list, larger ones the
     * calendar: the calendar's cost per week of simulated time does not shrink with the number
     * of events, so with a handful of children a heap's few comparisons are cheaper (measured
     * with {@code ReplicationBenchmark}'s {@code queue} parameter on Erlang-loss models: the heap
     * 25% faster at 4 children, 12% at 16, even at 40, the calendar 11% faster at 100 and 24% at
     * 300). Either gives the same events in the same order ({@link EventQueue}'s contract), so
     * the choice changes no result.
     */
    static final int SMALL_MODEL_CHILDREN = 32;

    /**
     * The event list for a model of this size, judged by the children at the start plus a year's
     * entries: a count, not the steady state's integral, because an engine is made for every
     * replication pair of a ranged scenario (the steady state cost 0.64 ms a time on the baseline).
     */
    static EventQueue queueFor(Model model) {
        var entries = model.entries();
        double perDay = entries.ratePerDay()[0] * entries.acceptance()[0] + entries.extraRatePerDay()[0]
                + entries.uascRatePerDay()[0];
        double children = model.initial().size() + perDay * org.carecast.model.TimeGrid.DAYS_PER_YEAR;
        return children < SMALL_MODEL_CHILDREN ? new QuaternaryEventHeap(64) : new CalendarEventQueue(1024);
    }

    public Replication(Model model, EventQueue queue) {
        this.model = model;
        this.types = model.types();
        this.queue = queue;
        this.result = new ReplicationResult(model.time().months(), types, model.costLines().size());
        slots = new int[types];
        members = new int[types];
        onlyType = new int[types][];
        for (int t = 0; t < types; t++) {
            onlyType[t] = new int[] {t};
        }
        stepDownAfter = new double[types];
        stepDownAgeLimit = new double[types];
        for (int t = 0; t < types; t++) {
            stepDownAfter[t] = model.stepDown().earliestEligibleDays(t);
            stepDownAgeLimit[t] = model.stepDown().lastEligibleAgeDays(t, model.placements().maxAgeDays());
        }
        turnover = new TurnoverClocks(model.turnover(), model.time(), types);
        occupancy = new int[types];
        capacity = new int[types];
        area = new double[types];
        premium = new double[types];
        premiumArea = new double[types];
        // Only children with a price of their own (a cohort file's weekly_cost) have a commitment:
        // without any, the array is empty and vacating a place never reads it (at national scale a
        // read per move in an array of 84,000 children is a cache miss).
        boolean anyOwnCost = Arrays.stream(model.initial().ownCostPerDay()).anyMatch(c -> !Double.isNaN(c));
        commitment = new double[anyOwnCost ? model.initial().size() : 0];
        areaSince = new double[types];
        away = new int[types];
        awayArea = new double[types];
        placeArea = new double[types];
        placeSince = new double[types];
        children = new ChildTable(Math.max(64, model.initial().size() * 2));
        candidates = new StepDownCandidates[types];
        for (int t = 0; t < types; t++) {
            if (model.stepDown().isSource(t)) {
                candidates[t] = new StepDownCandidates((id, serial) -> children.placementSerial(id) == serial);
            }
        }
        voids = new PlaceVoids(types);
        indicators = new IndicatorTallies(model.time().monthStartDay());
        arrivals = new EntryClocks(model.time(), model.entries().uascRatePerDay());
        // At national scale a new window's run is some 2,000 events whose children are scattered
        // over 12 MB of rows: reading each row as the run is sorted lets the processor fetch
        // them together, where each event would otherwise wait for its own (England 15% faster,
        // benchmarks/README.md). The value read is kept only so the reads are not dropped.
        queue.lookahead(id -> lookedAhead += children.touch(id));
    }

    /**
     * Runs replication {@code index} of {@code seed} and returns its tallies. The returned
     * object is reused by the next call.
     */
    public ReplicationResult run(long seed, int index) {
        begin(seed, index);
        runUntil(INF, true);
        return result;
    }

    /** Sets up replication {@code index} of {@code seed} up to its first event (the children at the start, the clocks). */
    void begin(long seed, int index) {
        reset(RandomStreams.replicationKey(seed, index));
        assumptionKey = RandomStreams.assumptionKey(seed, index);
        result.model = model;
        drawAssumptions();
        placeInitialCohort();
        takeCensus(0);
        turnover.start(replicationKey, now, month, capacity);
        arrivals.start(replicationKey, entryRate, extraEntryRate);
        events = 0;
    }

    /** This replication's tallies (complete once {@link #runUntil} has returned true). */
    ReplicationResult result() {
        return result;
    }

    /** When the next event happens: the earliest of the month's end, system events, a child's clock and the entries. */
    double nextTime() {
        if (month >= model.time().months()) {
            return INF;
        }
        return earliest(model.time().monthStartDay()[month + 1], systemTime(nextCapacityTime()), queue.peekTime(), arrivals.next());
    }

    /** When the next dated capacity change happens (infinity: none left). */
    private double nextCapacityTime() {
        double[] changeDay = model.capacity().changeDay();
        return nextCapacityChange < changeDay.length ? changeDay[nextCapacityChange] : INF;
    }

    /**
     * When the next "system" event happens: a dated capacity change, random carer turnover or
     * the end of a void (at the same instant they come in that order).
     */
    private double systemTime(double capacityTime) {
        return TimeGrid.earlier(capacityTime, TimeGrid.earlier(turnover.next(), voids.nextRelease()));
    }

    private static double earliest(double monthEnd, double systemTime, double childTime, double entryTime) {
        return TimeGrid.earlier(TimeGrid.earlier(monthEnd, systemTime), TimeGrid.earlier(childTime, entryTime));
    }

    // =====================================================================================
    // Event loop
    // =====================================================================================

    /**
     * The event loop: handles events up to {@code limit} (at it too when {@code inclusive}) and
     * returns true once the last month has closed. A run goes to the end in one call; councils
     * sharing places run in turns up to each other's next event ({@link RegionReplication}).
     * Events at the same instant are taken in this order, the tie order every figure depends
     * on (the if-chain below is its only implementation; keep the two together):
     * <ol>
     *   <li>the end of a month: its tallies close before anything else at that instant happens;</li>
     *   <li>system events: dated capacity changes, then carer turnover, then the end of a void;</li>
     *   <li>a child's own event, the earliest of its clocks (children tied by the queue's order);</li>
     *   <li>entries: the base process, then extra arrivals (demand changes), then unaccompanied
     *       asylum seekers, who win only when strictly earlier.</li>
     * </ol>
     */
    boolean runUntil(double limit, boolean inclusive) {
        final double[] monthStart = model.time().monthStartDay();
        long events = this.events;
        while (true) {
            double monthEnd = monthStart[month + 1];
            double capacityTime = nextCapacityTime();
            double systemTime = systemTime(capacityTime);
            double childTime = queue.peekTime();
            double entryTime = arrivals.next();
            if (limit < INF) {
                // Only when running in turns with other councils; a whole run never stops early.
                double next = earliest(monthEnd, systemTime, childTime, entryTime);
                if (next > limit || (next == limit && !inclusive)) {
                    this.events = events;
                    return false;
                }
            }
            events++;
            if (monthEnd <= systemTime && monthEnd <= childTime && monthEnd <= entryTime) {
                now = monthEnd;
                closeMonth();
                if (month == model.time().months()) {
                    break;
                }
            } else if (systemTime <= childTime && systemTime <= entryTime) {
                now = systemTime;
                if (capacityTime <= turnover.next() && capacityTime <= voids.nextRelease()) {
                    applyCapacityChange(nextCapacityChange++);
                } else if (turnover.next() <= voids.nextRelease()) {
                    turnOver();
                } else {
                    offerFreedPlaces(voids.release());
                }
            } else if (childTime <= entryTime) {
                now = childTime;
                handleChildEvent(queue.peekId());
            } else {
                now = entryTime;
                int kind = arrivals.nextKind();
                long number = arrivals.take(kind, now, month);
                if (kind == EntryClocks.UASC) {
                    EntryProcess entries = model.entries();
                    admit(number, entries.uascAges(), entries.uascNeed(), true);
                } else if (kind == EntryClocks.BASE) {
                    arriveFromBaseProcess(number);
                } else {
                    admit(number);
                }
            }
        }
        this.events = events;
        result.events = events;
        return true;
    }

    private void handleChildEvent(int id) {
        switch (children.nextKind(id)) {
            case ChildTable.EXIT -> leaveCare(id);
            case ChildTable.BREAKDOWN -> breakDown(id);
            case ChildTable.PLANNED_END -> endAsPlanned(id);
            case ChildTable.BIRTHDAY_16 -> turnSixteen(id);
            case ChildTable.STEP_DOWN -> becomeEligibleForStepDown(id);
            case ChildTable.CARE_PLAN_MOVE -> moveAsPlanned(id);
            default -> throw new IllegalStateException("unknown event kind " + children.nextKind(id));
        }
    }

    // =====================================================================================
    // Entries and the initial cohort
    // =====================================================================================

    private void placeInitialCohort() {
        var cohort = model.initial();
        int n = cohort.size();
        for (int i = 0; i < n; i++) {
            int id = newChild(i);
            long k = key(id);
            double age = cohort.age(i, uniform(k, RandomStreams.INITIAL, 0));
            double inCareDays = cohort.daysInCare(i, age, uniform(k, RandomStreams.INITIAL, 1));
            double inPlacementDays = cohort.daysInPlacement(i, inCareDays, uniform(k, RandomStreams.INITIAL, 2));
            children.setBirth(id, -age);
            children.setNeed(id, cohort.need()[i]);
            if (cohort.uasc()[i]) {
                children.markUasc(id);
                uascInCare++;
            }
            startCareClocks(id, -inCareDays);
            occupy(id, cohort.type()[i], -inPlacementDays);
            double own = cohort.ownCostPerDay()[i];
            if (!Double.isNaN(own)) {
                int t = cohort.type()[i];
                // The type's price at the start's level: its month-0 price over its month-0 uplift.
                commitment[id] = own - model.placements().costPerChildDay()[t] / model.placements().priceIndex()[t];
                premium[t] += commitment[id];
            }
            if (inPlacementDays < inCareDays) {
                // Placed after entering care, so the placement began with a move: the one move
                // before the start that is known, and the one the 3+ placements count needs.
                children.setLastMove(id, -inPlacementDays);
            }
        }
        // Candidates must be in order of placement start; initial children were added in cohort
        // order, so sort them by how long each child has been placed.
        for (StepDownCandidates list : candidates) {
            if (list != null) {
                list.sortByStart();
            }
        }
        for (int id = 0; id < children.highWater(); id++) {
            if (children.type(id) != FREE) {
                reschedule(id);
            }
        }
    }

    /**
     * A base arrival: it enters care unless a demand reduction thins it out, decided by its
     * own draw so that the arrivals kept are the same children as in the baseline.
     */
    private void arriveFromBaseProcess(long number) {
        double keep = model.entries().acceptance()[month];
        if (keep >= 1 || uniform(RandomStreams.entityKey(replicationKey, number), RandomStreams.ENTRY, 3) < keep) {
            admit(number);
        }
    }

    private void admit(long arrivalNumber) {
        admit(arrivalNumber, entryAges, -1, false);
    }

    /**
     * A child enters care with an age from {@code ages} and the given need level (or, when
     * {@code need} is -1, one drawn from the need shares).
     */
    private void admit(long arrivalNumber, EntryAges ages, int need, boolean uasc) {
        int m = month;
        result.entries[m]++;
        int id = newChild(arrivalNumber);
        long k = key(id);
        EntryProcess entries = model.entries();
        int segment = pick(ages.cumulative(), uniform(k, RandomStreams.ENTRY, 0));
        int band = ages.band()[segment];
        double age = ages.age(segment, uniform(k, RandomStreams.ENTRY, 1));
        children.setBirth(id, now - age);
        children.setNeed(id, need >= 0 ? need : pick(needCumulative, uniform(k, RandomStreams.ENTRY, 2)));
        if (uasc) {
            children.markUasc(id);
            accrueUasc();
            uascInCare++;
        }
        startCareClocks(id, now);
        if (entries.carePlanMoveShare() > 0 && uniform(k, RandomStreams.CARE_PLAN, 0) < entries.carePlanMoveShare()) {
            children.setCarePlanTime(id, now + entries.carePlanMoveMeanDays() * exponential(k, RandomStreams.CARE_PLAN, 1));
        }
        match(id, model.matching().preferences(band, children.need(id)));
        reschedule(id);
    }

    /**
     * The uncertain assumptions of this replication, drawn once from the keyed stream of its
     * pair (Box-Muller normals), so every scenario compared sees the same draws in the same
     * replication, and the two replications of a pair differ only by chance: a multiplier exp(rateLogSd z) on every exit hazard, and entry rates scaled by
     * exp(rateLogSd z1 + trendSdPerYear z2 t). Known assumptions (sd 0) use the model's values.
     */
    private void drawAssumptions() {
        double[] breakdownSd = model.breakdown().rateLogSd();
        if (breakdownScale == null) {
            breakdownScale = new double[breakdownSd.length];
        }
        for (int t = 0; t < breakdownSd.length; t++) {
            // Draws 4 + 2t and 5 + 2t of the stream: a type's draw is the same whatever the others' sd.
            breakdownScale[t] = breakdownSd[t] > 0 ? Math.exp(breakdownSd[t] * normal(4 + 2L * t)) : 1;
        }
        double sd = model.exits().rateLogSd();
        // A hazard k times as high spends the same exponential draw k times as fast.
        exitScale = sd > 0 ? Math.exp(sd * normal(2)) : 1;
        EntryProcess entries = model.entries();
        drawShares(entries);
        drawReasons();
        if (!entries.uncertain()) {
            entryRate = entries.ratePerDay();
            extraEntryRate = entries.extraRatePerDay();
            return;
        }
        double u1 = uniform(assumptionKey, RandomStreams.ASSUMPTION, 0);
        double u2 = uniform(assumptionKey, RandomStreams.ASSUMPTION, 1);
        double radius = Math.sqrt(-2 * Math.log(u1));
        double z1 = radius * Math.cos(2 * Math.PI * u2);
        double z2 = radius * Math.sin(2 * Math.PI * u2);
        double[] monthStart = model.time().monthStartDay();
        int months = entries.ratePerDay().length;
        if (entryRate == null || entryRate == entries.ratePerDay() || entryRate.length != months) {
            entryRate = new double[months];
            extraEntryRate = new double[months];
        }
        for (int m = 0; m < months; m++) {
            double years = monthStart[m] / TimeGrid.DAYS_PER_YEAR;
            double k = Math.exp(entries.rateLogSd() * z1 + entries.trendSdPerYear() * z2 * years);
            entryRate[m] = entries.ratePerDay()[m] * k;
            extraEntryRate[m] = entries.extraRatePerDay()[m] * k;
        }
    }

    /**
     * The entries' need and age shares of this replication pair: drawn from the Dirichlet their
     * estimation implies when the scenario says how many entries they came from, else the model's.
     * Within the first age band, newborns keep their share of the band.
     */
    private void drawShares(EntryProcess entries) {
        double[] needs = model.needs().entryShareCumulative();
        if (!(entries.shareCount() > 0)) {
            needCumulative = needs;
            entryAges = entries.ages();
            return;
        }
        long needKey = RandomStreams.pathKey(assumptionKey, "entries.needShares");
        needCumulative = cumulative(ShareDraw.dirichlet(increments(needs), entries.shareCount(),
                j -> uniform(needKey, RandomStreams.ASSUMPTION, j)));
        EntryAges ages = entries.ages();
        double[] segment = increments(ages.cumulative());
        int bands = 0;
        for (int b : ages.band()) {
            bands = Math.max(bands, b + 1);
        }
        double[] band = new double[bands];
        for (int s = 0; s < segment.length; s++) {
            band[ages.band()[s]] += segment[s];
        }
        long ageKey = RandomStreams.pathKey(assumptionKey, "entries.ageShares");
        double[] drawn = ShareDraw.dirichlet(band, entries.shareCount(), j -> uniform(ageKey, RandomStreams.ASSUMPTION, j));
        double[] scaled = new double[segment.length];
        for (int s = 0; s < segment.length; s++) {
            int b = ages.band()[s];
            scaled[s] = band[b] > 0 ? segment[s] * drawn[b] / band[b] : 0;
        }
        entryAges = new EntryAges(ages.lowerDays(), ages.upperDays(), cumulative(scaled), ages.band());
    }

    /** Each age band's exit reason shares, drawn from their Dirichlet where the scenario counts the exits behind them. */
    private void drawReasons() {
        var exits = model.exits();
        if (!exits.reasonsUncertain()) {
            reasonCumulative = exits.reasonCumulative();
            return;
        }
        int drawn = ExitReason.DRAWN.size();
        double[] out = exits.reasonCumulative().clone();
        for (int b = 0; b < exits.reasonCount().length; b++) {
            if (exits.reasonCount()[b] > 0) {
                double[] band = java.util.Arrays.copyOfRange(out, b * drawn, (b + 1) * drawn);
                long key = RandomStreams.pathKey(assumptionKey, "exits.reasons." + b);
                double[] shares = ShareDraw.dirichlet(increments(band), exits.reasonCount()[b],
                        j -> uniform(key, RandomStreams.ASSUMPTION, j));
                System.arraycopy(cumulative(shares), 0, out, b * drawn, drawn);
            }
        }
        reasonCumulative = out;
    }

    private static double[] increments(double[] cumulative) {
        double[] out = new double[cumulative.length];
        for (int i = 0; i < cumulative.length; i++) {
            out[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        return out;
    }

    /** Running totals, the last exactly 1 so that a draw always finds its place. */
    private static double[] cumulative(double[] shares) {
        double[] out = new double[shares.length];
        double total = 0;
        for (int i = 0; i < shares.length; i++) {
            total += shares[i];
            out[i] = total;
        }
        out[out.length - 1] = 1;
        return out;
    }

    /** A standard normal from draws {@code n} and {@code n + 1} of this replication's assumption stream (Box-Muller). */
    private double normal(long n) {
        double u1 = uniform(assumptionKey, RandomStreams.ASSUMPTION, n);
        double u2 = uniform(assumptionKey, RandomStreams.ASSUMPTION, n + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private void accrueUasc() {
        uascArea += uascInCare * (now - uascSince);
        uascSince = now;
    }

    // =====================================================================================
    // Child events
    // =====================================================================================

    private void leaveCare(int id) {
        int reason;
        if (children.agedOut(id)) {
            reason = ExitReason.TURNED_18.ordinal();
        } else {
            int band = model.ages().bandOf(now - children.birth(id));
            int drawn = ExitReason.DRAWN.size();
            reason = pickFrom(reasonCumulative, band * drawn, drawn, uniform(key(id), RandomStreams.EXIT, 1));
        }
        result.exits[month * reasons + reason]++;
        if (children.uasc(id)) {
            accrueUasc();
            uascInCare--;
        }
        int from = children.type(id);
        vacate(id);
        queue.cancel(id);
        children.remove(id);
        offerFreedPlaces(from);
    }

    private void breakDown(int id) {
        result.breakdowns[month]++;
        result.breakdownsIn[month * types + children.type(id)]++;
        int level = children.need(id);
        int escalatesTo = model.needs().escalatesTo()[level];
        if (escalatesTo >= 0 && uniform(key(id), RandomStreams.ESCALATION, children.placements(id))
                < model.needs().escalationProbability()[level]) {
            children.setNeed(id, escalatesTo);
        }
        int from = children.type(id);
        double voidDays = model.breakdown().voidDays()[from];
        if (model.breakdown().hasDestinations(from)) {
            int to = model.breakdown().destination(from, uniform(key(id), RandomStreams.BREAKDOWN_DESTINATION,
                    children.placements(id)));
            if (to >= 0 && canTake(to, id, now - children.birth(id))) {
                move(id, onlyType[to], voidDays);
                return;
            }
        }
        int band = model.ages().bandOf(now - children.birth(id));
        move(id, model.matching().preferences(band, children.need(id)), voidDays);
    }

    /** The one move the care plan makes after entry: the child is matched again, need unchanged. */
    private void moveAsPlanned(int id) {
        children.setCarePlanTime(id, INF);
        rematch(id);
    }

    private void endAsPlanned(int id) {
        int after = model.breakdown().plannedNeed()[children.type(id)];
        if (after >= 0) {
            children.setNeed(id, after);
        }
        rematch(id);
    }

    private void rematch(int id) {
        int band = model.ages().bandOf(now - children.birth(id));
        move(id, model.matching().preferences(band, children.need(id)), 0);
    }

    /**
     * Moves a child to the first type on {@code preferences} with a free place. The child is
     * matched while it still holds its old place, and the old place is freed only after: so a
     * child whose placement ended can never be handed back the carer or home it just left (a
     * full pool sends it to the next type on its list, in the end the market), and the freed
     * place is then offered to others, or after {@code voidDays} days if it is held empty first.
     */
    private void move(int id, int[] preferences, double voidDays) {
        int from = children.type(id);
        recordMove(id);
        int to = choose(id, preferences);
        vacate(id);
        if (voidDays > 0) {
            voids.hold(from, now + voidDays);
        }
        occupy(id, to, now);
        reschedule(id);
        offerFreedPlaces(from);
    }

    private void turnSixteen(int id) {
        children.setBirthday16Time(id, INF);
        var ageing = model.ageing();
        if (ageing.appliesTo()[children.type(id)] && uniform(key(id), RandomStreams.AGEING, 0) < ageing.share()) {
            move(id, ageing.order(), 0);
        } else {
            reschedule(id);
        }
    }

    /**
     * The child has stayed long enough for a step-down rule: try the rules of its type in
     * order; if none moves it, wake again when the next rule's minimum stay is reached.
     */
    private void becomeEligibleForStepDown(int id) {
        var rules = model.stepDown();
        int source = children.type(id);
        double nextThreshold = INF;
        for (int r : rules.rulesOf()[source]) {
            int target = rules.to()[r];
            if (hasFreePlace(target, id) && isStepDownCandidate(id, r) && tryStepDown(id, r)) {
                return;
            }
            // Compare times, not durations: placeStart + minStay is exactly when the event was set.
            double eligibleAt = children.placeStart(id) + rules.minStayDays()[r];
            if (eligibleAt > now) {
                nextThreshold = Math.min(nextThreshold, eligibleAt);
            }
        }
        children.setStepDownTime(id, nextThreshold);
        reschedule(id);
    }

    // =====================================================================================
    // Placements, matching and step-down
    // =====================================================================================

    /** Places a child entering care in the first type on its list with a free place. */
    private void match(int id, int[] preferences) {
        occupy(id, choose(id, preferences), now);
    }

    /**
     * The first type on {@code preferences} with a free place that takes the child's age,
     * counting spill-over when it is not the first. The last type is unlimited and takes the
     * child whatever its age limits, so a choice never fails.
     */
    private int choose(int id, int[] preferences) {
        double age = now - children.birth(id);
        int last = preferences.length - 1;
        for (int i = 0; i < last; i++) {
            int t = preferences[i];
            if (canTake(t, id, age)) {
                if (i > 0) {
                    result.spillOver[month * types + t]++;
                }
                return t;
            }
        }
        if (last > 0) {
            result.spillOver[month * types + preferences[last]]++;
        }
        return preferences[last];
    }

    /**
     * Whether the child's placement number {@code n}, of type {@code t}, is outside the council's
     * area: decided by the child's own keyed draw for that placement, so every scenario compared
     * places the same child's same placement alike. Drawn once, when the placement starts.
     */
    private boolean placedAway(int id, int t, int n) {
        double share = model.placements().outOfBoroughShare()[t];
        return share >= 1 || (share > 0 && uniform(key(id), RandomStreams.OUT_OF_BOROUGH, n) < share);
    }

    /** Whether type {@code t} has a free place for child {@code id}, of {@code ageDays}. */
    private boolean canTake(int t, int id, double ageDays) {
        return hasFreePlace(t, id) && ageDays >= model.placements().minAgeDays()[t] && ageDays < model.placements().maxAgeDays()[t];
    }

    /**
     * Whether type {@code t} has a place that is neither taken nor held empty after a breakdown,
     * that child {@code id} may take (-1: any child; only pooled places' rules tell children apart).
     */
    private boolean hasFreePlace(int t, int id) {
        SharedPlaces pool = pools == null ? null : pools[t];
        return pool != null ? pool.hasFreePlaceFor(this, id < 0 ? -1 : children.need(id)) : occupancy[t] + voids.held(t) < capacity[t];
    }

    /** Places of type {@code t} taken or held empty after a breakdown, now. */
    int placesTaken(int t) {
        return occupancy[t] + voids.held(t);
    }

    /** Places of type {@code t} now (its capacity). */
    int places(int t) {
        return capacity[t];
    }

    /** Type {@code t}'s places are pooled with other councils' ({@link RegionReplication}). */
    void share(int t, SharedPlaces pool) {
        if (pools == null) {
            pools = new SharedPlaces[types];
        }
        pools[t] = pool;
    }

    private void occupy(int id, int t, double since) {
        accrue(t);
        occupancy[t]++;
        children.setType(id, t);
        children.setPlaceStart(id, since);
        children.setPlacementSerial(id, ++placementSerial);
        indicators.placed(children, id, since);
        int n = children.countPlacement(id);
        boolean placedAway = placedAway(id, t, n);
        if (placedAway) {
            away[t]++;
        }
        children.setAway(id, placedAway);
        if (since >= 0 && month < result.months) {
            result.placementsStarted[month * types + t]++;
        }
        long k = key(id);
        double rate = model.breakdown().ratePerDay()[t] * breakdownScale[t] * model.needs().breakdownMultiplier()[children.need(id)];
        Frailty frailty = model.breakdown().frailty();
        if (frailty != null && rate > 0) {
            // From the child's own keyed uniform at each placement, so always the same value:
            // no slot in the child's row, and common to every scenario compared.
            rate *= frailty.at(uniform(k, RandomStreams.FRAILTY, 0));
        }
        if (model.satellites().appliesTo(t) && members[t] < slots[t]) {
            children.setMember(id, 1);
            members[t]++;
            rate *= model.satellites().breakdownMultiplier()[t];
        }
        children.setBreakdownTime(id, rate > 0 ? now + exponential(k, RandomStreams.BREAKDOWN, n) / rate : INF);
        double planned = model.breakdown().plannedRatePerDay()[t];
        children.setPlannedTime(id, planned > 0 ? now + exponential(k, RandomStreams.PLANNED_END, n) / planned : INF);
        if (candidates[t] != null) {
            candidates[t].add(id, children.placementSerial(id), since);
            double eligible = Math.max(now, since + stepDownAfter[t]);
            // A child already too old for every rule by then would wake only to be turned away.
            children.setStepDownTime(id, eligible - children.birth(id) < stepDownAgeLimit[t] ? eligible : INF);
        } else {
            children.setStepDownTime(id, INF);
        }
    }

    private void vacate(int id) {
        int t = children.type(id);
        accrue(t);
        occupancy[t]--;
        if (id < commitment.length && commitment[id] != 0) {
            // The placement the council committed to has ended: the child's next one is at the market's price.
            premium[t] -= commitment[id];
            commitment[id] = 0;
        }
        if (children.away(id)) {
            away[t]--;
        }
        if (children.member(id) != 0) {
            children.setMember(id, 0);
            members[t]--;
        }
    }

    private void recordMove(int id) {
        result.moves[month]++;
        double secondLast = children.lastMove(id);
        children.setLastMove(id, now);
        indicators.moved(children, id, secondLast);
    }

    /**
     * A place has (possibly) come free in {@code t}: offer it to step-down candidates, longest
     * placed first, while places remain and someone accepts.
     */
    private void offerFreedPlaces(int t) {
        SharedPlaces pool = pools == null ? null : pools[t];
        if (pool != null && pool.oneQueue()) {
            pool.offerInOneQueue(now);
            return;
        }
        offerToOwnCandidates(t);
        if (pool != null) {
            // A pooled place this council's candidates did not take is offered to the other councils'.
            pool.offerToOthers(this, now);
        }
    }

    // ---- the region's one queue ({@link SharedPlaces#offerInOneQueue}): this council's candidates, entry by entry ----

    /** Brings this council's clock to {@code at}: councils run in time order, so it has no event before then. */
    void advanceTo(double at) {
        now = at;
    }

    /** The step-down rules whose target is type {@code t}, in this council's order. */
    int[] rulesInto(int t) {
        return model.stepDown().rulesInto()[t];
    }

    /** The first entry of rule {@code r}'s candidates (its source type's placements, oldest first). */
    int firstCandidate(int r) {
        return candidates[model.stepDown().from()[r]].begin();
    }

    /**
     * The first entry from {@code i} on of rule {@code r}'s candidates who could be offered a place
     * now, dropping stale ones as {@link #offerToOwnCandidates} does; -1 when none can yet (the
     * entries are in order of start, so the first placed too recently ends the search).
     */
    int nextCandidate(int r, int i) {
        var rules = model.stepDown();
        double minStay = rules.minStayDays()[r];
        int source = rules.from()[r];
        StepDownCandidates list = candidates[source];
        for (i = Math.max(i, list.begin()); i < list.end(); i++) {
            if (list.start(i) + minStay > now) {
                return -1;
            }
            int c = list.id(i);
            // Drop placements that have ended, and children too old for every rule (they would sit
            // at the front, the longest placed, and be stepped over at every offer).
            if (children.placementSerial(c) != list.serial(i) || now - children.birth(c) >= stepDownAgeLimit[source]) {
                list.drop(i);
                continue;
            }
            return i;
        }
        return -1;
    }

    /** When the placement of entry {@code i} of rule {@code r}'s candidates started. */
    double candidateStart(int r, int i) {
        return candidates[model.stepDown().from()[r]].start(i);
    }

    /** Offers a free place of type {@code t} to entry {@code i} of rule {@code r}'s candidates; whether the child moved. */
    boolean offerTo(int t, int r, int i) {
        int c = candidates[model.stepDown().from()[r]].id(i);
        return hasFreePlace(t, c) && isStepDownCandidate(c, r) && tryStepDown(c, r);
    }

    /** Another council's child has freed a pooled place of type {@code t} at {@code at}: this council's candidates may take it. */
    void offerSharedPlace(int t, double at) {
        advanceTo(at);
        offerToOwnCandidates(t);
    }

    private void offerToOwnCandidates(int t) {
        int[] into = rulesInto(t);
        boolean moved = true;
        while (moved && into.length > 0 && hasFreePlace(t, -1)) {
            moved = false;
            for (int k = 0; k < into.length && !moved; k++) {
                int r = into[k];
                for (int i = nextCandidate(r, firstCandidate(r)); i >= 0 && !moved; i = nextCandidate(r, i + 1)) {
                    moved = offerTo(t, r, i);
                }
            }
        }
    }

    /** Whether the child may be offered a move under step-down rule {@code r} now. */
    private boolean isStepDownCandidate(int id, int r) {
        var rules = model.stepDown();
        int target = rules.to()[r];
        double age = now - children.birth(id);
        return age >= rules.minAgeDays()[r] && age < rules.maxAgeDays()[r]
                && age >= model.placements().minAgeDays()[target] && age < model.placements().maxAgeDays()[target]
                && children.placeStart(id) + rules.minStayDays()[r] <= now;
    }

    /** Offers a place under rule {@code r} to a child; returns whether the child moved. */
    private boolean tryStepDown(int id, int r) {
        if (uniform(key(id), RandomStreams.STEP_DOWN, children.countOffer(id)) >= model.stepDown().probability()[r]) {
            return false;
        }
        result.stepDowns[month]++;
        recordMove(id);
        vacate(id);
        occupy(id, model.stepDown().to()[r], now);
        reschedule(id);
        return true;
    }

    // =====================================================================================
    // Clocks
    // =====================================================================================

    /**
     * Sets the clocks fixed for the whole stay in care: the exit time, found by integrating the
     * piecewise-constant exit hazard (constant between age-band and time-in-care-band edges)
     * against one exponential draw; and the 16th birthday if the ageing rule applies.
     */
    private void startCareClocks(int id, double careStart) {
        double ageOut = children.birth(id) + AgeBands.AGE_18_DAYS;
        double exit = model.exits().exitTime(model.ages(), children.birth(id), careStart, now,
                exponential(key(id), RandomStreams.EXIT, 0) / exitScale);
        children.setExitTime(id, exit);
        children.setAgedOut(id, exit >= ageOut);
        double sixteen = children.birth(id) + AgeBands.AGE_16_DAYS;
        children.setBirthday16Time(id, model.ageing().isActive() && sixteen > now ? sixteen : INF);
        indicators.startStay(children, id, careStart, exit);
    }

    /** Puts the child's earliest clock in the queue. Exit wins ties, so nothing follows a departure. */
    private void reschedule(int id) {
        queue.schedule(id, children.nextEvent(id));
    }

    // =====================================================================================
    // Capacity, months and tallies
    // =====================================================================================

    private void applyCapacityChange(int i) {
        var plan = model.capacity();
        int t = plan.changeType()[i];
        if (plan.changeKind()[i] == CapacityPlan.SLOTS) {
            slots[t] += plan.changeDelta()[i];
            if (plan.changeDelta()[i] > 0) {
                enrolInSatellites(t);
            }
        } else {
            changePlaces(t, plan.changeDelta()[i]);
        }
    }

    /** Places added or removed; never below zero, never evicting anyone. */
    private void changePlaces(int t, int delta) {
        boolean turnsOver = turnover.active(t);
        if (turnsOver) {
            turnover.spendLoss(t, now, month, capacity[t]);
        }
        accruePlaces(t);
        capacity[t] = Math.max(0, capacity[t] + delta);
        if (turnsOver) {
            turnover.scheduleLoss(t, now, month, capacity[t]);
            turnover.findNext();
        }
        if (delta > 0) {
            offerFreedPlaces(t);
        }
    }

    /**
     * New hubs: children already in the type join satellite households until the slots are
     * full. Their breakdown clock keeps its draw and runs at the lower hazard from now on
     * (exponential clocks are memoryless, so scaling the time left is exact).
     */
    private void enrolInSatellites(int t) {
        double multiplier = model.satellites().breakdownMultiplier()[t];
        for (int id = 0; id < children.highWater() && members[t] < slots[t]; id++) {
            if (children.type(id) != t || children.member(id) != 0) {
                continue;
            }
            children.setMember(id, 1);
            members[t]++;
            double due = children.breakdownTime(id);
            if (multiplier != 1 && due < INF) {
                children.setBreakdownTime(id, multiplier > 0 ? now + (due - now) / multiplier : INF);
                reschedule(id);
            }
        }
    }

    // =====================================================================================
    // Carer turnover: places gained (Poisson) and lost (a hazard per place)
    // =====================================================================================

    /** A turnover event: a place gained or lost; changePlaces reschedules the type's loss clock and finds the next event. */
    private void turnOver() {
        int t = turnover.nextType();
        boolean gain = turnover.nextIsGain();
        turnover.advance(now, month);
        changePlaces(t, gain ? +1 : -1);
    }

    /** Integrates the places of a limited type over time since the last change: exact place-days. */
    private void accruePlaces(int t) {
        if (capacity[t] != CapacityPlan.UNLIMITED) {
            placeArea[t] += capacity[t] * (now - placeSince[t]);
        }
        placeSince[t] = now;
    }

    /** Integrates occupancy over time since the last change: exact child-days without daily events. */
    private void accrue(int t) {
        awayArea[t] += away[t] * (now - areaSince[t]);
        area[t] += occupancy[t] * (now - areaSince[t]);
        premiumArea[t] += premium[t] * (now - areaSince[t]);
        areaSince[t] = now;
    }

    private void closeMonth() {
        int m = month;
        double days = model.time().monthStartDay()[m + 1] - model.time().monthStartDay()[m];
        double[] cost = model.placements().costPerChildDay();
        double[] fixed = model.placements().fixedCostPerDay();
        double[] index = model.placements().priceIndex();
        for (int t = 0; t < types; t++) {
            accrue(t);
            int cell = m * types + t;
            result.childDays[cell] = area[t];
            result.outOfBoroughDays[cell] = awayArea[t];
            awayArea[t] = 0;
            accruePlaces(t);
            result.placeDays[cell] = placeArea[t];
            placeArea[t] = 0;
            result.spend[cell] = area[t] * cost[cell] + fixed[cell] * days + premiumArea[t] * index[cell];
            area[t] = 0;
            premiumArea[t] = 0;
        }
        accrueUasc();
        result.uascDays[m] = uascArea;
        uascArea = 0;
        int lines = result.lines;
        System.arraycopy(model.costLines().pounds(), m * lines, result.lineSpend, m * lines, lines);
        int[] active = model.turnover().active();
        for (int t : active) {
            turnover.spendLoss(t, now, m, capacity[t]);
        }
        month = m + 1;
        if (active.length > 0) {
            for (int t : active) {
                turnover.scheduleLoss(t, now, month, capacity[t]);
            }
            turnover.findNext();
        }
        takeCensus(month);
    }

    private void takeCensus(int m) {
        System.arraycopy(occupancy, 0, result.census, m * types, types);
        System.arraycopy(members, 0, result.supportedByHubs, m * types, types);
        System.arraycopy(away, 0, result.outOfBorough, m * types, types);
        result.uasc[m] = uascInCare;
        for (int t = 0; t < types; t++) {
            result.places[m * types + t] = capacity[t] == CapacityPlan.UNLIMITED ? -1 : capacity[t];
        }
        indicators.take(m, result);
    }

    // =====================================================================================
    // Storage
    // =====================================================================================

    private void reset(long replicationKey) {
        this.replicationKey = replicationKey;
        result.clear();
        queue.clear();
        now = 0;
        month = 0;
        indicators.clear();
        uascInCare = 0;
        uascArea = 0;
        uascSince = 0;
        Arrays.fill(slots, 0);
        Arrays.fill(members, 0);
        nextCapacityChange = 0;
        children.clear();
        Arrays.fill(occupancy, 0);
        Arrays.fill(premium, 0);
        Arrays.fill(premiumArea, 0);
        Arrays.fill(commitment, 0);
        voids.clear();
        System.arraycopy(model.capacity().initial(), 0, capacity, 0, types);
        Arrays.fill(area, 0);
        Arrays.fill(areaSince, 0);
        Arrays.fill(away, 0);
        Arrays.fill(awayArea, 0);
        Arrays.fill(placeArea, 0);
        Arrays.fill(placeSince, 0);
        placementSerial = 0;
        for (StepDownCandidates list : candidates) {
            if (list != null) {
                list.clear();
            }
        }
    }

    private int newChild(long arrivalNumber) {
        return children.add(RandomStreams.entityKey(replicationKey, arrivalNumber));
    }

    /** The child's random-stream key. */
    private long key(int id) {
        return children.key(id);
    }

    /** Index of the first cumulative share above {@code u}. */
    private static int pick(double[] cumulative, double u) {
        return pickFrom(cumulative, 0, cumulative.length, u);
    }

    private static int pickFrom(double[] cumulative, int offset, int length, double u) {
        for (int i = 0; i < length - 1; i++) {
            if (u < cumulative[offset + i]) {
                return i;
            }
        }
        return length - 1;
    }
}
