package org.certhub.feed.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.feed.FeedProperties;
import org.certhub.feed.FeedProperties.Scope;
import org.certhub.intake.BundleAccepted;
import org.certhub.pipeline.BundleObjects;
import org.certhub.pipeline.DeletedObjects;
import org.certhub.pipeline.ObjectTlp;
import org.certhub.stix.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

/**
 * Fills the scope topics from the intake topic: each accepted object goes to every scope whose TLP
 * levels include the object's, decided by the same rule the indexer stores it under
 * ({@link ObjectTlp}). AMBER+STRICT and RED are in no scope, so they never reach a feed topic.
 * At least once: a partner dedupes on STIX id and {@code modified}. A version its owner deleted
 * after it was received (one still waiting here, or a replay) is not published: the topic got the
 * deletion's tombstone already, and the object must not come back after it.
 */
@Component
class ScopeTopicPublisher {

    static final String LISTENER_ID = "certhub-feed-topics";
    private static final Logger log = LoggerFactory.getLogger(ScopeTopicPublisher.class);

    private final FeedProperties properties;
    private final KafkaTemplate<String, byte[]> kafka;
    private final DeletedObjects deleted;

    ScopeTopicPublisher(FeedProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate, DeletedObjects deleted) {
        this.properties = properties;
        this.kafka = intakeKafkaTemplate;
        this.deleted = deleted;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.intake.topic:certhub.intake}",
            containerFactory = FeedKafkaConfiguration.SCOPE_TOPICS_FACTORY, batch = "true",
            autoStartup = "false")
    void publish(List<ConsumerRecord<String, byte[]>> records) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<BundleAccepted> accepted = BundleAccepted.fromRecord(record);
            if (accepted.isEmpty()) {
                // The indexer dead-letters it with its reason; nothing of it is published.
                continue;
            }
            try {
                for (BundleObjects.RawObject object : BundleObjects.of(accepted.get().bundle())) {
                    addRecords(out, object, accepted.get());
                }
            } catch (JacksonException | IllegalArgumentException e) {
                log.warn("Not publishing unreadable bundle {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        FeedRecords.sendAll(kafka, out);
    }

    /** The object's records, its value the exact bytes it was accepted with (never serialised again). */
    private void addRecords(List<ProducerRecord<String, byte[]>> out, BundleObjects.RawObject object, BundleAccepted accepted) {
        String stixId = object.tree().path("id").asString();
        if (deleted.deletes(accepted.owner(), stixId, accepted.receivedAt())) {
            return;
        }
        Tlp tlp = ObjectTlp.of(object.tree());
        for (Scope scope : properties.scopes()) {
            if (scope.carries(tlp)) {
                out.add(FeedRecords.of(properties.kafka().topicOf(scope), stixId, object.json(),
                        accepted.owner(), tlp.label(), accepted.receivedAt().toString()));
            }
        }
    }
}
