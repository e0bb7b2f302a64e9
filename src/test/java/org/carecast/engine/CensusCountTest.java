package org.carecast.engine;

import org.carecast.model.TimeGrid;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The census lookups and difference counts against direct computation. */
class CensusCountTest {

    private final double[] monthStart = TimeGrid.of(LocalDate.of(2025, 4, 1), 24).monthStartDay();
    private final CensusCalendar calendar = new CensusCalendar(monthStart);

    @Test
    void lookupsAgreeWithASearchOfTheMonthStarts() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            // Whole days (census days among them) as often as fractions, and times outside the run.
            double t = random.nextBoolean() ? random.nextInt(-30, 800) : random.nextDouble(-30, 800);
            assertEquals(search(t, false), calendar.atOrAfter(t), "at or after " + t);
            assertEquals(search(t, true), calendar.after(t), "after " + t);
        }
        assertEquals(0, calendar.atOrAfter(Double.NEGATIVE_INFINITY));
        assertEquals(monthStart.length, calendar.after(Double.POSITIVE_INFINITY));
        assertEquals(1, calendar.after(0.0), "a change at time 0 is after census 0");
        assertEquals(0, calendar.atOrAfter(0.0));
    }

    @Test
    void differenceCountsEqualCountingEveryInterval() {
        int censuses = monthStart.length;
        CensusCount count = new CensusCount(censuses);
        int[] direct = new int[censuses];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 2_000; i++) {
            int from = random.nextInt(censuses + 1);
            int until = random.nextInt(censuses + 1);
            int delta = random.nextBoolean() ? 1 : -1;
            count.add(from, until, delta);
            for (int m = from; m < until; m++) {
                direct[m] += delta;
            }
        }
        for (int m = 0; m < censuses; m++) {
            assertEquals(direct[m], count.take(m), "census " + m);
        }
        count.clear();
        assertEquals(0, count.take(0));
    }

    @Test
    void aRunThatBeganBeforeTheLastCensusCountsFromTheNext() {
        CensusCount count = new CensusCount(6);
        assertEquals(0, count.take(0));
        assertEquals(0, count.take(1));
        // Known only now, after census 1: a child in the state since census 0, until census 4.
        count.add(0, 4, +1);
        assertEquals(1, count.take(2));
        // Taken back from census 0 on (a move): only the censuses still to come change.
        count.add(0, 4, -1);
        count.add(0, 5, +1);
        assertEquals(1, count.take(3));
        assertEquals(1, count.take(4));
        assertEquals(0, count.take(5));
    }

    private int search(double t, boolean strictly) {
        for (int m = 0; m < monthStart.length; m++) {
            if (strictly ? monthStart[m] > t : monthStart[m] >= t) {
                return m;
            }
        }
        return monthStart.length;
    }
}
