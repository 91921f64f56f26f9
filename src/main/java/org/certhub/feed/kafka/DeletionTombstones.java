package org.certhub.feed.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.feed.FeedProperties;
import org.certhub.feed.FeedProperties.Scope;
import org.certhub.pipeline.ObjectDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces owners' deletions to partners: each scope topic that carried the object gets a
 * tombstone (null value) for it. The pipeline removes the object from the indices; an unreadable
 * deletion is dead-lettered there and skipped here.
 */
@Component
class DeletionTombstones {

    static final String LISTENER_ID = "certhub-feed-deletions";
    private static final Logger log = LoggerFactory.getLogger(DeletionTombstones.class);

    private final FeedProperties properties;
    private final KafkaTemplate<String, byte[]> kafka;

    DeletionTombstones(FeedProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate) {
        this.properties = properties;
        this.kafka = intakeKafkaTemplate;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.pipeline.deletions-topic:certhub.feed.deletions}",
            containerFactory = FeedKafkaConfiguration.DELETIONS_FACTORY, batch = "true",
            autoStartup = "${certhub.feed.kafka.enabled:true}")
    void announce(List<ConsumerRecord<String, byte[]>> records) {
        List<ProducerRecord<String, byte[]>> tombstones = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<ObjectDeleted> deleted = ObjectDeleted.fromJson(record.value());
            if (deleted.isEmpty()) {
                log.debug("Skipping unreadable deletion {}-{}@{}", record.topic(), record.partition(), record.offset());
                continue;
            }
            tombstones.addAll(tombstones(deleted.get()));
        }
        FeedRecords.sendAll(kafka, tombstones);
    }

    private List<ProducerRecord<String, byte[]>> tombstones(ObjectDeleted deleted) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (Scope scope : properties.scopes()) {
            if (scope.tlp().stream().anyMatch(level -> level.label().equals(deleted.tlp()))) {
                out.add(FeedRecords.of(properties.kafka().topicOf(scope), deleted.stixId(), null, deleted.owner(),
                        deleted.tlp(), deleted.deletedAt().toString()));
            }
        }
        return out;
    }
}
