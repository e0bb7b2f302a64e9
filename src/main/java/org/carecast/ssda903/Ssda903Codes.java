package org.carecast.ssda903;

import java.util.Set;

/** The SSDA903 code lists carecast checks rows against (Department for Education, children looked after return). */
final class Ssda903Codes {

    private Ssda903Codes() {
    }

    /** PLACE: placement type. */
    static final Set<String> PLACE = Set.of("A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2",
            "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");

    /** PLACE_PROVIDER: who provides the placement (PR0 parent, PR1 own council, PR2 other council, PR3 other public, PR4 private, PR5 voluntary). */
    static final Set<String> PROVIDER = Set.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    /** RNE: reason for new episode (S = started to be looked after). */
    static final Set<String> REASON_NEW_EPISODE = Set.of("S", "P", "L", "T", "U", "B");

    /** REC: reason episode ceased (X1 = episode ceased, care continues; E* = care ended). */
    static final Set<String> REASON_CEASED = Set.of("X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3",
            "E41", "E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9");
}
