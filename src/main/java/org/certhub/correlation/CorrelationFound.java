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
 * @param holders who holds the value, per CERT and TLP level, and whether those members carry the
 *     value itself or only an address inside it (a network's containment members): the value is
 *     derived data, visible only to whoever may see a member that carries it. Empty in events of
 *     schema version 1, which readers treat as the value being restricted to {@code certs}
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
        @JsonProperty("last_seen") Instant lastSeen,
        List<Holder> holders) {

    public static final int SCHEMA_VERSION = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CorrelationFound {
        certs = List.copyOf(certs);
        holders = holders == null ? List.of() : List.copyOf(holders);
    }

    /**
     * The members of one CERT at one TLP level.
     *
     * @param cert the CERT's principal id
     * @param tlp the level, as a TLP label ({@code TLP:RED})
     * @param carriesValue whether these members carry the value itself; {@code false} for members
     *     that joined a network's correlation through an address inside it
     */
    public record Holder(String cert, String tlp, @JsonProperty("carries_value") boolean carriesValue) {
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
