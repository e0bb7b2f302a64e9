package org.carecast.model;

import java.util.Arrays;
import java.util.List;

/**
 * The kind of home a placement type is, in the terms councils and the SSDA903 return use.
 * The category drives reporting (own provision, semi-independence at 16, secure welfare);
 * capacity, cost and hazards come from the scenario's placement type, not from here.
 */
public enum PlacementCategory {
    COUNCIL_FOSTER("council_foster", "council foster care"),
    KINSHIP_FOSTER("kinship_foster", "kinship (family and friends) foster care"),
    INDEPENDENT_FOSTERING("independent_fostering", "independent fostering agency"),
    COUNCIL_HOME("council_home", "council children's home"),
    EXTERNAL_HOME("external_home", "external (private or voluntary) children's home"),
    SEMI_INDEPENDENT("semi_independent", "semi-independent or supported accommodation (16-17)"),
    SECURE_WELFARE("secure_welfare", "secure welfare"),
    PLACED_WITH_PARENTS_OR_OTHER("placed_with_parents_or_other", "placed with parents, for adoption, or other");

    private final String id;
    private final String description;

    PlacementCategory(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The identifier written in scenario files. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PlacementCategory::id).toList();
    }

    public static PlacementCategory fromId(String id) {
        for (PlacementCategory c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown placement category " + id);
    }
}
