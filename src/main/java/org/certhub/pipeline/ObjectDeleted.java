package org.certhub.pipeline;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An owner deleted its object (TAXII {@code DELETE .../objects/{id}/}): every version of its copy
 * received until then leaves the indices, and stays out of them when {@code certhub.intake} is
 * replayed or still holds such a version. Keyed by STIX id on the deletions topic
 * ({@code certhub.feed.deletions}); durable there before it takes effect.
 *
 * @param schemaVersion version of this message's layout ({@value #SCHEMA_VERSION})
 * @param owner the principal whose copy is deleted
 * @param stixId the object
 * @param tlp the object's TLP label when it was deleted: which feed topics get a tombstone
 * @param deletedAt when the owner asked: versions received at or before it are deleted, later ones
 *     are a new submission
 */
public record ObjectDeleted(
        @JsonProperty("schema_version") int schemaVersion,
        String owner,
        @JsonProperty("stix_id") String stixId,
        String tlp,
        @JsonProperty("deleted_at") Instant deletedAt) {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The record value on the deletions topic. */
    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads a record value; empty when it is not JSON or lacks the owner, the object or the time. */
    public static Optional<ObjectDeleted> fromJson(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            ObjectDeleted deleted = JSON.readValue(value, ObjectDeleted.class);
            boolean complete = deleted.owner() != null && deleted.stixId() != null && deleted.deletedAt() != null;
            return complete ? Optional.of(deleted) : Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
