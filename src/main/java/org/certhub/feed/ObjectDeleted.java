package org.certhub.feed;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An owner deleted its object (TAXII {@code DELETE .../objects/{id}/}): every version of its copy
 * leaves the indices. Keyed by STIX id on the deletions topic; durable there before it takes effect.
 *
 * @param schemaVersion version of this message's layout ({@value #SCHEMA_VERSION})
 * @param owner the principal whose copy is deleted
 * @param stixId the object
 * @param tlp the object's TLP label when it was deleted: which feed topics get a tombstone
 * @param deletedAt when the owner asked
 */
public record ObjectDeleted(
        @JsonProperty("schema_version") int schemaVersion,
        String owner,
        @JsonProperty("stix_id") String stixId,
        String tlp,
        @JsonProperty("deleted_at") Instant deletedAt) {

    public static final int SCHEMA_VERSION = 1;
}
