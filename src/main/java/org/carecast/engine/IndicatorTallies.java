package org.carecast.engine;

import org.carecast.model.AgeBands;
import org.carecast.model.TimeGrid;

/**
 * The monthly indicators counted at each census (the 1st of every month), kept as children
 * change rather than by visiting every child at each census: children with 3 or more
 * placements in 12 months, and the national long-term stability measure (of children under 16
 * looked after for 2.5 years or more, those in the same placement for 2 years or more). Each
 * child adds +1 to a run of censuses ({@link CensusCount}) when something changes what those
 * censuses will see, and takes back the run it added before. A census sees a child in care up
 * to and including the day it leaves (month ends come first at equal times).
 */
final class IndicatorTallies {

    /**
     * The "12 months" of the 3+ placements indicator, in days: 365, not the 365.25-day year of
     * ages and rates ({@link TimeGrid#DAYS_PER_YEAR}), as councils count a move in the year
     * before a census by calendar date.
     */
    private static final double INDICATOR_YEAR_DAYS = 365.0;

    private final CensusCalendar censuses;
    private final CensusCount threePlusPlacements;
    private final CensusCount longTermEligible;
    private final CensusCount longTermStable;

    IndicatorTallies(double[] monthStartDay) {
        censuses = new CensusCalendar(monthStartDay);
        threePlusPlacements = new CensusCount(censuses.count());
        longTermEligible = new CensusCount(censuses.count());
        longTermStable = new CensusCount(censuses.count());
    }

    void clear() {
        threePlusPlacements.clear();
        longTermEligible.clear();
        longTermStable.clear();
    }

    /**
     * A stay in care from {@code careStart} to {@code exit} (the child's birth is set): what the
     * censuses will see of it is fixed for the whole stay, and it is eligible for the stability
     * measure from 2.5 years in care until its 16th birthday.
     */
    void startStay(ChildTable children, int id, double careStart, double exit) {
        int exitCensus = censuses.after(exit);
        int eligibleUntil = Math.min(censuses.atOrAfter(children.birth(id) + AgeBands.AGE_16_DAYS), exitCensus);
        int eligibleFrom = censuses.atOrAfter(careStart + 2.5 * TimeGrid.DAYS_PER_YEAR);
        children.setExitCensus(id, exitCensus);
        children.setEligibleFrom(id, eligibleFrom);
        children.setEligibleUntil(id, eligibleUntil);
        longTermEligible.add(eligibleFrom, eligibleUntil, +1);
    }

    /**
     * A move whose previous move was at {@code secondLast}. The national indicator counts
     * placements during the year: the one held when the year began (or on entry) and one per
     * move. Three or more is two moves or more, so the child counts while its second most
     * recent move is less than a year old.
     */
    void moved(ChildTable children, int id, double secondLast) {
        threePlusPlacements.add(children.movesFrom(id), children.movesUntil(id), -1);
        int from = censuses.after(secondLast);
        int until = Math.min(censuses.atOrAfter(secondLast + INDICATOR_YEAR_DAYS), children.exitCensus(id));
        threePlusPlacements.add(from, until, +1);
        children.setMovesFrom(id, from);
        children.setMovesUntil(id, until);
    }

    /** A new placement from {@code since}: the child counts as stable once it has lasted 2 years. */
    void placed(ChildTable children, int id, double since) {
        int until = children.eligibleUntil(id);
        longTermStable.add(children.stableFrom(id), until, -1);
        int from = Math.max(children.eligibleFrom(id), censuses.atOrAfter(since + 2 * TimeGrid.DAYS_PER_YEAR));
        longTermStable.add(from, until, +1);
        children.setStableFrom(id, from);
    }

    /** Census {@code m}'s counts, into the result. */
    void take(int m, ReplicationResult result) {
        result.threePlusPlacements[m] = threePlusPlacements.take(m);
        result.longTermEligible[m] = longTermEligible.take(m);
        result.longTermStable[m] = longTermStable.take(m);
    }
}
