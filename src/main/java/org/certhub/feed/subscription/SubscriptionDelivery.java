package org.certhub.feed.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.certhub.tenancy.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Delivers one subscription, in a thread of its own, on the one hub instance that holds its lease.
 * It reads the intake topic from the subscription's committed position, POSTs what matches, and
 * commits past a submission only once every batch of it was answered 2xx: at least once, in order
 * per partition, each batch under a stable idempotency key. Paused or failing, it stops reading
 * and the backlog grows; a failed batch is retried with back-off until the maximum retry age, then
 * the subscription turns failing and the batch waits for a resume.
 */
final class SubscriptionDelivery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDelivery.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration IDLE = Duration.ofMillis(200);
    /** A success after a success within this long is not written to the topic again. */
    private static final Duration STATUS_QUIET = Duration.ofSeconds(1);

    private final String id;
    private final DeliveryContext context;
    private final Consumer<String, byte[]> consumer;
    private volatile boolean running = true;

    SubscriptionDelivery(String id, DeliveryContext context) {
        this.id = id;
        this.context = context;
        this.consumer = context.consumerFor(id);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = context.intakePartitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                Optional.ofNullable(committed.get(partition)).ifPresentOrElse(at -> consumer.seek(partition, at.offset()),
                        () -> consumer.seekToEnd(List.of(partition)));
            }
            while (running) {
                Optional<Subscription> subscription = current();
                if (subscription.isEmpty()) {
                    return;
                }
                if (!deliverable(subscription.get())) {
                    sleep(IDLE);
                    continue;
                }
                deliver(consumer.poll(POLL));
            }
        } catch (WakeupException e) {
            // stop() woke us up
        } catch (KafkaException e) {
            log.warn("Delivery of subscription {} stopped by a Kafka error; it restarts with the next lease check: {}",
                    id, e.toString());
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    boolean isRunning() {
        return running;
    }

    private void deliver(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> passed = new HashMap<>();
        List<TopicPartition> partitions = List.copyOf(records.partitions());
        for (int p = 0; p < partitions.size(); p++) {
            TopicPartition partition = partitions.get(p);
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                Outcome outcome = deliver(record);
                if (outcome == Outcome.HELD) {
                    // Come back to this record, and to every partition this poll had not reached yet.
                    consumer.seek(partition, record.offset());
                    for (TopicPartition later : partitions.subList(p + 1, partitions.size())) {
                        consumer.seek(later, records.records(later).get(0).offset());
                    }
                    commit(passed);
                    return;
                }
                passed.put(partition, new OffsetAndMetadata(record.offset() + 1));
                if (outcome == Outcome.DELIVERED) {
                    commit(passed);
                }
            }
        }
        commit(passed);
    }

    private Outcome deliver(ConsumerRecord<String, byte[]> record) {
        Optional<Subscription> subscription = current();
        Optional<Principal> subscriber = subscription.flatMap(s -> context.community().find(s.owner()));
        if (subscription.isEmpty() || subscriber.isEmpty()) {
            return Outcome.PASSED;
        }
        List<JsonNode> matching = SharedObject.of(record).stream()
                .filter(object -> object.mayReach(subscriber.get(), context.policy()))
                .filter(subscription.get().filter()::matches).map(SharedObject::object).toList();
        int size = context.properties().maxObjectsPerPost();
        for (int from = 0, chunk = 0; from < matching.size(); from += size, chunk++) {
            String key = idempotencyKey(record, chunk);
            byte[] body = WebhookSender.bundle(key, matching.subList(from, Math.min(from + size, matching.size())));
            if (!sendUntilDone(key, body)) {
                return Outcome.HELD;
            }
        }
        return matching.isEmpty() ? Outcome.PASSED : Outcome.DELIVERED;
    }

    /** One batch, retried with back-off; false when delivery must stop here (paused, failing, deleted, stopping). */
    private boolean sendUntilDone(String key, byte[] body) {
        Instant firstFailure = null;
        for (int attempt = 1; running; attempt++) {
            Optional<Subscription> subscription = current().filter(this::deliverable);
            if (subscription.isEmpty()) {
                return false;
            }
            Optional<WebhookSender.Failure> failure = context.sender().send(subscription.get(), key, body);
            Instant now = Instant.now();
            DeliveryStatus status = context.store().status(id);
            if (failure.isEmpty()) {
                if (!quiet(status, now)) {
                    saveStatus(status.delivered(now));
                }
                return true;
            }
            firstFailure = firstFailure == null ? now : firstFailure;
            String reason = failure.get().reason();
            status = status.failed(reason, now);
            boolean tooOld = Duration.between(firstFailure, now).compareTo(context.properties().maxRetryAge()) > 0;
            if (failure.get().permanent() || tooOld) {
                log.warn("Subscription {} is failing: batch {} refused ({}{}); delivery holds until resumed", id, key,
                        reason, tooOld ? " for longer than " + context.properties().maxRetryAge() : "");
                saveStatus(status.failing(now));
                return false;
            }
            log.debug("Subscription {} batch {} attempt {} failed: {}", id, key, attempt, reason);
            saveStatus(status);
            sleep(context.backOff().after(attempt));
        }
        return false;
    }

    /** A success shortly after a success, with no failure between: not worth a write. */
    private static boolean quiet(DeliveryStatus status, Instant now) {
        return status.lastDeliveryAt().filter(at -> at.plus(STATUS_QUIET).isAfter(now)
                && status.lastErrorAt().map(error -> error.isBefore(at)).orElse(true)).isPresent();
    }

    /** Stable per (subscription, submission record, chunk): the same batch always has the same key. */
    private String idempotencyKey(ConsumerRecord<String, byte[]> record, int chunk) {
        String name = id + "/" + record.topic() + "-" + record.partition() + "@" + record.offset() + "#" + chunk;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Optional<Subscription> current() {
        return context.store().find(id).map(SubscriptionView.Placed::subscription);
    }

    private boolean deliverable(Subscription subscription) {
        return !subscription.paused() && !context.store().status(id).stopped(subscription);
    }

    private void saveStatus(DeliveryStatus status) {
        try {
            context.store().save(id, status);
        } catch (SubscriptionStoreUnavailableException e) {
            log.warn("Could not record the delivery status of subscription {}: {}", id, e.toString());
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> passed) {
        if (!passed.isEmpty()) {
            consumer.commitSync(passed);
            passed.clear();
        }
    }

    /** Sleeps in short steps, so that a stop, a pause or a deletion is noticed quickly. */
    private void sleep(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private enum Outcome {
        /** Nothing of the record was for this subscription. */
        PASSED,
        /** Every batch of the record was answered 2xx. */
        DELIVERED,
        /** Delivery stopped at this record; it is read again later. */
        HELD
    }
}
