package org.certhub.notify;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Something happened to a notification: a delivery attempt, its success, its dead-lettering, or the
 * recipient's acknowledgement. Published by the notify module to the notification events topic
 * keyed by {@link #runId()}, so that one run's events stay in order; the playbook engine reads
 * acknowledgements from it (an ack before the deadline cancels the escalation) and shows the
 * events in the run's timeline.
 *
 * @param schemaVersion version of this message's layout ({@value #SCHEMA_VERSION})
 * @param notificationId the notification ({@link NotificationRequested#notificationId()})
 * @param runId the playbook run it belongs to
 * @param stepId the step that asked for it
 * @param recipient the principal id it is for
 * @param kind what happened
 * @param channel {@code webhook}, {@code email} or {@code kafka}; null for {@link Kind#ACKNOWLEDGED}
 * @param attempt 1 for the first attempt on that channel; 0 for an acknowledgement
 * @param at when it happened
 * @param detail a short human reason (HTTP status, SMTP error, who acknowledged); may be null
 */
public record NotificationEvent(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("notification_id") String notificationId,
        @JsonProperty("run_id") String runId,
        @JsonProperty("step_id") String stepId,
        String recipient,
        Kind kind,
        String channel,
        int attempt,
        Instant at,
        String detail) {

    public static final int SCHEMA_VERSION = 1;
    /** The default topic; {@code certhub.notify.events-topic} may name another. */
    public static final String DEFAULT_TOPIC = "certhub.notify.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What happened to the notification. */
    public enum Kind {
        @JsonProperty("delivery-failed") DELIVERY_FAILED,
        @JsonProperty("delivered") DELIVERED,
        @JsonProperty("dead-lettered") DEAD_LETTERED,
        @JsonProperty("acknowledged") ACKNOWLEDGED
    }

    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads the event back; empty when the bytes are not one. */
    public static Optional<NotificationEvent> fromJson(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, NotificationEvent.class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
