package org.certhub.playbook.kafka;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.certhub.notify.NotificationEvent;
import org.certhub.playbook.internal.Subject;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the runs topic carries, keyed by run id, so that everything that happens to one run reaches
 * the one consumer that owns its partition, in order: a run was requested by a trigger match, a
 * notification event arrived for it, or one of its acknowledgement deadlines was reached.
 *
 * @param schemaVersion version of this message's layout ({@value #SCHEMA_VERSION})
 * @param kind {@code requested}, {@code event} or {@code deadline}
 * @param runId the run
 * @param playbookId for {@code requested}: the playbook
 * @param playbookVersion for {@code requested}: the version (the newest when the trigger matched)
 * @param subject for {@code requested}: the subject snapshot
 * @param event for {@code event}: the notification event
 * @param stepId for {@code deadline}: the expect-ack step
 * @param at when it was sent
 */
record RunCommand(
        @JsonProperty("schema_version") int schemaVersion,
        String kind,
        @JsonProperty("run_id") String runId,
        @JsonProperty("playbook_id") String playbookId,
        @JsonProperty("playbook_version") int playbookVersion,
        Subject subject,
        NotificationEvent event,
        @JsonProperty("step_id") String stepId,
        Instant at) {

    static final int SCHEMA_VERSION = 1;
    static final String REQUESTED = "requested";
    static final String EVENT = "event";
    static final String DEADLINE = "deadline";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RunCommand requested(String runId, String playbookId, int version, Subject subject, Instant at) {
        return new RunCommand(SCHEMA_VERSION, REQUESTED, runId, playbookId, version, subject, null, null, at);
    }

    static RunCommand event(NotificationEvent event, Instant at) {
        return new RunCommand(SCHEMA_VERSION, EVENT, event.runId(), null, 0, null, event, null, at);
    }

    static RunCommand deadline(String runId, String stepId, Instant at) {
        return new RunCommand(SCHEMA_VERSION, DEADLINE, runId, null, 0, null, null, stepId, at);
    }

    byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /** Reads a command back; empty when the bytes are not a complete one. */
    static Optional<RunCommand> fromJson(byte[] json) {
        try {
            RunCommand command = JSON.readValue(json, RunCommand.class);
            boolean complete = command.runId() != null && switch (String.valueOf(command.kind())) {
                case REQUESTED -> command.playbookId() != null && command.subject() != null;
                case EVENT -> command.event() != null;
                case DEADLINE -> command.stepId() != null;
                default -> false;
            };
            return complete ? Optional.of(command) : Optional.empty();
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
