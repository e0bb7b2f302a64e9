package org.carecast.model;

import java.util.Arrays;
import java.util.List;

/**
 * Who provides a placement: the council itself (its own foster carers, kinship carers and
 * homes, the "own provision" councils report) or an external provider bought per placement
 * or by block contract.
 */
public enum Provider {
    COUNCIL("council"),
    EXTERNAL("external");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }

    public static Provider fromId(String id) {
        for (Provider p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider " + id);
    }
}
