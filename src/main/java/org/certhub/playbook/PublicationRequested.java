package org.certhub.playbook;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.certhub.stix.Tlp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A playbook's {@code publish} step asks for an incident or a correlation to be put into a feed
 * collection. Published to the publications topic keyed by {@link #subjectId()}; the feed module
 * carries it out. {@link #tlp()} is never of wider visibility than the subject's own marking: the
 * engine takes the stricter of the step's level and the subject's.
 *
 * @param schemaVersion version of this message's layout ({@value #SCHEMA_VERSION})
 * @param runId the playbook run that asks
 * @param playbookId the playbook's id
 * @param playbookVersion the version the run executes
 * @param stepId the step of that version
 * @param collection the feed collection's id (e.g. {@code community})
 * @param subjectKind {@code incident} or {@code correlation}
 * @param subjectId the STIX id of the incident or the correlation id
 * @param owner the principal id that owns the subject (for an incident, its submitter); null for a correlation
 * @param tlp the level it is published at
 * @param requestedAt when the step fired
 */
public record PublicationRequested(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,
        @JsonProperty("playbook_id") String playbookId,
        @JsonProperty("playbook_version") int playbookVersion,
        @JsonProperty("step_id") String stepId,
        String collection,
        @JsonProperty("subject_kind") String subjectKind,
        @JsonProperty("subject_id") String subjectId,
        String owner,
        Tlp tlp,
        @JsonProperty("requested_at") Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** The default topic; {@code certhub.playbook.publications-topic} may name another. */
    public static final String DEFAULT_TOPIC = "certhub.playbook.publications";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads the message back; empty when the bytes are not one. */
    public static Optional<PublicationRequested> fromJson(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, PublicationRequested.class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
