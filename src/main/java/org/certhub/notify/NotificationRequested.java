package org.certhub.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.certhub.stix.Tlp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A playbook step asks for one recipient to be told something. Published by the playbook engine
 * to the notification requests topic keyed by {@link #notificationId()}; the notify module
 * delivers it. Delivery is at least once and idempotent on {@code notificationId}, which the engine
 * derives from (run, step, recipient): a repeated request never reaches a recipient twice.
 * <p>
 * The engine has already cut the text to what the recipient may see ({@link #tlp()} is the level
 * of what it carries); notify checks it once more against the sharing policy before sending.
 *
 * @param schemaVersion version of this message's layout ({@value #SCHEMA_VERSION})
 * @param notificationId the idempotency key of this delivery: stable per (run, step, recipient)
 * @param runId the playbook run that asks
 * @param playbookId the playbook's id
 * @param playbookVersion the version the run executes
 * @param stepId the step of that version
 * @param recipient the principal id told (a CERT, partner or admin)
 * @param contactRole the recipient's contact role to reach (e.g. {@code duty-officer}); null for its default contacts
 * @param channels any of {@code webhook}, {@code email}, {@code kafka}
 * @param subject one line for a mail subject or a list entry
 * @param text the message, plain text, already rendered from the step's template
 * @param subjectKind {@code incident}, {@code correlation}, or {@value #BLIND_MATCH} (a notice to a CERT of
 *     another's blind match on its own restricted values: the subject is the value's correlation)
 * @param subjectId the STIX id of the incident or the correlation id
 * @param tlp the TLP level of what {@code text} carries
 * @param ackRequired whether the recipient is asked to acknowledge
 * @param ackDeadline when a missing acknowledgement escalates; null when none is asked
 * @param requestedAt when the step fired
 * @param marking who may see the run's subject: anyone the sharing policy admits for at least one of
 *     these (owner, level) pairs (an incident: its owner at its level; a correlation: its holders that
 *     carry the value). Empty in requests of schema version 1, which notify checks as before
 * @param blind present for a <em>blind notice</em>: the recipient may not see the subject, so the
 *     request carries only whom to contact ({@link Blind}) and the fixed text of {@link BlindNotice};
 *     {@code subjectKind} and {@code subjectId} are null, and no channel or API shows the run,
 *     playbook or step of it
 */
public record NotificationRequested(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("notification_id") String notificationId,
        @JsonProperty("run_id") String runId,
        @JsonProperty("playbook_id") String playbookId,
        @JsonProperty("playbook_version") int playbookVersion,
        @JsonProperty("step_id") String stepId,
        String recipient,
        @JsonProperty("contact_role") String contactRole,
        List<String> channels,
        String subject,
        String text,
        @JsonProperty("subject_kind") String subjectKind,
        @JsonProperty("subject_id") String subjectId,
        Tlp tlp,
        @JsonProperty("ack_required") boolean ackRequired,
        @JsonProperty("ack_deadline") Instant ackDeadline,
        @JsonProperty("requested_at") Instant requestedAt,
        List<Mark> marking,
        Blind blind) {

    public static final int SCHEMA_VERSION = 2;
    /** The subject kind of blind match notices: what they carry is the recipient's own data. */
    public static final String BLIND_MATCH = "blind-match";
    /** The default topic; {@code certhub.notify.requests-topic} may name another. */
    public static final String DEFAULT_TOPIC = "certhub.notify.requests";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public NotificationRequested {
        channels = List.copyOf(channels);
        marking = marking == null ? List.of() : List.copyOf(marking);
    }

    /** A request of schema version 1's layout: no marking, not blind. */
    public NotificationRequested(int schemaVersion, String notificationId, String runId, String playbookId,
            int playbookVersion, String stepId, String recipient, String contactRole, List<String> channels, String subject,
            String text, String subjectKind, String subjectId, Tlp tlp, boolean ackRequired, Instant ackDeadline,
            Instant requestedAt) {
        this(schemaVersion, notificationId, runId, playbookId, playbookVersion, stepId, recipient, contactRole, channels,
                subject, text, subjectKind, subjectId, tlp, ackRequired, ackDeadline, requestedAt, List.of(), null);
    }

    /**
     * One (owner, level) pair of a subject's marking.
     *
     * @param owner the principal id of the CERT that holds it
     * @param tlp its level
     */
    public record Mark(String owner, Tlp tlp) {
    }

    /**
     * Whom a blind notice names: the CERT that owns the restricted subject and how it is called.
     *
     * @param cert the owning CERT's principal id
     * @param contact its display name
     */
    public record Blind(String cert, String contact) {
    }

    /**
     * Whether this is a blind notice: the recipient may not see the subject. (Not {@code isBlind}: Jackson
     * would take it for the accessor of {@code blind}, and ignoring it would drop the blind entry from the JSON.)
     */
    public boolean blindNotice() {
        return blind != null;
    }

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads the message back; empty when the bytes are not one. */
    public static Optional<NotificationRequested> fromJson(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, NotificationRequested.class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
