package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The state of one run of one playbook version for one subject: what the state machine needs to
 * continue after a restart, and the timeline people read. Immutable; each transition makes a new one.
 *
 * @param runId deterministic: (playbook id, version, subject kind, subject id)
 * @param playbookId the playbook
 * @param playbookVersion the version it runs, fixed at its start
 * @param playbookSha256 that version's content hash
 * @param subject the snapshot it started with
 * @param status running, waiting (for an acknowledgement), completed
 * @param escalated whether an escalation ran
 * @param nextStep index of the next step to run
 * @param waiting the acknowledgement it waits for; null when not waiting
 * @param ackDeadlines deadline per notify step whose recipients must acknowledge
 * @param participants the principals notified or affected: who may follow the run
 * @param topic the runs topic that owns it
 * @param partition the partition of that topic that owns it
 * @param startedAt when it started
 * @param updatedAt its last transition
 * @param timeline every step, notification, delivery event and acknowledgement, in order
 */
public record Run(String runId, String playbookId, int playbookVersion, String playbookSha256, Subject subject,
        RunStatus status, boolean escalated, int nextStep, Waiting waiting, Map<String, Instant> ackDeadlines,
        List<String> participants, String topic, int partition, Instant startedAt, Instant updatedAt, List<TimelineEntry> timeline) {

    public Run {
        ackDeadlines = Map.copyOf(ackDeadlines);
        participants = List.copyOf(participants);
        timeline = List.copyOf(timeline);
    }

    @JsonIgnore
    public Optional<Waiting> waitingFor() {
        return Optional.ofNullable(waiting);
    }

    /**
     * An acknowledgement the run waits for.
     *
     * @param stepId the expect-ack step
     * @param notifyStepId the notify step whose recipients must acknowledge
     * @param deadline when the escalation runs if they have not
     * @param from the recipients asked
     * @param acknowledged those who did
     * @param all whether all must (else any one)
     */
    public record Waiting(String stepId, String notifyStepId, Instant deadline, List<String> from,
            List<String> acknowledged, boolean all) {

        public Waiting {
            from = List.copyOf(from);
            acknowledged = List.copyOf(acknowledged);
        }

        @JsonIgnore
        boolean satisfied() {
            return all ? !from.isEmpty() && acknowledged.containsAll(from) : !acknowledged.isEmpty();
        }

        Waiting acknowledgedBy(String recipient) {
            Set<String> acks = new LinkedHashSet<>(acknowledged);
            acks.add(recipient);
            return new Waiting(stepId, notifyStepId, deadline, from, new ArrayList<>(acks), all);
        }
    }

    /**
     * One line of the timeline.
     *
     * @param at when
     * @param kind {@code run-started}, {@code notification-requested}, {@code delivered}, {@code acknowledged},
     *     {@code deadline-passed}, {@code step-skipped}, {@code published}, {@code status-set}, ...
     * @param stepId the step it belongs to; null for the run itself
     * @param recipient the principal concerned, if any
     * @param channel the channel(s), if any
     * @param notificationId the notification, if any
     * @param detail a short human note
     */
    public record TimelineEntry(Instant at, String kind, String stepId, String recipient, String channel,
            String notificationId, String detail) {
    }
}
