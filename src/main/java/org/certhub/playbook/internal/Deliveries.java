package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.internal.Playbook.Delivery;
import org.certhub.playbook.internal.Playbook.Recipient;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.SharingPolicy;

/**
 * Turns a notify or escalate step into one {@link NotificationRequested} per (recipient, contact
 * role), each with its text cut to what that recipient may see: the subject's content (an
 * incident's name, description and properties, a correlation's shared value) only for recipients
 * the sharing policy lets see it, a "withheld" note for the others. Used by the engine and, without
 * sending anything, by the simulation.
 */
public final class Deliveries {

    /** What the text says instead of content the recipient may not see. */
    static final String WITHHELD = "[withheld: %s]";
    /** What a text without the subject's content carries: ids, CERT names and counts of the community. */
    static final Tlp METADATA_TLP = Tlp.GREEN;
    private static final Set<String> ALWAYS_SHOWN = Set.of("subject.id", "subject.kind", "subject.certs", "subject.tlp");

    private final Community community;
    private final SharingPolicy policy;

    public Deliveries(Community community, SharingPolicy policy) {
        this.community = community;
        this.policy = policy;
    }

    /**
     * The notifications of one step.
     *
     * @param requests one per recipient and contact role
     * @param unknown recipients the step names that the community does not know
     */
    public record Plan(List<NotificationRequested> requests, List<String> unknown) {
    }

    /**
     * @param unacknowledged who {@code unacknowledged} names in an escalate step: the recipients
     *     of the awaited notify step without an acknowledgement at the deadline
     */
    public Plan plan(ReleasedVersion version, Delivery step, Subject subject, String runId, Instant now,
            Optional<Instant> ackDeadline, List<String> unacknowledged) {
        List<NotificationRequested> requests = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Recipient recipient : step.recipients()) {
            for (String id : resolve(recipient, subject, unacknowledged)) {
                Optional<Principal> principal = community.find(id);
                if (principal.isEmpty()) {
                    unknown.add(id);
                    continue;
                }
                String role = recipient.role().orElse(null);
                if (seen.add(id + "\u0000" + role)) {
                    requests.add(request(version, step, subject, runId, now, ackDeadline, principal.get(), role));
                }
            }
        }
        return new Plan(requests, unknown);
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

    private NotificationRequested request(ReleasedVersion version, Delivery step, Subject subject, String runId,
            Instant now, Optional<Instant> ackDeadline, Principal recipient, String role) {
        boolean seesContent = maySeeContent(recipient, subject);
        Map<String, String> values = values(version.playbook(), subject, runId, ackDeadline, recipient, seesContent);
        String withheld = WITHHELD.formatted(subject.tlp().label());
        String title = MessageTemplate.render(step.subjectTemplate(), values, name -> withheld);
        String text = MessageTemplate.render(step.textTemplate(), values, name -> withheld);
        boolean carries = seesContent && (carriesContent(step.subjectTemplate(), subject) || carriesContent(step.textTemplate(), subject));
        Tlp tlp = carries ? subject.tlp() : METADATA_TLP;
        return new NotificationRequested(NotificationRequested.SCHEMA_VERSION,
                Hashes.id("ntf-", runId, step.id(), recipient.id(), role == null ? "" : role), runId, version.id(),
                version.version(), step.id(), recipient.id(), role, step.channels(), title, text, subject.kind().jsonName(),
                subject.id(), tlp, ackDeadline.isPresent(), ackDeadline.orElse(null), now);
    }

    /** Whether the recipient may see the subject's content: the sharing policy for an incident, the reporting CERTs for a correlation. */
    public boolean maySeeContent(Principal viewer, Subject subject) {
        if (subject.kind() == SubjectKind.CORRELATION) {
            return subject.certs().contains(viewer.id());
        }
        return policy.maySee(viewer, subject.owner(), subject.tlp());
    }

    private static boolean carriesContent(String template, Subject subject) {
        Set<String> used = MessageTemplate.variables(template);
        if (subject.kind() == SubjectKind.CORRELATION) {
            return used.stream().anyMatch(MessageTemplate.CONTENT::contains);
        }
        return used.stream().anyMatch(name -> name.startsWith("subject.") && !ALWAYS_SHOWN.contains(name));
    }

    private static Map<String, String> values(Playbook playbook, Subject subject, String runId,
            Optional<Instant> ackDeadline, Principal recipient, boolean seesContent) {
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
        // A correlation's figures are the community's (what the correlation API shows every member
        // involved); an incident's properties come from its content, under its marking.
        if (seesContent || subject.kind() == SubjectKind.CORRELATION) {
            values.put("subject.types", String.join(", ", subject.types()));
            values.put("subject.severity", subject.severityLevel().map(Severity::jsonName).orElse("unknown"));
            values.put("subject.sectors", String.join(", ", subject.sectors()));
            values.put("subject.countries", String.join(", ", subject.countries()));
            values.put("subject.score", String.valueOf(Math.round(subject.score())));
            values.put("subject.observable-types", String.join(", ", subject.observableTypes()));
            values.put("subject.techniques", String.join(", ", subject.techniques()));
            values.put("subject.title", subject.title());
        }
        if (seesContent) {
            values.put("subject.description", subject.description());
            values.put("subject.value", subject.value() == null ? "" : subject.value());
        }
        return values;
    }
}
