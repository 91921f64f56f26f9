package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the whole subscriptions topic into the {@link SubscriptionView} at start-up, before any
 * request is served, then follows it, so that changes made through another instance arrive here.
 */
@Component
class SubscriptionTopicFollower implements SmartLifecycle {

    /** Before the web server (which starts in the last phases) and before the deliverers. */
    static final int PHASE = Integer.MAX_VALUE / 2;
    private static final Logger log = LoggerFactory.getLogger(SubscriptionTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final SubscriptionView view;
    private final KafkaProperties kafka;
    private final SubscriptionProperties properties;
    private volatile boolean running;
    private volatile Thread follower;
    private volatile Consumer<String, String> consumer;

    SubscriptionTopicFollower(SubscriptionView view, KafkaProperties kafka, SubscriptionProperties properties) {
        this.view = view;
        this.kafka = kafka;
        this.properties = properties;
    }

    @Override
    public void start() {
        Consumer<String, String> reader = SubscriptionKafkaConfiguration.consumer(kafka, null, new StringDeserializer(), 500);
        try {
            List<TopicPartition> partitions = reader.partitionsFor(properties.topic(), STARTUP_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, STARTUP_TIMEOUT);
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (ends.entrySet().stream().anyMatch(end -> reader.position(end.getKey()) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + properties.topic() + " within " + STARTUP_TIMEOUT);
                }
                reader.poll(POLL).forEach(this::apply);
            }
        } catch (RuntimeException e) {
            reader.close(Duration.ZERO);
            throw e;
        }
        log.info("Read the subscriptions topic {}: {} subscriptions", properties.topic(), view.all().size());
        consumer = reader;
        running = true;
        follower = new Thread(this::follow, "subscriptions-topic-follower");
        follower.setDaemon(true);
        follower.start();
    }

    private void follow() {
        try {
            while (running) {
                try {
                    consumer.poll(POLL).forEach(this::apply);
                } catch (WakeupException e) {
                    // stop() woke us up; the loop condition ends the thread
                } catch (KafkaException e) {
                    log.warn("Following the subscriptions topic failed, retrying: {}", e.toString());
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() != null) {
            view.apply(record.partition(), record.offset(), record.key(), record.value());
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
        return PHASE;
    }
}
