package org.certhub.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group of the hub is behind the topics it reads: records produced and not
 * yet committed, summed over the partitions it has committed on or is assigned (a partition it never
 * committed on counts from its first record). A handful of admin calls, each with a deadline, so a
 * slow broker makes a measurement fail, never hang its caller.
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
        List<String> names = listed.stream().map(ConsumerGroupListing::groupId).filter(groups).sorted().toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(names).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        Map<String, Set<TopicPartition>> read = new TreeMap<>();
        for (String group : names) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            committed.put(group, offsets);
            Set<TopicPartition> partitions = new HashSet<>(offsets.keySet());
            for (MemberDescription member : described.get(group).members()) {
                partitions.addAll(member.assignment().topicPartitions());
            }
            read.put(group, partitions);
        }
        Set<TopicPartition> all = new HashSet<>();
        read.values().forEach(all::addAll);
        Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(all, OffsetSpec.earliest());
        Map<String, Long> lag = new TreeMap<>();
        read.forEach((group, partitions) -> {
            long sum = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(group).get(partition);
                ListOffsetsResultInfo end = latest.get(partition);
                ListOffsetsResultInfo start = earliest.get(partition);
                long from = done != null ? done.offset() : start == null ? 0 : start.offset();
                sum += end == null ? 0 : Math.max(0, end.offset() - from);
            }
            lag.put(group, sum);
        });
        return lag;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
