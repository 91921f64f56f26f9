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
 * often it asks; the first acknowledgement is written conditionally and then published as
 * {@link NotificationEvent.Kind#ACKNOWLEDGED}.
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
            if (notification.acknowledged()) {
                return Optional.of(notification);
            }
            Instant now = clock.instant();
            Notification acknowledged = notification.acknowledge(now, how);
            if (store.replace(acknowledged, read.get())) {
                events.publish(List.of(Deliveries.event(acknowledged, NotificationEvent.Kind.ACKNOWLEDGED, null, 0, now,
                        recipient + " by " + how)));
                log.info("Notification {} acknowledged by {} ({})", id, recipient, how);
                return Optional.of(acknowledged);
            }
        }
        throw new TransientNotifyException("Notification " + id + ": acknowledgement not written after " + WRITE_TRIES
                + " tries");
    }
}
