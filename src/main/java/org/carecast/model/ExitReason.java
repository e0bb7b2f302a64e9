package org.carecast.model;

import java.util.Arrays;
import java.util.List;

/**
 * Why a child leaves care, grouped from the SSDA903 reason-episode-ceased (REC) codes.
 * {@link #TURNED_18} is not drawn from shares: every child still in care on their 18th
 * birthday leaves for that reason.
 */
public enum ExitReason {
    RETURN_HOME("return_home"),
    ADOPTION("adoption"),
    SPECIAL_GUARDIANSHIP("special_guardianship"),
    OTHER("other"),
    TURNED_18("turned_18");

    /** The reasons a scenario gives shares for (all but {@link #TURNED_18}). */
    public static final List<ExitReason> DRAWN = List.of(RETURN_HOME, ADOPTION, SPECIAL_GUARDIANSHIP, OTHER);

    private final String id;

    ExitReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> drawnIds() {
        return DRAWN.stream().map(ExitReason::id).toList();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ExitReason::id).toList();
    }
}
