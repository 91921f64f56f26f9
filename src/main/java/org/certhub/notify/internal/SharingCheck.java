package org.certhub.notify.internal;

import java.util.Optional;

import org.certhub.notify.NotificationRequested;
import org.certhub.search.ObjectQueries;
import org.certhub.search.StoredObject;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.stereotype.Component;

/**
 * The last check before anything is sent: may the recipient see content at the request's TLP from
 * the subject's owner? The owner of an incident is who submitted it (when the recipient can see the
 * incident at all); a correlation spans CERTs and has none, so only others' levels count; a blind
 * match notice repeats the recipient's own values.
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
        String owner = ownerOf(request, recipient.get());
        if (policy.maySee(recipient.get(), owner, request.tlp())) {
            return Optional.empty();
        }
        return Optional.of("refused by the sharing policy: " + request.recipient() + " may not see "
                + request.tlp().label() + (owner.isEmpty() ? " content of other CERTs" : " content of " + owner));
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
