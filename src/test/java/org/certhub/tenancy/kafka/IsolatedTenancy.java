package org.certhub.tenancy.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.certhub.tenancy.TenancyProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Another hub instance's tenancy store, made of the real parts (view, follower, writer) on the
 * shared Kafka broker: reading the given topic from its start, as a hub does at start-up.
 */
public final class IsolatedTenancy implements AutoCloseable {

    private final TenancyView view = new TenancyView();
    private final TenancyTopicFollower follower;
    private final TenancyTopicWriter writer;

    private IsolatedTenancy(TenancyProperties properties, ProducerFactory<?, ?> producers,
            ConsumerFactory<?, ?> consumers) {
        this.follower = new TenancyTopicFollower(view, consumers, properties);
        this.writer = new TenancyTopicWriter(producers, view, properties);
    }

    /** Starts an instance: returns once it has read the whole topic. */
    public static IsolatedTenancy start(TenancyProperties properties, ProducerFactory<?, ?> producers,
            ConsumerFactory<?, ?> consumers) {
        IsolatedTenancy tenancy = new IsolatedTenancy(properties, producers, consumers);
        tenancy.follower.start();
        return tenancy;
    }

    /** Creates a compacted, one-partition topic like the hub's own. */
    public static void createTopic(Admin admin, String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get(30, TimeUnit.SECONDS);
    }

    public TenancyView view() {
        return view;
    }

    public TenancyTopicWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        follower.stop();
        writer.destroy();
    }
}
