package org.certhub.benchmark;

import org.certhub.EngineClients;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

/**
 * What the hub's Kafka and Elasticsearch hold after a crash and a restart, compared with what was
 * acknowledged: every acknowledged object once in {@code certhub-objects} and, being its one and
 * current version, nowhere in {@code certhub-object-versions} (which holds versions that are not
 * current); every acknowledged bundle in the intake topic.
 */
final class DurabilityAudit {

    static final String OBJECTS = "certhub-objects";
    static final String VERSIONS = "certhub-object-versions";

    /** An object the hub acknowledged (202), as the index knows it: {@code owner/stixId}. */
    record Acknowledged(String owner, String stixId, String bundleId) {
        String key() {
            return owner + "/" + stixId;
        }
    }

    /**
     * The audit's counts.
     *
     * @param duplicated acknowledged objects whose STIX id has more than one document in the objects index
     * @param versionCopies acknowledged objects with a version document: a second copy of their current version
     * @param extra documents of objects that were not acknowledged (the kill fell between Kafka's
     *     acknowledgement and the HTTP answer); {@code extraBundlesInKafka} of their bundles are in Kafka
     */
    record Result(long acknowledged, long present, long missing, long duplicated, long versionCopies, long extra, long extraBundles, long extraBundlesInKafka,
            long acknowledgedBundles, long acknowledgedBundlesInKafka, long kafkaRecords, long kafkaBundlesTwice) {

        boolean passed() {
            return missing == 0 && duplicated == 0 && versionCopies == 0
                    && acknowledgedBundlesInKafka == acknowledgedBundles;
        }
    }

    private DurabilityAudit() {
    }

    static Result audit(ElasticsearchHttp es, String kafka, String topic, List<Acknowledged> acknowledged) throws IOException {
        es.refresh(OBJECTS + "," + VERSIONS);
        Map<String, Integer> perStixId = new HashMap<>();
        Map<String, String> bundleOf = new HashMap<>();
        for (JsonNode hit : es.scrollAll(OBJECTS, "{\"match_all\":{}}", List.of("stix_id", "owner", "bundle_id"))) {
            JsonNode source = hit.path("_source");
            perStixId.merge(source.path("stix_id").asString(), 1, Integer::sum);
            bundleOf.put(source.path("owner").asString() + "/" + source.path("stix_id").asString(),
                    source.path("bundle_id").asString());
        }
        Map<String, Integer> versions = new HashMap<>();
        for (JsonNode hit : es.scrollAll(VERSIONS, "{\"match_all\":{}}", List.of("stix_id", "owner"))) {
            JsonNode source = hit.path("_source");
            versions.merge(source.path("owner").asString() + "/" + source.path("stix_id").asString(), 1, Integer::sum);
        }
        Map<String, Integer> inKafka = bundlesInKafka(kafka, topic);

        Set<String> acknowledgedKeys = new HashSet<>();
        Set<String> acknowledgedBundles = new HashSet<>();
        long present = 0;
        long duplicated = 0;
        long versionCopies = 0;
        for (Acknowledged object : acknowledged) {
            acknowledgedKeys.add(object.key());
            acknowledgedBundles.add(object.bundleId());
            if (bundleOf.containsKey(object.key())) {
                present++;
            }
            if (perStixId.getOrDefault(object.stixId(), 0) > 1) {
                duplicated++;
            }
            if (versions.containsKey(object.key())) {
                versionCopies++;
            }
        }
        Set<String> extraBundles = new HashSet<>();
        long extra = 0;
        for (Map.Entry<String, String> doc : bundleOf.entrySet()) {
            if (!acknowledgedKeys.contains(doc.getKey())) {
                extra++;
                extraBundles.add(doc.getValue());
            }
        }
        return new Result(acknowledged.size(), present, acknowledged.size() - present, duplicated, versionCopies, extra, extraBundles.size(),
                extraBundles.stream().filter(inKafka::containsKey).count(), acknowledgedBundles.size(),
                acknowledgedBundles.stream().filter(inKafka::containsKey).count(),
                inKafka.values().stream().mapToLong(Integer::longValue).sum(),
                inKafka.values().stream().filter(n -> n > 1).count());
    }

    /** Records per bundle id (the record key) in the whole intake topic. */
    static Map<String, Integer> bundlesInKafka(String bootstrap, String topic) {
        Map<String, Integer> bundles = new HashMap<>();
        Map<String, Object> config = EngineClients.kafka(bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    bundles.merge(record.key(), 1, Integer::sum);
                }
            }
        }
        return bundles;
    }

    /** How many records of {@code topic} the consumer group has not committed yet; -1 if it cannot tell. */
    static long lag(String bootstrap, String group, String topic) {
        try (Admin admin = Admin.create(EngineClients.kafka(bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            long lag = 0;
            for (var entry : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(entry.getKey());
                lag += entry.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
