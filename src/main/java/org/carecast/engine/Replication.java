package org.carecast.engine;

import org.carecast.model.AgeBands;
import org.carecast.model.ExitReason;
import org.carecast.model.Model;

import java.util.Arrays;

import static org.carecast.engine.RandomStreams.exponential;
import static org.carecast.engine.RandomStreams.uniform;

/**
 * One replication of the care system: children enter, are matched to placements under
 * capacity limits, break down, step down, turn 16, and leave, in continuous time (days).
 *
 * <p>Children are rows of struct-of-arrays state indexed by a small id that is reused after a
 * child leaves. Each child has at most one pending event in the {@link EventQueue}: the
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
    private static final double YEAR = 365.0;
    /** Arrival numbers of entries start here, so they never collide with the initial cohort. */
    private static final long FIRST_ENTRY_NUMBER = 1L << 40;

    private static final byte EV_EXIT = 0;
    private static final byte EV_BREAKDOWN = 1;
    private static final byte EV_PLANNED_END = 2;
    private static final byte EV_BIRTHDAY_16 = 3;
    private static final byte EV_STEP_DOWN = 4;

    private final Model model;
    private final int types;
    private final int reasons = ExitReason.values().length;
    private final EventQueue queue;
    private final ReplicationResult result;

    // ---- child state, indexed by id ----
    private int[] type;
    private int[] need;
    private double[] birth;
    private double[] careStart;
    private double[] placeStart;
    private double[] exitTime;
    private boolean[] agedOut;
    private double[] breakdownTime;
    private double[] plannedTime;
    private double[] birthday16Time;
    private double[] stepDownTime;
    private byte[] nextKind;
    private long[] key;
    /** Placements so far in this care episode: the draw number for per-placement streams. */
    private int[] placements;
    /** Step-down offers made: the draw number for the acceptance stream. */
    private int[] offers;
    /** Times of the three most recent moves, most recent first. */
    private double[] move1;
    private double[] move2;
    private double[] move3;
    private boolean[] inCare;
    /** Links of the per-type step-down candidate lists, ordered by placement start. */
    private int[] listPrev;
    private int[] listNext;
    private int[] freeIds;
    private int freeCount;
    private int highWater;

    // ---- system state ----
    private final int[] occupancy;
    private final int[] capacity;
    private final double[] area;
    private final double[] areaSince;
    private final int[] listHead;
    private final int[] listTail;

    private long replicationKey;
    private double now;
    private int month;
    private long entriesSoFar;
    private double nextEntry;
    private double entryResidual;
    private int nextCapacityChange;

    public Replication(Model model) {
        this(model, new CalendarEventQueue(1024));
    }

    public Replication(Model model, EventQueue queue) {
        this.model = model;
        this.types = model.types();
        this.queue = queue;
        this.result = new ReplicationResult(model.time().months(), types);
        occupancy = new int[types];
        capacity = new int[types];
        area = new double[types];
        areaSince = new double[types];
        listHead = new int[types];
        listTail = new int[types];
        allocate(Math.max(64, model.initial().size() * 2));
    }

    /**
     * Runs replication {@code index} of {@code seed} and returns its tallies. The returned
     * object is reused by the next call.
     */
    public ReplicationResult run(long seed, int index) {
        reset(RandomStreams.replicationKey(seed, index));
        placeInitialCohort();
        takeCensus(0);
        scheduleFirstEntry();
        runEventLoop();
        return result;
    }

    // =====================================================================================
    // Event loop
    // =====================================================================================

    private void runEventLoop() {
        final double[] monthStart = model.time().monthStartDay();
        final double[] changeDay = model.capacity().changeDay();
        final int changes = changeDay.length;
        long events = 0;
        while (true) {
            double monthEnd = monthStart[month + 1];
            double capacityTime = nextCapacityChange < changes ? changeDay[nextCapacityChange] : INF;
            double childTime = queue.peekTime();
            events++;
            if (monthEnd <= capacityTime && monthEnd <= childTime && monthEnd <= nextEntry) {
                now = monthEnd;
                closeMonth();
                if (month == model.time().months()) {
                    break;
                }
            } else if (capacityTime <= childTime && capacityTime <= nextEntry) {
                now = capacityTime;
                applyCapacityChange(nextCapacityChange++);
            } else if (childTime <= nextEntry) {
                now = childTime;
                handleChildEvent(queue.peekId());
            } else {
                now = nextEntry;
                admitNewChild();
                scheduleNextEntry();
            }
        }
        result.events = events;
    }

    private void handleChildEvent(int id) {
        switch (nextKind[id]) {
            case EV_EXIT -> leaveCare(id);
            case EV_BREAKDOWN -> breakDown(id);
            case EV_PLANNED_END -> endAsPlanned(id);
            case EV_BIRTHDAY_16 -> turnSixteen(id);
            case EV_STEP_DOWN -> becomeEligibleForStepDown(id);
            default -> throw new IllegalStateException("unknown event kind " + nextKind[id]);
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
            long k = key[id];
            double ageMin = cohort.ageMinDays()[i];
            double ageMax = cohort.ageMaxDays()[i];
            double age = ageMin + (ageMax - ageMin) * uniform(k, RandomStreams.INITIAL, 0);
            double inCareDays = cohort.daysInCare()[i];
            if (Double.isNaN(inCareDays)) {
                inCareDays = Math.min(age, cohort.meanDaysInCare() * exponential(k, RandomStreams.INITIAL, 1));
            }
            double inPlacementDays = cohort.daysInPlacement()[i];
            if (Double.isNaN(inPlacementDays)) {
                inPlacementDays = Math.min(inCareDays, cohort.meanDaysInPlacement() * exponential(k, RandomStreams.INITIAL, 2));
            }
            birth[id] = -age;
            careStart[id] = -inCareDays;
            need[id] = cohort.need()[i];
            startCareClocks(id);
            occupy(id, cohort.type()[i], -inPlacementDays);
        }
        // Candidate lists must be in order of placement start; initial children were added in
        // cohort order, so rebuild those lists sorted by how long each child has been placed.
        sortCandidateListsByPlacementStart();
        for (int id = 0; id < highWater; id++) {
            if (inCare[id]) {
                reschedule(id);
            }
        }
    }

    private void admitNewChild() {
        int m = month;
        result.entries[m]++;
        int id = newChild(FIRST_ENTRY_NUMBER + entriesSoFar++);
        long k = key[id];
        var ages = model.ages();
        int band = pick(model.entries().ageShareCumulative(), uniform(k, RandomStreams.ENTRY, 0));
        double age = ages.lowerDays()[band] + (ages.upperDays()[band] - ages.lowerDays()[band]) * uniform(k, RandomStreams.ENTRY, 1);
        birth[id] = now - age;
        careStart[id] = now;
        need[id] = pick(model.needs().entryShareCumulative(), uniform(k, RandomStreams.ENTRY, 2));
        startCareClocks(id);
        match(id, model.matching().preferences(band, need[id]));
        reschedule(id);
    }

    /**
     * Entries form a Poisson process with a rate constant within each month. The time to the
     * next entry is found by spending one exponential draw of "unit hazard" across months, so
     * a change of rate at a month boundary is exact and draws stay keyed by entry number.
     */
    private void scheduleFirstEntry() {
        entryResidual = exponential(replicationKey, RandomStreams.ARRIVAL, 0);
        nextEntry = advanceEntryClock(0, month);
    }

    private void scheduleNextEntry() {
        entryResidual = exponential(replicationKey, RandomStreams.ARRIVAL, entriesSoFar);
        nextEntry = advanceEntryClock(now, month);
    }

    private double advanceEntryClock(double from, int m) {
        double[] rate = model.entries().ratePerDay();
        double[] monthStart = model.time().monthStartDay();
        double t = from;
        double residual = entryResidual;
        for (int i = m; i < rate.length; i++) {
            double segment = monthStart[i + 1] - t;
            if (rate[i] > 0 && residual <= rate[i] * segment) {
                return t + residual / rate[i];
            }
            residual -= rate[i] * segment;
            t = monthStart[i + 1];
        }
        return INF;
    }

    // =====================================================================================
    // Child events
    // =====================================================================================

    private void leaveCare(int id) {
        int reason;
        if (agedOut[id]) {
            reason = ExitReason.TURNED_18.ordinal();
        } else {
            int band = model.ages().bandOf(now - birth[id]);
            int drawn = ExitReason.DRAWN.size();
            reason = pickFrom(model.exits().reasonCumulative(), band * drawn, drawn, uniform(key[id], RandomStreams.EXIT, 1));
        }
        result.exits[month * reasons + reason]++;
        int from = type[id];
        vacate(id);
        queue.cancel(id);
        inCare[id] = false;
        freeIds[freeCount++] = id;
        offerFreedPlaces(from);
    }

    private void breakDown(int id) {
        result.breakdowns[month]++;
        int level = need[id];
        int escalatesTo = model.needs().escalatesTo()[level];
        if (escalatesTo >= 0 && uniform(key[id], RandomStreams.ESCALATION, placements[id])
                < model.needs().escalationProbability()[level]) {
            need[id] = escalatesTo;
        }
        rematch(id);
    }

    private void endAsPlanned(int id) {
        int after = model.breakdown().plannedNeed()[type[id]];
        if (after >= 0) {
            need[id] = after;
        }
        rematch(id);
    }

    private void rematch(int id) {
        int from = type[id];
        recordMove(id);
        vacate(id);
        int band = model.ages().bandOf(now - birth[id]);
        match(id, model.matching().preferences(band, need[id]));
        reschedule(id);
        offerFreedPlaces(from);
    }

    private void turnSixteen(int id) {
        birthday16Time[id] = INF;
        var ageing = model.ageing();
        if (ageing.appliesTo()[type[id]] && uniform(key[id], RandomStreams.AGEING, 0) < ageing.share()) {
            int from = type[id];
            recordMove(id);
            vacate(id);
            match(id, ageing.order());
            reschedule(id);
            offerFreedPlaces(from);
        } else {
            reschedule(id);
        }
    }

    private void becomeEligibleForStepDown(int id) {
        stepDownTime[id] = INF;
        int target = model.stepDown().target()[type[id]];
        boolean moved = occupancy[target] < capacity[target] && isStepDownCandidate(id, type[id])
                && tryStepDown(id, target);
        if (!moved) {
            reschedule(id);
        }
    }

    // =====================================================================================
    // Placements, matching and step-down
    // =====================================================================================

    /** Places a child in the first type on its list with a free place; the last is unlimited. */
    private void match(int id, int[] preferences) {
        for (int i = 0; i < preferences.length; i++) {
            int t = preferences[i];
            if (occupancy[t] < capacity[t]) {
                if (i > 0) {
                    result.spillOver[month * types + t]++;
                }
                occupy(id, t, now);
                return;
            }
        }
        throw new IllegalStateException("matching list without an unlimited type");
    }

    private void occupy(int id, int t, double since) {
        accrue(t);
        occupancy[t]++;
        type[id] = t;
        placeStart[id] = since;
        int n = placements[id]++;
        long k = key[id];
        double rate = model.breakdown().ratePerDay()[t] * model.needs().breakdownMultiplier()[need[id]];
        breakdownTime[id] = rate > 0 ? now + exponential(k, RandomStreams.BREAKDOWN, n) / rate : INF;
        double planned = model.breakdown().plannedRatePerDay()[t];
        plannedTime[id] = planned > 0 ? now + exponential(k, RandomStreams.PLANNED_END, n) / planned : INF;
        if (model.stepDown().isSource(t)) {
            appendCandidate(id, t);
            stepDownTime[id] = Math.max(now, since + model.stepDown().minStayDays()[t]);
        } else {
            stepDownTime[id] = INF;
        }
    }

    private void vacate(int id) {
        int t = type[id];
        accrue(t);
        occupancy[t]--;
        if (model.stepDown().isSource(t)) {
            removeCandidate(id, t);
        }
    }

    private void recordMove(int id) {
        result.moves[month]++;
        move3[id] = move2[id];
        move2[id] = move1[id];
        move1[id] = now;
    }

    /**
     * A place has (possibly) come free in {@code t}: offer it to step-down candidates, longest
     * placed first, while places remain and someone accepts.
     */
    private void offerFreedPlaces(int t) {
        int[] sources = model.stepDown().sourcesOf()[t];
        if (sources.length == 0) {
            return;
        }
        boolean moved = true;
        while (moved && occupancy[t] < capacity[t]) {
            moved = false;
            for (int s = 0; s < sources.length && !moved; s++) {
                int source = sources[s];
                double minStay = model.stepDown().minStayDays()[source];
                int c = listHead[source];
                while (c >= 0) {
                    int next = listNext[c];
                    if (now - placeStart[c] < minStay) {
                        break;
                    }
                    if (isStepDownCandidate(c, source) && tryStepDown(c, t)) {
                        moved = true;
                        break;
                    }
                    c = next;
                }
            }
        }
    }

    private boolean isStepDownCandidate(int id, int source) {
        return now - birth[id] < model.stepDown().maxAgeDays()[source]
                && now - placeStart[id] >= model.stepDown().minStayDays()[source];
    }

    /** Offers a place in {@code target} to a child; returns whether the child moved. */
    private boolean tryStepDown(int id, int target) {
        double p = model.stepDown().probability()[type[id]];
        if (uniform(key[id], RandomStreams.STEP_DOWN, offers[id]++) >= p) {
            return false;
        }
        result.stepDowns[month]++;
        recordMove(id);
        vacate(id);
        occupy(id, target, now);
        reschedule(id);
        return true;
    }

    private void appendCandidate(int id, int t) {
        listPrev[id] = listTail[t];
        listNext[id] = -1;
        if (listTail[t] >= 0) {
            listNext[listTail[t]] = id;
        } else {
            listHead[t] = id;
        }
        listTail[t] = id;
    }

    private void removeCandidate(int id, int t) {
        int p = listPrev[id];
        int n = listNext[id];
        if (p >= 0) {
            listNext[p] = n;
        } else {
            listHead[t] = n;
        }
        if (n >= 0) {
            listPrev[n] = p;
        } else {
            listTail[t] = p;
        }
    }

    private void sortCandidateListsByPlacementStart() {
        for (int t = 0; t < types; t++) {
            if (!model.stepDown().isSource(t) || listHead[t] < 0) {
                continue;
            }
            java.util.List<Integer> members = new java.util.ArrayList<>();
            for (int c = listHead[t]; c >= 0; c = listNext[c]) {
                members.add(c);
            }
            // Once per replication, so boxing here is harmless; ties keep id order for reproducibility.
            members.sort((a, b) -> placeStart[a] != placeStart[b]
                    ? Double.compare(placeStart[a], placeStart[b]) : Integer.compare(a, b));
            listHead[t] = -1;
            listTail[t] = -1;
            for (int c : members) {
                appendCandidate(c, t);
            }
        }
    }

    // =====================================================================================
    // Clocks
    // =====================================================================================

    /**
     * Sets the clocks fixed for the whole stay in care: the exit time, found by integrating the
     * piecewise-constant exit hazard (constant between age-band and time-in-care-band edges)
     * against one exponential draw; and the 16th birthday if the ageing rule applies.
     */
    private void startCareClocks(int id) {
        var exits = model.exits();
        var ages = model.ages();
        double[] ticLower = exits.timeInCareLowerDays();
        double ageOut = birth[id] + AgeBands.AGE_18_DAYS;
        double residual = exponential(key[id], RandomStreams.EXIT, 0);
        // Walk segments by index rather than recomputing bands from t, so that rounding at a
        // band edge can never produce an empty segment and stall the loop.
        int band = ages.bandOf(now - birth[id]);
        int k = ticLower.length - 1;
        while (k > 0 && now - careStart[id] < ticLower[k]) {
            k--;
        }
        double t = now;
        double exit = ageOut;
        while (t < ageOut) {
            double bandEnd = band + 1 < ages.size() ? birth[id] + ages.upperDays()[band] : ageOut;
            double ticEnd = k + 1 < ticLower.length ? careStart[id] + ticLower[k + 1] : INF;
            double segmentEnd = Math.min(ageOut, Math.min(bandEnd, ticEnd));
            double hazard = exits.ratePerDay()[band] * exits.timeInCareMultiplier()[k];
            double mass = hazard * Math.max(0, segmentEnd - t);
            if (hazard > 0 && residual <= mass) {
                exit = t + residual / hazard;
                break;
            }
            residual -= mass;
            t = Math.max(t, segmentEnd);
            if (segmentEnd >= bandEnd) {
                band++;
            }
            if (segmentEnd >= ticEnd) {
                k++;
            }
        }
        exitTime[id] = exit;
        agedOut[id] = exit >= ageOut;
        double sixteen = birth[id] + AgeBands.AGE_16_DAYS;
        birthday16Time[id] = model.ageing().isActive() && sixteen > now ? sixteen : INF;
    }

    /** Puts the child's earliest clock in the queue. Exit wins ties, so nothing follows a departure. */
    private void reschedule(int id) {
        double t = exitTime[id];
        byte kind = EV_EXIT;
        if (breakdownTime[id] < t) {
            t = breakdownTime[id];
            kind = EV_BREAKDOWN;
        }
        if (plannedTime[id] < t) {
            t = plannedTime[id];
            kind = EV_PLANNED_END;
        }
        if (birthday16Time[id] < t) {
            t = birthday16Time[id];
            kind = EV_BIRTHDAY_16;
        }
        if (stepDownTime[id] < t) {
            t = stepDownTime[id];
            kind = EV_STEP_DOWN;
        }
        nextKind[id] = kind;
        queue.schedule(id, t);
    }

    // =====================================================================================
    // Capacity, months and tallies
    // =====================================================================================

    private void applyCapacityChange(int i) {
        var plan = model.capacity();
        int t = plan.changeType()[i];
        capacity[t] += plan.changeDelta()[i];
        if (plan.changeDelta()[i] > 0) {
            offerFreedPlaces(t);
        }
    }

    /** Integrates occupancy over time since the last change: exact child-days without daily events. */
    private void accrue(int t) {
        area[t] += occupancy[t] * (now - areaSince[t]);
        areaSince[t] = now;
    }

    private void closeMonth() {
        int m = month;
        double days = model.time().monthStartDay()[m + 1] - model.time().monthStartDay()[m];
        double[] cost = model.placements().costPerChildDay();
        double[] fixed = model.placements().fixedCostPerDay();
        for (int t = 0; t < types; t++) {
            accrue(t);
            int cell = m * types + t;
            result.childDays[cell] = area[t];
            result.spend[cell] = area[t] * cost[cell] + fixed[cell] * days;
            area[t] = 0;
        }
        month = m + 1;
        takeCensus(month);
    }

    private void takeCensus(int m) {
        System.arraycopy(occupancy, 0, result.census, m * types, types);
        double since = now - YEAR;
        int unstable = 0;
        for (int id = 0; id < highWater; id++) {
            if (inCare[id] && move3[id] > since) {
                unstable++;
            }
        }
        result.threePlusMoves[m] = unstable;
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
        entriesSoFar = 0;
        nextCapacityChange = 0;
        freeCount = 0;
        highWater = 0;
        Arrays.fill(inCare, false);
        Arrays.fill(occupancy, 0);
        System.arraycopy(model.capacity().initial(), 0, capacity, 0, types);
        Arrays.fill(area, 0);
        Arrays.fill(areaSince, 0);
        Arrays.fill(listHead, -1);
        Arrays.fill(listTail, -1);
    }

    private int newChild(long arrivalNumber) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (highWater == type.length) {
                allocate(type.length * 2);
            }
            id = highWater++;
        }
        inCare[id] = true;
        key[id] = RandomStreams.entityKey(replicationKey, arrivalNumber);
        placements[id] = 0;
        offers[id] = 0;
        move1[id] = -INF;
        move2[id] = -INF;
        move3[id] = -INF;
        return id;
    }

    private void allocate(int n) {
        type = grow(type, n);
        need = grow(need, n);
        placements = grow(placements, n);
        offers = grow(offers, n);
        listPrev = grow(listPrev, n);
        listNext = grow(listNext, n);
        freeIds = grow(freeIds, n);
        birth = grow(birth, n);
        careStart = grow(careStart, n);
        placeStart = grow(placeStart, n);
        exitTime = grow(exitTime, n);
        breakdownTime = grow(breakdownTime, n);
        plannedTime = grow(plannedTime, n);
        birthday16Time = grow(birthday16Time, n);
        stepDownTime = grow(stepDownTime, n);
        move1 = grow(move1, n);
        move2 = grow(move2, n);
        move3 = grow(move3, n);
        key = key == null ? new long[n] : Arrays.copyOf(key, n);
        nextKind = nextKind == null ? new byte[n] : Arrays.copyOf(nextKind, n);
        agedOut = agedOut == null ? new boolean[n] : Arrays.copyOf(agedOut, n);
        inCare = inCare == null ? new boolean[n] : Arrays.copyOf(inCare, n);
    }

    private static int[] grow(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }

    private static double[] grow(double[] a, int n) {
        return a == null ? new double[n] : Arrays.copyOf(a, n);
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
