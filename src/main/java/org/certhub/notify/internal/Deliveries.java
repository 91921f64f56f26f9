package org.certhub.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotifyProperties;
import org.certhub.notify.channel.Channel;
import org.certhub.notify.channel.Message;
import org.certhub.notify.channel.Outcome;
import org.certhub.search.IndexBootstrap;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Contacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers notifications. A new one is recorded and tried at once; a failed channel gets its next
 * attempt time in the record, and a scheduler picks up due ones of the partitions this instance
 * owns, after a restart too. Each attempt is first claimed in the record (a conditional write that
 * counts the attempt and holds the channel for {@code claim-timeout}): whoever loses the claim, here
 * or on another instance, does not send, so a notification goes out once per attempt.
 */
@Component
public class Deliveries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final int SCAN_SIZE = 200;
    private static final int WRITE_TRIES = 5;

    private final NotificationStore store;
    private final NotifyProducer events;
    private final PartitionOwnership ownership;
    private final SharingCheck sharing;
    private final Community community;
    private final AckLinks links;
    private final IndexBootstrap indices;
    private final NotifyProperties properties;
    private final RetrySchedule schedule;
    private final Map<String, Channel> channels;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean running;

    Deliveries(NotificationStore store, NotifyProducer events, PartitionOwnership ownership, SharingCheck sharing,
            Community community, AckLinks links, IndexBootstrap indices, NotifyProperties properties,
            List<Channel> channels) {
        this.store = store;
        this.events = events;
        this.ownership = ownership;
        this.sharing = sharing;
        this.community = community;
        this.links = links;
        this.indices = indices;
        this.properties = properties;
        this.schedule = new RetrySchedule(properties.delivery());
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
    }

    /** Records new requests (a repeated one is recognised by its id and dropped) and tries them at once. */
    public void accept(List<Incoming> incoming) {
        Map<String, Notification> unique = new LinkedHashMap<>();
        Instant now = clock.instant();
        incoming.forEach(in -> unique.putIfAbsent(in.request().notificationId(),
                Notification.recorded(in.request(), in.topic(), in.partition(), now)));
        for (Notification created : store.recordNew(unique.values())) {
            log.info("Notification {} for {} recorded (run {}, channels {})", created.id(), created.recipient(),
                    created.request().runId(), created.request().channels());
            submit(created.id());
        }
    }

    /** Looks for due notifications now, e.g. after partitions were assigned to this instance. */
    public void scanSoon() {
        ScheduledExecutorService current = scheduler;
        if (running && current != null) {
            current.execute(this::scan);
        }
    }

    private void submit(String id) {
        ExecutorService current = workers;
        if (running && current != null && queued.add(id)) {
            current.execute(() -> {
                queued.remove(id);
                attempt(id);
            });
        }
    }

    private void scan() {
        try {
            store.due(properties.requestsTopic(), ownership.owned(), clock.instant(), SCAN_SIZE).forEach(this::submit);
        } catch (RuntimeException e) {
            log.warn("Looking for due notifications failed, trying again in {}: {}", properties.delivery().pollInterval(),
                    e.toString());
        }
    }

    void attempt(String id) {
        if (!inFlight.add(id)) {
            return;
        }
        try {
            attemptDueChannels(id);
        } catch (RuntimeException e) {
            log.warn("Notification {}: attempt not completed, the schedule will retry it: {}", id, e.toString());
        } finally {
            inFlight.remove(id);
        }
    }

    private void attemptDueChannels(String id) {
        Optional<NotificationStore.Versioned> read = store.get(id);
        if (read.isEmpty() || !mine(read.get().notification())) {
            return;
        }
        Instant now = clock.instant();
        List<String> due = read.get().notification().dueChannels(now);
        if (due.isEmpty()) {
            return;
        }
        Notification claimed = read.get().notification();
        for (String channel : due) {
            claimed = claimed.withChannel(channel, c -> c.claimed(now.plus(properties.delivery().claimTimeout())));
        }
        if (!store.replace(claimed, read.get())) {
            return;
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Message message = Messages.of(claimed, links);
        Optional<String> refusal = sharing.refusal(claimed.request());
        Contacts.Contact contact = community.contacts(claimed.recipient()).orElse(Contacts.none())
                .reach(Optional.ofNullable(claimed.request().contactRole()));
        for (String channel : due) {
            outcomes.put(channel, refusal.map(Outcome::failedForGood).orElseGet(() -> send(channel, message, contact)));
        }
        record(id, outcomes);
    }

    private boolean mine(Notification notification) {
        return notification.topic().equals(properties.requestsTopic()) && ownership.owns(notification.partition());
    }

    private Outcome send(String channelName, Message message, Contacts.Contact contact) {
        Channel channel = channels.get(channelName);
        if (channel == null) {
            return Outcome.failedForGood("unknown channel '" + channelName + "'");
        }
        try {
            return channel.send(message, contact);
        } catch (RuntimeException e) {
            return Outcome.failedForNow(e.getClass().getSimpleName());
        }
    }

    /** Writes the outcomes of the attempts (retrying if an acknowledgement was written meanwhile), then tells Kafka. */
    private void record(String id, Map<String, Outcome> outcomes) {
        for (int tries = 0; tries < WRITE_TRIES; tries++) {
            NotificationStore.Versioned read = store.get(id).orElseThrow();
            Instant now = clock.instant();
            List<NotificationEvent> told = new ArrayList<>();
            Notification before = read.notification();
            Notification updated = before;
            for (Map.Entry<String, Outcome> outcome : outcomes.entrySet()) {
                updated = updated.withChannel(outcome.getKey(), c -> applied(before, c, outcome.getValue(), now, told));
            }
            if (store.replace(updated, read)) {
                events.publish(told);
                return;
            }
        }
        throw new TransientNotifyException("Notification " + id + ": outcome not written after " + WRITE_TRIES + " tries");
    }

    private ChannelDelivery applied(Notification notification, ChannelDelivery channel, Outcome outcome, Instant now,
            List<NotificationEvent> told) {
        int attempt = channel.attempts();
        if (outcome.kind() == Outcome.Kind.DELIVERED) {
            log.info("Notification {} delivered by {} to {} (attempt {}): {}", notification.id(), channel.channel(),
                    notification.recipient(), attempt, outcome.detail());
            told.add(event(notification, NotificationEvent.Kind.DELIVERED, channel.channel(), attempt, now, outcome.detail()));
            return channel.delivered(now);
        }
        told.add(event(notification, NotificationEvent.Kind.DELIVERY_FAILED, channel.channel(), attempt, now,
                outcome.detail()));
        Optional<Instant> next = outcome.kind() == Outcome.Kind.TRANSIENT
                ? schedule.next(attempt, now, notification.createdAt()) : Optional.empty();
        if (next.isPresent()) {
            log.info("Notification {} by {}: attempt {} failed ({}), next at {}", notification.id(), channel.channel(),
                    attempt, outcome.detail(), next.get());
            return channel.retryAt(next.get(), outcome.detail());
        }
        String reason = outcome.kind() == Outcome.Kind.TRANSIENT
                ? schedule.givenUp(attempt) + ": " + outcome.detail() : outcome.detail();
        log.warn("Notification {} by {} to {} dead-lettered: {}", notification.id(), channel.channel(),
                notification.recipient(), reason);
        told.add(event(notification, NotificationEvent.Kind.DEAD_LETTERED, channel.channel(), attempt, now, reason));
        return channel.deadLettered(now, reason);
    }

    static NotificationEvent event(Notification notification, NotificationEvent.Kind kind, String channel, int attempt,
            Instant at, String detail) {
        return new NotificationEvent(NotificationEvent.SCHEMA_VERSION, notification.id(), notification.request().runId(),
                notification.request().stepId(), notification.recipient(), kind, channel, attempt, at, detail);
    }

    @Override
    public void start() {
        running = true;
        workers = Executors.newFixedThreadPool(properties.delivery().threads(), named("notify-delivery"));
        scheduler = Executors.newSingleThreadScheduledExecutor(named("notify-scheduler"));
        long every = properties.delivery().pollInterval().toMillis();
        indices.ready().thenRun(() -> {
            ScheduledExecutorService current = scheduler;
            if (running && current != null) {
                current.scheduleWithFixedDelay(this::scan, 0, every, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Lets attempts under way finish and record their outcome; what is left is due again after its claim times out. */
    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(properties.webhookTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
