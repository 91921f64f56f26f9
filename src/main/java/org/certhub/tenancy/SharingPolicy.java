package org.certhub.tenancy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.springframework.stereotype.Component;

/**
 * Who may see what (DESIGN.md "Sharing policy", TLP 2.0), decided here and nowhere else. Every
 * read path asks this policy: single objects through {@link #maySee}, queries through the
 * {@link Audience} they turn into a filter.
 * <ul>
 * <li>A principal sees all of its own objects, at every TLP level.</li>
 * <li>Of others' objects, every authenticated principal sees TLP:CLEAR and TLP:GREEN.</li>
 * <li>Members (member CERTs, partners configured as members) also see TLP:AMBER.</li>
 * <li>TLP:AMBER+STRICT and TLP:RED of others: never (RED to named recipients is a later extension,
 *     see {@link Audience}).</li>
 * <li>Admins run the hub and are not CERTs: least privilege, others' CLEAR and GREEN only.</li>
 * </ul>
 */
@Component
public final class SharingPolicy {

    private static final Set<Tlp> COMMUNITY = Collections.unmodifiableSet(EnumSet.of(Tlp.CLEAR, Tlp.GREEN));
    private static final Set<Tlp> MEMBERS = Collections.unmodifiableSet(EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));

    /** What the viewer may see: the filter every query adds. */
    public Audience audienceOf(Principal viewer) {
        return new Audience(viewer.id(), othersLevelsVisibleTo(viewer));
    }

    /** Whether the viewer may see an object submitted by {@code ownerPrincipalId} at this TLP level. */
    public boolean maySee(Principal viewer, String ownerPrincipalId, Tlp tlp) {
        return audienceOf(viewer).admits(ownerPrincipalId, tlp);
    }

    /**
     * The TLP level an object is shared at: the strictest TLP marking among its marking references,
     * or the submitter's default when it carries none.
     */
    public Tlp effectiveTlp(Collection<String> markingRefs, Principal submitter) {
        return Tlp.strictest(markingRefs).orElse(submitter.defaultTlp());
    }

    private static Set<Tlp> othersLevelsVisibleTo(Principal viewer) {
        if (viewer.kind() == PrincipalKind.ADMIN || !viewer.member()) {
            return COMMUNITY;
        }
        return MEMBERS;
    }

    /**
     * What a viewer may see, in the terms a query filter needs: everything owned by
     * {@code principalId}, and of others' objects those at one of {@code othersLevels}.
     * <p>
     * Extension point: when submitters can name TLP:RED recipients (a later issue), an object is
     * also visible to the principals it names; a query then adds "recipients contain
     * {@code principalId}", and {@link #admits} takes the object's recipients.
     *
     * @param principalId the viewer, who sees all of its own objects
     * @param othersLevels the TLP levels of others' objects the viewer may see
     */
    public record Audience(String principalId, Set<Tlp> othersLevels) {

        public Audience {
            Objects.requireNonNull(principalId, "principalId");
            othersLevels = othersLevels.isEmpty() ? Set.of()
                    : Collections.unmodifiableSet(EnumSet.copyOf(othersLevels));
        }

        /** Whether an object of {@code ownerPrincipalId} at this TLP level is visible to this audience. */
        public boolean admits(String ownerPrincipalId, Tlp tlp) {
            return principalId.equals(ownerPrincipalId) || othersLevels.contains(tlp);
        }
    }
}
