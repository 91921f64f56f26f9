package org.certhub.feed.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.certhub.outbound.TargetPolicy;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subscriptions API. Callers: a partner's {@code feed-reader}, or a CERT's {@code responder}.
 * A principal sees and changes only its own subscriptions; another's answers 404, exactly like one
 * that does not exist.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionsController {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsController.class);

    private final SubscriptionStore store;
    private final SubscriptionPositions positions;
    private final SubscriptionProperties properties;
    private final TargetPolicy targets;

    SubscriptionsController(SubscriptionStore store, SubscriptionPositions positions, SubscriptionProperties properties,
            TargetPolicy targets) {
        this.store = store;
        this.positions = positions;
        this.properties = properties;
        this.targets = targets;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionJson> create(@AuthenticationPrincipal Principal caller, @RequestBody String body) {
        requireSubscriber(caller);
        Subscription subscription = SubscriptionRequest.read(body, caller.id(), properties, targets);
        if (store.of(caller.id()).size() >= properties.maxPerPrincipal()) {
            throw new ProblemException(Problems.of(HttpStatus.CONFLICT, "subscription-limit", "Too many subscriptions",
                    "A principal may hold at most " + properties.maxPerPrincipal() + " subscriptions; delete one first."));
        }
        confirmed(() -> {
            positions.startAtEnd(subscription);
            store.save(subscription);
            return subscription;
        });
        log.info("Subscription {} registered by {}", subscription.id(), caller.id());
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                .body(SubscriptionJson.of(subscription, DeliveryStatus.NONE, 0L));
    }

    @GetMapping
    Map<String, List<SubscriptionJson>> list(@AuthenticationPrincipal Principal caller) {
        requireSubscriber(caller);
        return Map.of("subscriptions", store.of(caller.id()).stream()
                .map(subscription -> SubscriptionJson.of(subscription, store.status(subscription.id()), null)).toList());
    }

    @GetMapping("/{id}")
    SubscriptionJson get(@AuthenticationPrincipal Principal caller, @PathVariable String id) {
        Subscription subscription = own(caller, id);
        return SubscriptionJson.of(subscription, store.status(id), positions.backlog(subscription).orElse(null));
    }

    @PostMapping("/{id}/pause")
    SubscriptionJson pause(@AuthenticationPrincipal Principal caller, @PathVariable String id) {
        return setPaused(caller, id, true);
    }

    /** Resumes a paused subscription, and a failing one: its held delivery is tried again at once. */
    @PostMapping("/{id}/resume")
    SubscriptionJson resume(@AuthenticationPrincipal Principal caller, @PathVariable String id) {
        return setPaused(caller, id, false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Principal caller, @PathVariable String id) {
        Subscription subscription = own(caller, id);
        confirmed(() -> {
            store.delete(id);
            return id;
        });
        positions.forget(subscription);
        log.info("Subscription {} deleted by {}", id, caller.id());
        return ResponseEntity.noContent().build();
    }

    private SubscriptionJson setPaused(Principal caller, String id, boolean paused) {
        Subscription changed = own(caller, id).paused(paused, Instant.now());
        confirmed(() -> {
            store.save(changed);
            return changed;
        });
        return SubscriptionJson.of(changed, store.status(id), positions.backlog(changed).orElse(null));
    }

    private Subscription own(Principal caller, String id) {
        requireSubscriber(caller);
        return store.find(id).map(SubscriptionView.Placed::subscription)
                .filter(subscription -> subscription.owner().equals(caller.id()))
                .orElseThrow(() -> new ProblemException(Problems.notFound("The subscription")));
    }

    /** A partner's feed reader, or a CERT's responder: admins and submit-only keys have no subscriptions. */
    private static void requireSubscriber(Principal caller) {
        boolean responder = caller.kind() == PrincipalKind.CERT && caller.holds(Role.RESPONDER);
        if (!caller.holds(Role.FEED_READER) && !responder) {
            throw new ProblemException(Problems.forbidden());
        }
    }

    private static <T> T confirmed(Supplier<T> change) {
        try {
            return change.get();
        } catch (SubscriptionStoreUnavailableException e) {
            log.warn("A subscription change was not acknowledged: {}", e.toString());
            throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "subscriptions-unavailable",
                    "Subscription store unavailable", "The change was not confirmed by the store; try again."));
        }
    }
}
