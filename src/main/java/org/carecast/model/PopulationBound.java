package org.carecast.model;

/**
 * How many children a scenario can have in care at once, estimated before running it, so
 * that a scenario too large for the memory Java has is refused with the figure instead of
 * failing part-way. The expected number in care never exceeds the children at the start plus
 * the highest entry rate times the mean time in care or the horizon, whichever is shorter (an
 * entrant's chance of still being in care, integrated over time, is its mean stay); six standard deviations of a Poisson count
 * are added for chance.
 *
 * @param children       children in care at once, at most (a high estimate)
 * @param peakEntriesPerMonth the highest monthly entry rate in the horizon, base and extra
 */
public record PopulationBound(double children, double peakEntriesPerMonth) {

    /**
     * Heap bytes one child in care takes while a replication runs: its rows of state (14 ints,
     * 10 doubles), its events in the queue and its share of per-child lists, with room to spare.
     */
    public static final long BYTES_PER_CHILD = 320;

    public static PopulationBound of(Model model) {
        EntryProcess entries = model.entries();
        double peakPerDay = 0;
        for (int m = 0; m < entries.ratePerDay().length; m++) {
            peakPerDay = Math.max(peakPerDay, entries.ratePerDay()[m] * entries.acceptance()[m] + entries.extraRatePerDay()[m]
                    + entries.uascRatePerDay()[m]);
        }
        double meanStayDays = SteadyState.of(model).meanYearsInCare() * TimeGrid.DAYS_PER_YEAR;
        if (!Double.isFinite(meanStayDays) || meanStayDays <= 0) {
            meanStayDays = 18 * TimeGrid.DAYS_PER_YEAR; // no exits at all: every child stays until 18
        }
        // Within the horizon no more can have entered than its length allows.
        double horizonDays = model.time().horizonDays();
        double expected = model.initial().size() + peakPerDay * Math.min(Math.min(meanStayDays, 18 * TimeGrid.DAYS_PER_YEAR), horizonDays);
        return new PopulationBound(expected + 6 * Math.sqrt(expected) + 100, peakPerDay * TimeGrid.DAYS_PER_YEAR / 12);
    }

    /** Heap bytes {@code threads} replications running at once need for their children. */
    public long bytes(int threads) {
        return (long) Math.min(Long.MAX_VALUE / 4.0, children * BYTES_PER_CHILD * (double) threads);
    }
}
