package org.certhub.benchmark;

import org.certhub.EngineClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The records every consumer group of the hub still has to process, read with Kafka's admin client. */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        Properties properties = new Properties();
        properties.putAll(EngineClients.kafka(bootstrap));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(properties);
    }

    /** Lag per consumer group: end offsets minus committed offsets over the partitions it committed. */
    Map<String, Long> byGroup() throws Exception {
        Map<String, Long> lag = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long total = 0;
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    total += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            lag.put(group.groupId(), total);
        }
        return lag;
    }

    /** When every group had caught up (System.nanoTime), or empty if the lag stood still for {@code stall}. */
    Optional<Long> awaitCaughtUp(Duration stall) throws Exception {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long lag = byGroup().values().stream().mapToLong(Long::longValue).sum();
            if (lag == 0) {
                return Optional.of(now);
            }
            if (lag != last) {
                last = lag;
                lastChange = now;
            } else if (now - lastChange > stall.toNanos()) {
                return Optional.empty();
            }
            HubProcess.pause(200);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
