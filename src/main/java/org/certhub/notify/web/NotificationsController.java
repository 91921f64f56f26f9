package org.certhub.notify.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certhub.notify.NotificationRequested;
import org.certhub.notify.internal.AckLinks;
import org.certhub.notify.internal.Acknowledgements;
import org.certhub.notify.internal.ChannelDelivery;
import org.certhub.notify.internal.Notification;
import org.certhub.notify.internal.NotificationStore;
import org.certhub.notify.internal.TransientNotifyException;
import org.certhub.search.SortCursor;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.SharingPolicy;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notifications}: the caller's inbox (notifications whose recipient it is), one
 * notification, its acknowledgement by API or signed link; admins list every recipient's
 * dead-lettered notifications. Somebody else's notification does not exist for the caller (404).
 * The console calls {@link #list} and {@link #acknowledge} in-process with the signed-in person's principal.
 */
@RestController
public class NotificationsController {

    private static final int MAX_LIMIT = 500;

    private final NotificationStore store;
    private final Acknowledgements acknowledgements;
    private final AckLinks links;
    private final SharingPolicy policy;
    private final Community community;

    NotificationsController(NotificationStore store, Acknowledgements acknowledgements, AckLinks links,
            SharingPolicy policy, Community community) {
        this.store = store;
        this.acknowledgements = acknowledgements;
        this.links = links;
        this.policy = policy;
        this.community = community;
    }

    @GetMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(@AuthenticationPrincipal Principal caller,
            @RequestParam(required = false) String acknowledged, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        Optional<Boolean> ack = Optional.ofNullable(acknowledged).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("acknowledged", "enum", "must be 'true' or 'false'");
        });
        Optional<ChannelDelivery.State> wanted = Optional.ofNullable(state).map(value -> switch (value) {
            case "pending" -> ChannelDelivery.State.PENDING;
            case "delivered" -> ChannelDelivery.State.DELIVERED;
            case "dead-lettered" -> ChannelDelivery.State.DEAD_LETTERED;
            default -> throw invalid("state", "enum", "must be 'pending', 'delivered' or 'dead-lettered'");
        });
        var after = Optional.ofNullable(cursor).map(text -> SortCursor.decode(text, "created", List.of(SortCursor.Kind.LONG, SortCursor.Kind.STRING))
                .orElseThrow(() -> invalid("cursor", "cursor", "is not a cursor of this listing")));
        // The admins' view of failed deliveries spans every recipient; everything else is the caller's inbox.
        boolean everyRecipient = caller.holds(Role.ADMIN) && wanted.orElse(null) == ChannelDelivery.State.DEAD_LETTERED;
        NotificationStore.Page page = store.list(everyRecipient ? Optional.empty() : Optional.of(caller.id()), ack,
                wanted, limit, after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notifications", page.notifications().stream().map(n -> view(n, caller)).toList());
        page.next().ifPresent(values -> body.put("next", SortCursor.encode("created", values)));
        return body;
    }

    @GetMapping(path = "/api/v1/notifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    NotificationJson get(@AuthenticationPrincipal Principal caller, @PathVariable String id) {
        return store.get(id).map(NotificationStore.Versioned::notification)
                .filter(notification -> notification.recipient().equals(caller.id()))
                .map(notification -> view(notification, caller)).orElseThrow(NotificationsController::notFound);
    }

    /** Acknowledges the caller's notification; again is harmless (answers the same). */
    @PostMapping(path = "/api/v1/notifications/{id}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    public NotificationJson acknowledge(@AuthenticationPrincipal Principal caller, @PathVariable String id) {
        return acknowledgements.acknowledge(id, caller.id(), "api").map(notification -> view(notification, caller))
                .orElseThrow(NotificationsController::notFound);
    }

    /** The signed link of an e-mail: no API key, the token is the proof; answers only the acknowledgement. */
    @GetMapping(path = "/api/v1/notifications/{id}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> acknowledgeByLink(@PathVariable String id, @RequestParam(required = false) String token) {
        Optional<Notification> notification = store.get(id).map(NotificationStore.Versioned::notification)
                .filter(found -> links.valid(id, found.recipient(), token))
                .flatMap(found -> acknowledgements.acknowledge(id, found.recipient(), "link"));
        Notification acknowledged = notification.orElseThrow(() -> new ProblemException(Problems.of(HttpStatus.FORBIDDEN,
                "ack-link-invalid", "Invalid acknowledgement link", "This acknowledgement link is not valid.")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notification_id", acknowledged.id());
        body.put("acknowledged", true);
        body.put("acknowledged_at", acknowledged.acknowledgedAt());
        return body;
    }

    @ExceptionHandler(TransientNotifyException.class)
    ResponseEntity<ProblemDetail> unavailable(TransientNotifyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "notifications-unavailable", "Notifications unavailable",
                        "The notification store is not reachable; try again."));
    }

    /**
     * The recipient sees everything of its notification, a blind notice as its blind entry and fixed
     * text; an admin viewing others' (the dead-letter view) sees a notification whole only when it
     * may see its subject, else as the blind entry without text.
     */
    private NotificationJson view(Notification notification, Principal caller) {
        NotificationRequested request = notification.request();
        boolean own = notification.recipient().equals(caller.id());
        if (request.blindNotice()) {
            return NotificationJson.blind(notification, request.blind().cert(), request.blind().contact(), request.tlp(), own);
        }
        SharingPolicy.Audience audience = policy.audienceOf(caller);
        boolean whole = own || (request.marking().isEmpty() ? policy.maySee(caller, "", request.tlp())
                : request.marking().stream().anyMatch(mark -> audience.admits(mark.owner(), mark.tlp())));
        if (whole) {
            return NotificationJson.of(notification);
        }
        Optional<NotificationRequested.Mark> named = request.marking().stream()
                .max(Comparator.comparing(NotificationRequested.Mark::tlp).thenComparing(NotificationRequested.Mark::owner,
                        Comparator.reverseOrder()));
        return NotificationJson.blind(notification, named.map(NotificationRequested.Mark::owner).orElse(null),
                named.flatMap(mark -> community.find(mark.owner())).map(Principal::name).orElse(null),
                named.map(NotificationRequested.Mark::tlp).orElse(request.tlp()), false);
    }

    private static ProblemException notFound() {
        return new ProblemException(Problems.notFound("The notification"));
    }

    private static ProblemException invalid(String name, String rule, String message) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "The parameter '" + name + "' " + message + "."),
                List.of(new ProblemError(name, rule, message))));
    }
}
