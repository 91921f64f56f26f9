package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certhub.notify.BlindNotice;
import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.internal.Playbook.Delivery;
import org.certhub.playbook.internal.Playbook.Recipient;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.SharingPolicy;

/**
 * Turns a notify or escalate step into one {@link NotificationRequested} per (recipient, contact
 * role), by what the recipient may see of the run's subject ({@link SubjectMarking}):
 * <ul>
 * <li>who may see the subject gets the step's text, rendered in full;</li>
 * <li>a member CERT that may not gets a <em>blind notice</em> ({@link BlindNotice}): whom to contact
 *     and at which level, nothing of the subject, the run or the playbook;</li>
 * <li>anyone else (partners, admins) is skipped: no text, no id of a subject it may not see.</li>
 * </ul>
 * Used by the engine and, without sending anything, by the simulation.
 */
public final class Deliveries {

    /** What the text says for a variable no value is known for (the validator refuses unknown ones). */
    static final String WITHHELD = "[withheld: %s]";

    private final Community community;
    private final SubjectMarking marking;

    public Deliveries(Community community, SharingPolicy policy) {
        this.community = community;
        this.marking = new SubjectMarking(community, policy);
    }

    /**
     * The notifications of one step.
     *
     * @param requests one per recipient and contact role that is told anything (in full or blind)
     * @param unknown recipients the step names that the community does not know
     * @param skipped recipients that are told nothing, with the reason
     */
    public record Plan(List<NotificationRequested> requests, List<String> unknown, List<Skipped> skipped) {
    }

    /**
     * A recipient a step does not tell anything.
     *
     * @param recipient its principal id
     * @param contactRole the contact role the step names; null for none
     * @param reason why
     */
    public record Skipped(String recipient, String contactRole, String reason) {
    }

    /**
     * @param unacknowledged who {@code unacknowledged} names in an escalate step: the recipients
     *     of the awaited notify step without an acknowledgement at the deadline
     */
    public Plan plan(ReleasedVersion version, Delivery step, Subject subject, String runId, Instant now,
            Optional<Instant> ackDeadline, List<String> unacknowledged) {
        List<NotificationRequested> requests = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Recipient recipient : step.recipients()) {
            for (String id : resolve(recipient, subject, unacknowledged)) {
                Optional<Principal> principal = community.find(id);
                if (principal.isEmpty()) {
                    unknown.add(id);
                    continue;
                }
                String role = recipient.role().orElse(null);
                if (!seen.add(id + "\u0000" + role)) {
                    continue;
                }
                if (marking.maySee(principal.get(), subject)) {
                    requests.add(full(version, step, subject, runId, now, ackDeadline, principal.get(), role));
                } else if (receivesBlindNotices(principal.get())) {
                    requests.add(blind(version, step, subject, runId, now, ackDeadline, principal.get(), role));
                } else {
                    skipped.add(new Skipped(id, role, "may not see the " + subject.kind().jsonName() + " (" + subject.tlp().label()
                            + "), and only member CERTs receive blind notices"));
                }
            }
        }
        return new Plan(requests, unknown, skipped);
    }

    /** Member CERTs may be asked to contact the owner of something restricted; partners and admins never learn it exists. */
    static boolean receivesBlindNotices(Principal recipient) {
        return recipient.kind() == PrincipalKind.CERT && recipient.member();
    }

    private List<String> resolve(Recipient recipient, Subject subject, List<String> unacknowledged) {
        return switch (recipient.to()) {
            case Recipient.AFFECTED_CERTS -> subject.certs();
            case Recipient.UNACKNOWLEDGED -> unacknowledged;
            case Recipient.ALL_MEMBERS -> community.principals().stream()
                    .filter(principal -> principal.member() && principal.kind() != PrincipalKind.ADMIN).map(Principal::id).toList();
            default -> List.of(recipient.to());
        };
    }

    private NotificationRequested full(ReleasedVersion version, Delivery step, Subject subject, String runId,
            Instant now, Optional<Instant> ackDeadline, Principal recipient, String role) {
        Map<String, String> values = values(version.playbook(), subject, runId, ackDeadline, recipient);
        String withheld = WITHHELD.formatted(subject.tlp().label());
        String title = MessageTemplate.render(step.subjectTemplate(), values, name -> withheld);
        String text = MessageTemplate.render(step.textTemplate(), values, name -> withheld);
        // Even a text without the subject's content names the subject and the playbook: derived data, at the subject's level.
        return new NotificationRequested(NotificationRequested.SCHEMA_VERSION, notificationId(runId, step, recipient, role), runId,
                version.id(), version.version(), step.id(), recipient.id(), role, step.channels(), title, text,
                subject.kind().jsonName(), subject.id(), subject.tlp(), ackDeadline.isPresent(), ackDeadline.orElse(null), now,
                SubjectMarking.marks(subject), null);
    }

    private NotificationRequested blind(ReleasedVersion version, Delivery step, Subject subject, String runId,
            Instant now, Optional<Instant> ackDeadline, Principal recipient, String role) {
        SubjectMarking.BlindEntry entry = marking.blindEntry(recipient, subject);
        // The run, playbook and step stay in the request for the notify module's events (an acknowledgement
        // must reach the run); notify never shows them for a blind notice.
        return new NotificationRequested(NotificationRequested.SCHEMA_VERSION, notificationId(runId, step, recipient, role), runId,
                version.id(), version.version(), step.id(), recipient.id(), role, step.channels(),
                BlindNotice.subject(entry.contact(), entry.tlp()), BlindNotice.text(entry.cert(), entry.contact(), entry.tlp()),
                null, null, entry.tlp(), ackDeadline.isPresent(), ackDeadline.orElse(null), now, SubjectMarking.marks(subject),
                new NotificationRequested.Blind(entry.cert(), entry.contact()));
    }

    private static String notificationId(String runId, Delivery step, Principal recipient, String role) {
        return Hashes.id("ntf-", runId, step.id(), recipient.id(), role == null ? "" : role);
    }

    /** Whether the viewer may see the subject: see {@link SubjectMarking}. */
    public boolean maySeeContent(Principal viewer, Subject subject) {
        return marking.maySee(viewer, subject);
    }

    /** What a viewer that may not see the subject is told of it. */
    public SubjectMarking.BlindEntry blindEntry(Principal viewer, Subject subject) {
        return marking.blindEntry(viewer, subject);
    }

    private static Map<String, String> values(Playbook playbook, Subject subject, String runId,
            Optional<Instant> ackDeadline, Principal recipient) {
        Map<String, String> values = new HashMap<>();
        values.put("playbook.id", playbook.id());
        values.put("playbook.title", playbook.title());
        values.put("playbook.version", String.valueOf(playbook.version()));
        values.put("run.id", runId);
        values.put("subject.kind", subject.kind().jsonName());
        values.put("subject.id", subject.id());
        values.put("subject.tlp", subject.tlp().label());
        values.put("subject.certs", String.join(", ", subject.certs()));
        values.put("ack.deadline", ackDeadline.map(Instant::toString).orElse("(no acknowledgement asked)"));
        values.put("recipient", recipient.name());
        values.put("subject.types", String.join(", ", subject.types()));
        values.put("subject.severity", subject.severityLevel().map(Severity::jsonName).orElse("unknown"));
        values.put("subject.sectors", String.join(", ", subject.sectors()));
        values.put("subject.countries", String.join(", ", subject.countries()));
        values.put("subject.score", String.valueOf(Math.round(subject.score())));
        values.put("subject.observable-types", String.join(", ", subject.observableTypes()));
        values.put("subject.techniques", String.join(", ", subject.techniques()));
        values.put("subject.title", subject.title());
        values.put("subject.description", subject.description());
        values.put("subject.value", subject.value() == null ? "" : subject.value());
        return values;
    }
}
