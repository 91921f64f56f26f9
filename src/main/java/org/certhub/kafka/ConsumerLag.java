package org.certhub.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group of the hub is behind the topics it reads: records produced and not
 * yet committed, summed over partitions. Read with two admin calls per group plus one for every end
 * offset, each with a deadline, so a slow broker makes a measurement fail, never hang its caller.
 */
public final class ConsumerLag {

    private final Admin admin;
    private final Duration timeout;

    public ConsumerLag(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Records behind, per consumer group whose name the filter accepts, ordered by name. */
    public Map<String, Long> measure(Predicate<String> groups) throws Exception {
        Collection<ConsumerGroupListing> listed = admin.listConsumerGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        for (ConsumerGroupListing group : listed) {
            if (groups.test(group.groupId())) {
                committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = ends.isEmpty() ? Map.of()
                : admin.listOffsets(ends).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((group, offsets) -> lag.put(group, behind(offsets, latest)));
        return lag;
    }

    private static long behind(Map<TopicPartition, OffsetAndMetadata> offsets,
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest) {
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
            ListOffsetsResult.ListOffsetsResultInfo end = latest.get(entry.getKey());
            if (end != null && entry.getValue() != null) {
                sum += Math.max(0, end.offset() - entry.getValue().offset());
            }
        }
        return sum;
    }
}
