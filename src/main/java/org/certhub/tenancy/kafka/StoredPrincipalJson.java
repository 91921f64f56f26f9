package org.certhub.tenancy.kafka;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenancy topic's JSON. A mapper of its own, so the stored schema does not change when the
 * application's web JSON settings do.
 */
final class StoredPrincipalJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredPrincipalJson() {
    }

    static String write(StoredPrincipal principal) {
        return JSON.writeValueAsString(principal);
    }

    /** The stored principal, or empty when the text is not one (the caller logs where it was). */
    static Optional<StoredPrincipal> read(String json) {
        try {
            return Optional.of(JSON.readValue(json, StoredPrincipal.class));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
