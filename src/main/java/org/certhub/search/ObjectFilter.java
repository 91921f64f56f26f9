package org.certhub.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The filters of an object listing; absent or empty means "any".
 *
 * @param types STIX types
 * @param cert the submitting principal
 * @param value an observable value (an IP also matches the CIDR blocks that contain it)
 * @param text free text over names and descriptions
 * @param since objects shared at or after this instant
 * @param until objects shared before this instant
 */
public record ObjectFilter(List<String> types, Optional<String> cert, Optional<String> value,
        Optional<String> text, Optional<Instant> since, Optional<Instant> until) {

    public ObjectFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
