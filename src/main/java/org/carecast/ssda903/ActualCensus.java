package org.carecast.ssda903;

import java.time.LocalDate;
import java.util.List;

/**
 * What the returns show actually happened: children in care on the first of each month, by
 * placement type of the mapping, for comparing a forecast with the outturn. Children aged 18 or
 * over on the day are not counted (the simulator ends care at 18).
 */
public final class ActualCensus {

    private ActualCensus() {
    }

    /** counts[m][t]: children in type {@code t} on the first day of month {@code m} after {@code start}. */
    public static int[][] monthly(List<CareHistory.Period> periods, PlacementMapping mapping, LocalDate start, int months) {
        int[][] counts = new int[months + 1][mapping.types().size()];
        for (int m = 0; m <= months; m++) {
            LocalDate day = start.plusMonths(m);
            for (CareHistory.Period p : periods) {
                Episode e = p.episodeOn(day);
                if (e != null && p.birth().plusYears(18).isAfter(day)) {
                    counts[m][mapping.typeOf(e)]++;
                }
            }
        }
        return counts;
    }

    /** The last day the returns cover: the latest DECOM or DEC in them. */
    public static LocalDate lastDay(List<CareHistory.Period> periods) {
        LocalDate last = LocalDate.MIN;
        for (CareHistory.Period p : periods) {
            for (Episode e : p.episodes()) {
                last = e.start().isAfter(last) ? e.start() : last;
                if (e.end() != null && e.end().isAfter(last)) {
                    last = e.end();
                }
            }
        }
        return last;
    }
}
