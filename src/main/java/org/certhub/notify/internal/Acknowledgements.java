package org.certhub.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certhub.notify.NotificationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A recipient acknowledges a notification: once, whichever way (API or signed link) and however
 * often it asks. The first acknowledgement is written conditionally, then published as
 * {@link NotificationEvent.Kind#ACKNOWLEDGED}, then marked published; if Kafka was away in between,
 * the next acknowledgement of it publishes the event instead of losing it.
 */
@Component
public class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);
    private static final int WRITE_TRIES = 5;

    private final NotificationStore store;
    private final NotifyProducer events;
    private final Clock clock = Clock.systemUTC();

    Acknowledgements(NotificationStore store, NotifyProducer events) {
        this.store = store;
        this.events = events;
    }

    /** The acknowledged notification; empty when there is none of this id for this recipient. */
    public Optional<Notification> acknowledge(String id, String recipient, String how) {
        for (int tries = 0; tries < WRITE_TRIES; tries++) {
            Optional<NotificationStore.Versioned> read = store.get(id)
                    .filter(found -> found.notification().recipient().equals(recipient));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Notification notification = read.get().notification();
            if (notification.acknowledged() && notification.ackPublished()) {
                return Optional.of(notification);
            }
            Notification acknowledged = notification.acknowledged() ? notification
                    : notification.acknowledge(clock.instant(), how);
            if (acknowledged == notification || store.replace(acknowledged, read.get())) {
                publish(acknowledged);
                return Optional.of(acknowledged);
            }
        }
        throw new TransientNotifyException("Notification " + id + ": acknowledgement not written after " + WRITE_TRIES
                + " tries");
    }

    private void publish(Notification acknowledged) {
        Instant at = acknowledged.acknowledgedAt();
        events.publish(List.of(Deliveries.event(acknowledged, NotificationEvent.Kind.ACKNOWLEDGED, null, 0, at,
                acknowledged.recipient() + " by " + acknowledged.acknowledgedBy())));
        log.info("Notification {} acknowledged by {} ({})", acknowledged.id(), acknowledged.recipient(),
                acknowledged.acknowledgedBy());
        // Best effort: if this conditional write loses, a later acknowledgement may publish once more.
        store.get(acknowledged.id()).filter(read -> !read.notification().ackPublished())
                .ifPresent(read -> store.replace(read.notification().withAckPublished(), read));
    }
}
