package org.certhub.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A correlation is new or has grown: two or more incidents or reports share a value. Published to
 * the correlations topic keyed by {@link #id()}, for the playbooks and the feed. It carries no
 * member content (object or container ids), only which CERTs are involved: whoever acts on it
 * reads the members through the API, as the sharing policy allows. Delivery is at least once: a
 * repeated event has the same {@code id} and {@code memberCount}.
 *
 * @param schemaVersion version of this event's layout ({@value #SCHEMA_VERSION})
 * @param id the correlation id (SHA-256 hex of {@code type:value})
 * @param valueType the observable type's id
 * @param value the shared value
 * @param rule {@code shared-value} or {@code cidr-containment}
 * @param memberCount distinct incidents or reports (per CERT) that share it
 * @param certs the CERTs involved, ordered
 * @param score how strong the correlation is, 0 to 100
 * @param firstSeen earliest sighting
 * @param lastSeen latest sighting
 */
public record CorrelationFound(
        @JsonProperty("schema_version") int schemaVersion,
        String id,
        @JsonProperty("value_type") String valueType,
        String value,
        String rule,
        @JsonProperty("member_count") int memberCount,
        List<String> certs,
        double score,
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen) {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CorrelationFound {
        certs = List.copyOf(certs);
    }

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads the event back; empty when the bytes are not one. */
    public static Optional<CorrelationFound> fromJson(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, CorrelationFound.class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
