package org.certhub.playbook.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.certhub.stix.Tlp;

/**
 * One released version of a playbook, as read from {@code playbooks/<id>/v<N>.yaml}.
 *
 * @param id the playbook's id (its directory)
 * @param version the released version (its file name)
 * @param title one line for people
 * @param description what it is for
 * @param owner the principal id that maintains it
 * @param trigger what starts a run
 * @param steps what a run does, in order
 */
public record Playbook(String id, int version, String title, String description, String owner, Trigger trigger,
        List<Step> steps) {

    public Playbook {
        steps = List.copyOf(steps);
    }

    /** The step with this id, if any. */
    public Optional<Step> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** The index of the step with this id; -1 when there is none. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    /** The acknowledgement step that waits on the given notify step, if any. */
    public Optional<ExpectAck> ackOf(String notifyStepId) {
        return steps.stream().filter(ExpectAck.class::isInstance).map(ExpectAck.class::cast)
                .filter(ack -> ack.from().equals(notifyStepId)).findFirst();
    }

    /** What starts a run: an incident or a correlation that meets the conditions. */
    public record Trigger(SubjectKind on, Conditions when) {
    }

    /** One step of a run. */
    public sealed interface Step permits Delivery, ExpectAck, Publish, SetStatus {
        String id();

        /** The step's type as the YAML writes it. */
        String type();
    }

    /**
     * A {@code notify} step, or an {@code escalate} step (runs only when the acknowledgement it
     * follows is missing at its deadline).
     */
    public record Delivery(String id, boolean escalation, List<Recipient> recipients, List<String> channels,
            String subjectTemplate, String textTemplate) implements Step {

        public Delivery {
            recipients = List.copyOf(recipients);
            channels = List.copyOf(channels);
        }

        @Override
        public String type() {
            return escalation ? "escalate" : "notify";
        }
    }

    /**
     * Whom a delivery goes to: {@code affected-certs}, {@code all-members}, {@code unacknowledged}
     * (in an escalate step: the recipients of the awaited notify step who had not acknowledged at the
     * deadline) or a principal id, and which of its contacts (a contact role such as
     * {@code duty-officer}; empty for the default).
     */
    public record Recipient(String to, Optional<String> role) {

        public static final String AFFECTED_CERTS = "affected-certs";
        public static final String ALL_MEMBERS = "all-members";
        public static final String UNACKNOWLEDGED = "unacknowledged";
    }

    /** An {@code expect-ack} step: the recipients of step {@code from} must acknowledge {@code within}. */
    public record ExpectAck(String id, String from, boolean all, Duration within) implements Step {
        @Override
        public String type() {
            return "expect-ack";
        }
    }

    /** A {@code publish} step: the subject into a feed collection, at most at {@code tlp}. */
    public record Publish(String id, String collection, Tlp tlp) implements Step {
        @Override
        public String type() {
            return "publish";
        }
    }

    /** A {@code set-status} step: the subject's hub-side status. */
    public record SetStatus(String id, String status) implements Step {
        @Override
        public String type() {
            return "set-status";
        }
    }
}
