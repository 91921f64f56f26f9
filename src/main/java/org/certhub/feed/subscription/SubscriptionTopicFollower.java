package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.kafka.TopicFollower;
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
    private volatile TopicFollower<String, String> follower;

    SubscriptionTopicFollower(SubscriptionView view, KafkaProperties kafka, SubscriptionProperties properties) {
        this.view = view;
        this.kafka = kafka;
        this.properties = properties;
    }

    @Override
    public void start() {
        Consumer<String, String> reader = SubscriptionKafkaConfiguration.consumer(kafka, null, new StringDeserializer(), 500);
        String what = "the subscriptions topic " + properties.topic();
        try {
            List<TopicPartition> partitions = reader.partitionsFor(properties.topic(), STARTUP_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            TopicFollower.readToTheEnd(reader, what, partitions, STARTUP_TIMEOUT, POLL, this::apply);
        } catch (RuntimeException e) {
            reader.close(Duration.ZERO);
            throw e;
        }
        log.info("Read {}: {} subscriptions", what, view.all().size());
        follower = TopicFollower.start(reader, "subscriptions-topic-follower", what, POLL, consumer -> apply(consumer.poll(POLL)));
    }

    private void apply(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            if (record.key() != null) {
                view.apply(record.partition(), record.offset(), record.key(), record.value());
            }
        }
    }

    @Override
    public void stop() {
        TopicFollower<String, String> following = follower;
        if (following != null) {
            following.stop();
            follower = null;
        }
    }

    @Override
    public boolean isRunning() {
        TopicFollower<String, String> following = follower;
        return following != null && following.running();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
