package org.certhub.playbook.internal;

import java.util.Comparator;
import java.util.List;

import org.certhub.notify.NotificationRequested.Mark;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;

/**
 * Who may see a run's subject, and what the others who take part in the run are told instead. A
 * subject is derived data: it carries the marking of its inputs.
 * <ul>
 * <li>An incident: its owner at its effective level.</li>
 * <li>A correlation: its holders that carry the value itself (a holder that only has an address
 *     inside a correlated network does not reveal the network).</li>
 * <li>A correlation event without holders (schema v1): each of its CERTs at TLP:RED, that is,
 *     visible to those CERTs only.</li>
 * </ul>
 * A viewer may see the subject when the sharing policy admits at least one of these (owner, level)
 * pairs. Anyone else who takes part in the run learns only the blind entry {@code {blind, cert,
 * contact, tlp}}: for a correlation, the one holder it may not see at the strictest level (the first
 * by CERT id among equals), so that one entry stands for the subject whatever the number of holders.
 */
public final class SubjectMarking {

    private final Community community;
    private final SharingPolicy policy;

    public SubjectMarking(Community community, SharingPolicy policy) {
        this.community = community;
        this.policy = policy;
    }

    /**
     * What a viewer that may not see a subject is told of it.
     *
     * @param cert the principal id of the CERT to contact
     * @param contact its display name
     * @param tlp the level it holds the subject at
     */
    public record BlindEntry(String cert, String contact, Tlp tlp) {
    }

    /** The (owner, level) pairs of which the sharing policy must admit one for a viewer to see the subject. */
    public static List<Mark> marks(Subject subject) {
        if (subject.kind() == SubjectKind.INCIDENT) {
            return List.of(new Mark(subject.owner(), subject.tlp()));
        }
        if (subject.holders().isEmpty()) {
            return subject.certs().stream().map(cert -> new Mark(cert, Tlp.RED)).toList();
        }
        return subject.holders().stream().filter(Subject.Holder::carriesValue).map(holder -> new Mark(holder.cert(), holder.tlp()))
                .distinct().toList();
    }

    /** Whether the viewer may see the subject (and so the run whole). */
    public boolean maySee(Principal viewer, Subject subject) {
        SharingPolicy.Audience audience = policy.audienceOf(viewer);
        return marks(subject).stream().anyMatch(mark -> audience.admits(mark.owner(), mark.tlp()));
    }

    /** What a viewer that may not see the subject is told: whom to contact, at which level. */
    public BlindEntry blindEntry(Principal viewer, Subject subject) {
        SharingPolicy.Audience audience = policy.audienceOf(viewer);
        List<Mark> candidates = subject.kind() == SubjectKind.CORRELATION && !subject.holders().isEmpty()
                ? subject.holders().stream().map(holder -> new Mark(holder.cert(), holder.tlp())).toList()
                : marks(subject);
        Mark named = candidates.stream().filter(mark -> !audience.admits(mark.owner(), mark.tlp()))
                .sorted(Comparator.comparing(Mark::tlp).reversed().thenComparing(Mark::owner)).findFirst()
                .orElse(candidates.isEmpty() ? new Mark(subject.certs().isEmpty() ? "" : subject.certs().get(0), Tlp.RED)
                        : candidates.get(0));
        String contact = community.find(named.owner()).map(Principal::name).orElse(named.owner());
        return new BlindEntry(named.owner(), contact, named.tlp());
    }
}
