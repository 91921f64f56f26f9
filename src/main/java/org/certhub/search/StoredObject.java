package org.certhub.search;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One stored STIX object as a reader gets it: the object, who shared it, at which TLP, and when.
 *
 * @param owner the principal id of the submitting CERT
 * @param tlp the object's TLP label, e.g. {@code TLP:GREEN}
 */
public record StoredObject(String owner, String tlp, Instant receivedAt, JsonNode object) {

    /** The fields of an index document that make a stored object. */
    static final List<String> SOURCE_FIELDS = List.of("owner", "tlp", "received_at", "object");

    static StoredObject fromSource(JsonNode source) {
        return new StoredObject(source.path("owner").asString(), source.path("tlp").asString(),
                Instant.parse(source.path("received_at").asString()), source.path("object"));
    }
}
