package org.certhub.feed;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.certhub.playbook.PublicationRequested;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the feed did with a playbook's {@link PublicationRequested}: {@code published} (the subject is
 * in the collection at that level) or {@code refused} (with the reason: the collection does not
 * carry the level, the subject's own marking is stricter, the collection or subject is unknown).
 * Published to the publication outcomes topic keyed by run id, so the run's owner can show it.
 *
 * @param schemaVersion version of this event's layout ({@value #SCHEMA_VERSION})
 * @param outcome {@value #PUBLISHED} or {@value #REFUSED}
 * @param tlp the level the feed judged: the stricter of the one asked and the subject's own
 * @param reason why, in one sentence (no subject content)
 */
public record PublicationOutcome(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,
        @JsonProperty("playbook_id") String playbookId,
        @JsonProperty("step_id") String stepId,
        String collection,
        @JsonProperty("subject_kind") String subjectKind,
        @JsonProperty("subject_id") String subjectId,
        String tlp,
        String outcome,
        String reason,
        @JsonProperty("decided_at") Instant decidedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String PUBLISHED = "published";
    public static final String REFUSED = "refused";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static PublicationOutcome of(PublicationRequested request, String tlp, String outcome, String reason,
            Instant decidedAt) {
        return new PublicationOutcome(SCHEMA_VERSION, request.runId(), request.playbookId(), request.stepId(),
                request.collection(), request.subjectKind(), request.subjectId(), tlp, outcome, reason, decidedAt);
    }

    public boolean refused() {
        return REFUSED.equals(outcome);
    }

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads the event back; empty when the bytes are not one. */
    public static Optional<PublicationOutcome> fromJson(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, PublicationOutcome.class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
