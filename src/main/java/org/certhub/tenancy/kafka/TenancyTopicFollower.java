package org.certhub.tenancy.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.certhub.kafka.TopicFollower;
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
    private volatile TopicFollower<String, String> follower;

    TenancyTopicFollower(TenancyView view, ConsumerFactory<?, ?> hubConsumers, TenancyProperties properties) {
        this.view = view;
        this.hubConsumers = hubConsumers;
        this.properties = properties;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        Consumer<String, String> reader = TenancyTopicConfiguration.consumer(hubConsumers);
        String what = "the tenancy topic " + properties.topic();
        try {
            TopicFollower.readToTheEnd(reader, what + " (certhub.tenancy.startup-read-timeout)",
                    List.of(new TopicPartition(properties.topic(), 0)), properties.startupReadTimeout(), POLL, this::apply);
        } catch (RuntimeException e) {
            reader.close(Duration.ZERO);
            throw e;
        }
        log.info("Read {}: {} principals in {} ms", what, view.principals().size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        follower = TopicFollower.start(reader, "tenancy-topic-follower", what, POLL, consumer -> apply(consumer.poll(POLL)));
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
        return TenancyView.LOADING_PHASE;
    }
}
