package org.certhub.tenancy.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.certhub.tenancy.TenancyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the whole tenancy topic into the {@link TenancyView} before the web server starts (so no
 * request is served, and readiness is not reported, before every principal is known), then keeps
 * following it in a thread of its own, so a change made on another hub instance arrives here too.
 */
@Component
class TenancyTopicFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenancyTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final TenancyView view;
    private final ConsumerFactory<?, ?> hubConsumers;
    private final TenancyProperties properties;
    private volatile boolean running;
    private volatile Thread follower;
    private volatile Consumer<String, String> consumer;

    TenancyTopicFollower(TenancyView view, ConsumerFactory<?, ?> hubConsumers, TenancyProperties properties) {
        this.view = view;
        this.hubConsumers = hubConsumers;
        this.properties = properties;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        Consumer<String, String> reader = TenancyTopicConfiguration.consumer(hubConsumers);
        try {
            readToTheEnd(reader, new TopicPartition(properties.topic(), 0));
        } catch (RuntimeException e) {
            reader.close(Duration.ZERO);
            throw e;
        }
        log.info("Read the tenancy topic {}: {} principals in {} ms", properties.topic(), view.principals().size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        consumer = reader;
        running = true;
        follower = new Thread(this::follow, "tenancy-topic-follower");
        follower.setDaemon(true);
        follower.start();
    }

    private void readToTheEnd(Consumer<String, String> reader, TopicPartition partition) {
        Duration timeout = properties.startupReadTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        reader.assign(List.of(partition));
        reader.seekToBeginning(List.of(partition));
        long end = reader.endOffsets(List.of(partition), timeout).get(partition);
        while (reader.position(partition, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read the tenancy topic " + partition.topic()
                        + " to its end within " + timeout + " (certhub.tenancy.startup-read-timeout)");
            }
            apply(reader.poll(POLL));
        }
    }

    private void follow() {
        try {
            while (running) {
                try {
                    apply(consumer.poll(POLL));
                } catch (WakeupException e) {
                    // stop() woke us up; the loop condition ends the thread
                } catch (KafkaException e) {
                    log.warn("Following the tenancy topic failed, retrying: {}", e.toString());
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            if (record.key() == null) {
                log.error("Tenancy topic record at offset {} has no key; skipped", record.offset());
                continue;
            }
            if (record.value() == null) {
                view.apply(record.offset(), record.key(), Optional.empty());
                continue;
            }
            Optional<StoredPrincipal> principal = StoredPrincipalJson.read(record.value())
                    .filter(stored -> stored.id().equals(record.key()));
            if (principal.isEmpty()) {
                // The system of record holds something this code cannot read: someone must look.
                log.error("Tenancy topic record of {} at offset {} is not a principal; skipped", record.key(),
                        record.offset());
                continue;
            }
            view.apply(record.offset(), record.key(), principal);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = follower;
        if (thread != null) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return TenancyView.LOADING_PHASE;
    }
}
