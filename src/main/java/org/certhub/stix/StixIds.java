package org.certhub.stix;

import java.util.Optional;
import org.certhub.stix.internal.Ids;

/** Helpers for STIX 2.1 identifiers ({@code <type>--<RFC 4122 UUID>}). */
public final class StixIds {

    private StixIds() {
    }

    /**
     * @param id a candidate identifier (may be null)
     * @return true when {@code id} is a well-formed STIX 2.1 identifier: a valid type name, {@code --},
     *         and an RFC 4122 UUID (version 1 to 5, variant 10xx)
     */
    public static boolean isValid(String id) {
        return id != null && Ids.isValid(id);
    }

    /**
     * @param id a candidate identifier (may be null)
     * @return the object type named by a well-formed identifier, e.g. {@code indicator}; empty otherwise
     */
    public static Optional<String> type(String id) {
        return isValid(id) ? Optional.of(Ids.typeOf(id)) : Optional.empty();
    }
}
