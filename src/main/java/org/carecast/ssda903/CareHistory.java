package org.carecast.ssda903;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Children's periods of care, built from merged episodes: each child's episodes in date order,
 * a new period starting at an episode marked S (started to be looked after) or after an
 * episode whose reason ceased ended care. Consecutive episodes in one period should meet (DEC
 * of one = DECOM of the next); an episode that starts before the previous one has ended is an
 * {@link Problem.Kind#OVERLAP} and is left out, and a child with no header row cannot be aged,
 * so its episodes are left out as {@link Problem.Kind#NO_HEADER}.
 */
public final class CareHistory {

    /**
     * One continuous period of care.
     *
     * @param child        CHILD identifier
     * @param birth        date of birth
     * @param episodes     its episodes in order; the last is open when the period is
     */
    public record Period(String child, LocalDate birth, List<Episode> episodes) {

        public LocalDate start() {
            return episodes.get(0).start();
        }

        /** When care ended, or null while the child is still looked after. */
        public LocalDate end() {
            Episode last = episodes.get(episodes.size() - 1);
            return last.endsCare() ? last.end() : null;
        }

        /** REC of the episode that ended care, or "" while open. */
        public String reasonEnded() {
            Episode last = episodes.get(episodes.size() - 1);
            return last.endsCare() ? last.reasonCeased() : "";
        }

        /**
         * Whether the period began before the returns show it: its first episode is not a start
         * of care (RNE S), so the child was already looked after when the first return opened.
         */
        public boolean leftCensored() {
            return !episodes.get(0).reasonNew().equals("S");
        }

        /** The episode current on {@code date}, or null when the child was not looked after then. */
        public Episode episodeOn(LocalDate date) {
            for (Episode e : episodes) {
                if (!e.start().isAfter(date) && (e.end() == null || e.end().isAfter(date))) {
                    return e;
                }
            }
            return null;
        }
    }

    /**
     * A placement within a period: consecutive episodes with the same carer. A new placement
     * starts at an episode whose reason for new episode is S, P, T or B; L (legal status only)
     * and U (status changed, same carer) continue the placement.
     *
     * @param type  index of its type in the mapping (from its first episode)
     * @param start first day
     * @param end   last episode's end, or null while open
     */
    /**
     * One placement: episodes with the same carer run together.
     *
     * @param endReason REASON_PLACE_CHANGE of its last episode ("" when none given or still open)
     */
    public record Placement(int type, LocalDate start, LocalDate end, String endReason) {
    }

    private CareHistory() {
    }

    public static List<Placement> placements(Period period, PlacementMapping mapping) {
        List<Placement> out = new ArrayList<>();
        int type = -1;
        LocalDate start = null;
        LocalDate end = null;
        String reason = "";
        for (Episode e : period.episodes()) {
            boolean sameCarer = e.reasonNew().equals("L") || e.reasonNew().equals("U");
            if (start == null || !sameCarer) {
                if (start != null) {
                    out.add(new Placement(type, start, end, reason));
                }
                type = mapping.typeOf(e);
                start = e.start();
            }
            end = e.end();
            reason = e.reasonPlaceChange();
        }
        out.add(new Placement(type, start, end, reason));
        return out;
    }

    /** Periods of care of every child with a header row, ordered by child then start. */
    public static List<Period> build(Ssda903Reader.Returns returns) {
        Map<String, List<Episode>> byChild = new LinkedHashMap<>();
        for (Episode e : returns.episodes()) {
            byChild.computeIfAbsent(e.child(), c -> new ArrayList<>()).add(e);
        }
        List<Period> periods = new ArrayList<>();
        for (Map.Entry<String, List<Episode>> entry : byChild.entrySet()) {
            List<Episode> episodes = entry.getValue();
            episodes.sort(Comparator.comparing(Episode::start));
            ChildRecord header = returns.children().get(entry.getKey());
            if (header == null) {
                for (Episode e : episodes) {
                    returns.problems().add(new Problem(Problem.Kind.NO_HEADER, e.file(), e.row(),
                            "this child has episodes but no header row"));
                }
                continue;
            }
            List<Episode> current = new ArrayList<>();
            Episode previous = null;
            for (Episode e : episodes) {
                if (previous != null && (previous.end() == null || previous.end().isAfter(e.start()))) {
                    returns.problems().add(new Problem(Problem.Kind.OVERLAP, e.file(), e.row(), "episode from " + e.start() + " starts before the episode from " + previous.start()
                            + " (" + previous.file().getFileName() + " row " + previous.row() + ") has ended"));
                    continue;
                }
                boolean newPeriod = previous == null || previous.endsCare() || e.reasonNew().equals("S");
                if (newPeriod && !current.isEmpty()) {
                    periods.add(new Period(header.child(), header.birth(), List.copyOf(current)));
                    current.clear();
                }
                current.add(e);
                previous = e;
            }
            if (!current.isEmpty()) {
                periods.add(new Period(header.child(), header.birth(), List.copyOf(current)));
            }
        }
        return periods;
    }
}
