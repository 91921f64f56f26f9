package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.PublicationRequested;
import org.certhub.playbook.internal.Playbook.Delivery;
import org.certhub.playbook.internal.Playbook.ExpectAck;
import org.certhub.playbook.internal.Playbook.Publish;
import org.certhub.playbook.internal.Playbook.SetStatus;
import org.certhub.playbook.internal.Playbook.Step;
import org.certhub.stix.Tlp;

/**
 * The run state machine: steps run in order until an {@code expect-ack} waits; an acknowledgement
 * by every (or any) recipient before the deadline skips the escalation steps that follow it, the
 * deadline without it runs them. Pure: each call answers the new state and what to send, which the
 * caller sends before it stores the state (sends are idempotent by their deterministic ids).
 */
public final class RunMachine {

    private static final String ACKNOWLEDGED = timelineKind(NotificationEvent.Kind.ACKNOWLEDGED);

    private final Deliveries deliveries;

    public RunMachine(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * A transition's outcome.
     *
     * @param run the new state
     * @param notifications to send to the notification requests topic
     * @param publications to send to the publications topic
     * @param statuses hub-side statuses to set on the subject
     */
    public record Transition(Run run, List<NotificationRequested> notifications, List<PublicationRequested> publications,
            List<String> statuses) {
    }

    /** Starts the run {@code runId} ({@link RunIds}) of this version for this subject. */
    public Transition start(String runId, ReleasedVersion version, Subject subject, String topic, int partition, Instant now) {
        Run run = new Run(runId, version.id(), version.version(), version.sha256(), subject, RunStatus.RUNNING, false, 0,
                null, Map.of(), subject.certs(), topic, partition, now, now, List.of(new Run.TimelineEntry(now, "run-started", null,
                        null, null, null, "playbook " + version.id() + " v" + version.version() + " (sha256 " + version.sha256() + ")")));
        return advance(new Builder(run, now), version);
    }

    /** A delivery event or an acknowledgement from the notify module. */
    public Transition onEvent(Run run, ReleasedVersion version, NotificationEvent event, Instant now) {
        if (event.kind() == NotificationEvent.Kind.ACKNOWLEDGED && acknowledged(run, event.notificationId())) {
            // The notify module may publish an acknowledgement twice (two instances racing): it is one.
            return new Transition(run, List.of(), List.of(), List.of());
        }
        Builder builder = new Builder(run, now);
        builder.timeline(timelineKind(event.kind()), event.stepId(),
                event.recipient(), event.channel(), event.notificationId(), event.detail());
        Optional<Run.Waiting> waiting = run.waitingFor();
        if (event.kind() != NotificationEvent.Kind.ACKNOWLEDGED || waiting.isEmpty()
                || !waiting.get().notifyStepId().equals(event.stepId()) || !waiting.get().from().contains(event.recipient())) {
            return builder.done();
        }
        Run.Waiting acked = waiting.get().acknowledgedBy(event.recipient());
        if (!acked.satisfied()) {
            builder.waiting = acked;
            return builder.done();
        }
        builder.timeline("ack-complete", acked.stepId(), null, null, null,
                "acknowledged by " + String.join(", ", acked.acknowledged()) + " before " + acked.deadline());
        builder.waiting = null;
        builder.status = RunStatus.RUNNING;
        builder.nextStep = version.playbook().indexOf(acked.stepId()) + 1;
        return advance(builder, version);
    }

    /** The deadline of an expect-ack step passed (a timer fired): escalates if the acknowledgement is still missing. */
    public Transition onDeadline(Run run, ReleasedVersion version, String stepId, Instant now) {
        Builder builder = new Builder(run, now);
        Optional<Run.Waiting> waiting = run.waitingFor();
        if (waiting.isEmpty() || !waiting.get().stepId().equals(stepId) || now.isBefore(waiting.get().deadline())) {
            return builder.done();
        }
        Run.Waiting missing = waiting.get();
        Set<String> absent = new LinkedHashSet<>(missing.from());
        absent.removeAll(missing.acknowledged());
        builder.timeline("deadline-passed", stepId, null, null, null, "no acknowledgement from " + String.join(", ", absent)
                + " by " + missing.deadline());
        builder.waiting = null;
        builder.status = RunStatus.RUNNING;
        List<Step> steps = version.playbook().steps();
        int next = version.playbook().indexOf(stepId) + 1;
        while (next < steps.size() && steps.get(next) instanceof Delivery escalation && escalation.escalation()) {
            notify(builder, version, escalation, Optional.empty(), List.copyOf(absent));
            builder.escalated = true;
            next++;
        }
        builder.nextStep = next;
        return advance(builder, version);
    }

    /** {@code delivery-failed}, {@code acknowledged}, ...: the event's kind as the timeline shows it. */
    private static String timelineKind(NotificationEvent.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static boolean acknowledged(Run run, String notificationId) {
        return notificationId != null && run.timeline().stream()
                .anyMatch(entry -> entry.kind().equals(ACKNOWLEDGED) && notificationId.equals(entry.notificationId()));
    }

    private Transition advance(Builder builder, ReleasedVersion version) {
        List<Step> steps = version.playbook().steps();
        while (builder.nextStep < steps.size()) {
            Step step = steps.get(builder.nextStep);
            if (step instanceof Delivery delivery && delivery.escalation()) {
                builder.timeline("step-skipped", delivery.id(), null, null, null, "acknowledged in time: no escalation");
            } else if (step instanceof Delivery delivery) {
                Optional<Instant> deadline = version.playbook().ackOf(delivery.id()).map(ack -> builder.now.plus(ack.within()));
                deadline.ifPresent(at -> builder.ackDeadlines.put(delivery.id(), at));
                notify(builder, version, delivery, deadline, List.of());
            } else if (step instanceof ExpectAck ack) {
                List<String> from = builder.notified(ack.from());
                Instant deadline = builder.ackDeadlines.getOrDefault(ack.from(), builder.now.plus(ack.within()));
                builder.waiting = new Run.Waiting(ack.id(), ack.from(), deadline, from, List.of(), ack.all());
                builder.status = RunStatus.WAITING;
                builder.timeline("awaiting-ack", ack.id(), null, null, null, (ack.all() ? "all of " : "any of ")
                        + String.join(", ", from) + " by " + deadline);
                builder.nextStep++;
                return builder.done();
            } else if (step instanceof Publish publish) {
                Subject subject = builder.run.subject();
                Tlp tlp = publish.tlp().compareTo(subject.tlp()) >= 0 ? publish.tlp() : subject.tlp();
                builder.publications.add(new PublicationRequested(PublicationRequested.SCHEMA_VERSION, builder.run.runId(),
                        version.id(), version.version(), publish.id(), publish.collection(), subject.kind().jsonName(),
                        subject.id(), subject.owner(), tlp, builder.now));
                builder.timeline("publication-requested", publish.id(), null, null, null,
                        "collection " + publish.collection() + " at " + tlp.label());
            } else if (step instanceof SetStatus status) {
                builder.statuses.add(status.status());
                builder.timeline("status-set", status.id(), null, null, null, status.status());
            }
            builder.nextStep++;
        }
        builder.status = RunStatus.COMPLETED;
        builder.timeline("run-completed", null, null, null, null, builder.escalated ? "escalated" : "completed");
        return builder.done();
    }

    private void notify(Builder builder, ReleasedVersion version, Delivery step, Optional<Instant> ackDeadline,
            List<String> unacknowledged) {
        Deliveries.Plan plan = deliveries.plan(version, step, builder.run.subject(), builder.run.runId(), builder.now, ackDeadline,
                unacknowledged);
        for (NotificationRequested request : plan.requests()) {
            builder.notifications.add(request);
            builder.participants.add(request.recipient());
            builder.timeline("notification-requested", step.id(), request.recipient(), String.join(",", request.channels()),
                    request.notificationId(), (request.blindNotice() ? "blind notice, " : "") + request.tlp().label()
                            + (request.contactRole() == null ? "" : ", role " + request.contactRole()));
        }
        for (Deliveries.Skipped skipped : plan.skipped()) {
            builder.timeline("recipient-skipped", step.id(), skipped.recipient(), null, null, skipped.reason());
        }
        for (String unknown : plan.unknown()) {
            builder.timeline("recipient-unknown", step.id(), unknown, null, null, "not a principal of the community");
        }
    }

    /** The state being built by one transition. */
    private static final class Builder {
        final Run run;
        final Instant now;
        RunStatus status;
        boolean escalated;
        int nextStep;
        Run.Waiting waiting;
        final Map<String, Instant> ackDeadlines;
        final Set<String> participants;
        final List<Run.TimelineEntry> timeline;
        final List<NotificationRequested> notifications = new ArrayList<>();
        final List<PublicationRequested> publications = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();

        Builder(Run run, Instant now) {
            this.run = run;
            this.now = now;
            this.status = run.status();
            this.escalated = run.escalated();
            this.nextStep = run.nextStep();
            this.waiting = run.waiting();
            this.ackDeadlines = new HashMap<>(run.ackDeadlines());
            this.participants = new LinkedHashSet<>(run.participants());
            this.timeline = new ArrayList<>(run.timeline());
        }

        void timeline(String kind, String stepId, String recipient, String channel, String notificationId, String detail) {
            timeline.add(new Run.TimelineEntry(now, kind, stepId, recipient, channel, notificationId, detail));
        }

        List<String> notified(String stepId) {
            Set<String> recipients = new LinkedHashSet<>();
            for (Run.TimelineEntry entry : timeline) {
                if (entry.kind().equals("notification-requested") && stepId.equals(entry.stepId())) {
                    recipients.add(entry.recipient());
                }
            }
            return List.copyOf(recipients);
        }

        Transition done() {
            Run next = new Run(run.runId(), run.playbookId(), run.playbookVersion(), run.playbookSha256(), run.subject(), status,
                    escalated, nextStep, waiting, ackDeadlines, List.copyOf(participants), run.topic(), run.partition(), run.startedAt(), now,
                    timeline);
            return new Transition(next, notifications, publications, statuses);
        }
    }
}
