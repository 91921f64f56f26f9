package org.certhub.playbook.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.TransientPlaybookException;
import org.certhub.playbook.internal.VersionLedger;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger of released playbook versions as a compacted Kafka topic, keyed {@code <id>@v<N>}:
 * read whole at start-up, appended to when a version is released.
 */
@Component
class KafkaVersionLedger implements VersionLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProperties kafka;
    private final PlaybookProperties properties;
    private final PlaybookProducer producer;

    KafkaVersionLedger(KafkaProperties kafka, PlaybookProperties properties, PlaybookProducer producer) {
        this.kafka = kafka;
        this.properties = properties;
        this.producer = producer;
    }

    /** One ledger record. */
    record Released(@JsonProperty("schema_version") int schemaVersion, String id, int version, String sha256, String file,
            String yaml, @JsonProperty("first_seen") Instant firstSeen) {
    }

    @Override
    public List<Entry> readAll() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "certhub-playbook-ledger-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(properties.topics().versions(), READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TransientPlaybookException("The playbook ledger could not be read in " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read(record.value()).ifPresent(released -> entries.add(new Entry(released.id(), released.version(),
                            released.sha256(), released.file(), released.yaml(), released.firstSeen())));
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new TransientPlaybookException("Kafka is unavailable", e);
        }
        return entries;
    }

    @Override
    public void record(Entry entry) {
        Released released = new Released(1, entry.id(), entry.version(), entry.sha256(), entry.file(), entry.yaml(), entry.firstSeen());
        producer.sendNow(properties.topics().versions(), entry.id() + "@v" + entry.version(), JSON.writeValueAsBytes(released));
    }

    private static Optional<Released> read(byte[] value) {
        try {
            Released released = JSON.readValue(value, Released.class);
            return released.id() == null || released.yaml() == null || released.sha256() == null ? Optional.empty() : Optional.of(released);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
