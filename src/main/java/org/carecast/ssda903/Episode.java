package org.carecast.ssda903;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One row of an SSDA903 episodes file: a spell in one placement under one legal status.
 *
 * @param child             CHILD, the council's child identifier (never written to outputs)
 * @param start             DECOM
 * @param end               DEC, or null while the episode is open
 * @param reasonNew         RNE (S = started to be looked after)
 * @param legalStatus       LS
 * @param place             PLACE code, e.g. U4
 * @param provider          PLACE_PROVIDER code, e.g. PR1, or "" when not given
 * @param reasonCeased      REC (X1 = care continues), or "" while open
 * @param location        PL_LOCATION: "IN" or "OUT" of the council's area, "" where the return has no such column
 * @param reasonPlaceChange REASON_PLACE_CHANGE, or ""
 * @param file              file the row came from
 * @param row               its row number (header = 1)
 */
public record Episode(String child, LocalDate start, LocalDate end, String reasonNew, String legalStatus,
                      String place, String provider, String reasonCeased, String reasonPlaceChange, String location,
                      Path file, long row) {

    public boolean isOpen() {
        return end == null;
    }

    /** Whether care ended with this episode (a reason other than X1, "episode ceased, care continues"). */
    public boolean endsCare() {
        return end != null && !reasonCeased.equals("X1");
    }
}
