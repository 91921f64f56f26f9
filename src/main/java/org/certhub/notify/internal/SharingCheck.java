package org.certhub.notify.internal;

import java.util.Optional;

import org.certhub.notify.NotificationRequested;
import org.certhub.search.ObjectQueries;
import org.certhub.search.StoredObject;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.stereotype.Component;

/**
 * The last check before anything is sent. A request of schema v2 names the subject's marking: the
 * recipient may get the full text when the sharing policy admits one of its (owner, level) pairs; a
 * blind notice goes to member CERTs only (never to a partner or an admin, who must not learn that a
 * restricted subject exists). A request of schema v1 carries no marking: may the recipient see content
 * at the request's TLP from the subject's owner? The owner of an incident is who submitted it (when
 * the recipient can see the incident at all); a correlation spans CERTs and has none, so only others'
 * levels count; a blind match notice repeats the recipient's own values.
 */
@Component
class SharingCheck {

    private final Community community;
    private final SharingPolicy policy;
    private final ObjectQueries objects;

    SharingCheck(Community community, SharingPolicy policy, ObjectQueries objects) {
        this.community = community;
        this.policy = policy;
        this.objects = objects;
    }

    /** Why the notification must not be sent to its recipient; empty when it may. */
    Optional<String> refusal(NotificationRequested request) {
        Optional<Principal> recipient = community.find(request.recipient());
        if (recipient.isEmpty()) {
            return Optional.of("refused: recipient " + request.recipient() + " is not in the community");
        }
        if (request.tlp() == null) {
            return Optional.of("refused: the request carries no TLP level");
        }
        if (request.blindNotice()) {
            return recipient.get().kind() == PrincipalKind.CERT && recipient.get().member() ? Optional.empty()
                    : Optional.of("refused: blind notices go to member CERTs only");
        }
        if (!request.marking().isEmpty()) {
            return maySeeSubject(recipient.get(), request) ? Optional.empty()
                    : Optional.of("refused by the sharing policy: " + request.recipient() + " may not see the subject");
        }
        String owner = ownerOf(request, recipient.get());
        if (policy.maySee(recipient.get(), owner, request.tlp())) {
            return Optional.empty();
        }
        return Optional.of("refused by the sharing policy: " + request.recipient() + " may not see "
                + request.tlp().label() + (owner.isEmpty() ? " content of other CERTs" : " content of " + owner));
    }

    /** Whether the viewer may see the subject of a request that names its marking (schema v2). */
    static boolean maySeeSubject(SharingPolicy.Audience audience, NotificationRequested request) {
        return request.marking().stream().anyMatch(mark -> audience.admits(mark.owner(), mark.tlp()));
    }

    private boolean maySeeSubject(Principal viewer, NotificationRequested request) {
        return maySeeSubject(policy.audienceOf(viewer), request);
    }

    private String ownerOf(NotificationRequested request, Principal recipient) {
        if (NotificationRequested.BLIND_MATCH.equals(request.subjectKind())) {
            // Another CERT matched the recipient's own values: the values it repeats are the recipient's.
            return recipient.id();
        }
        if (!"incident".equals(request.subjectKind()) || request.subjectId() == null) {
            return "";
        }
        return objects.current(request.subjectId(), policy.audienceOf(recipient)).map(StoredObject::owner).orElse("");
    }
}
