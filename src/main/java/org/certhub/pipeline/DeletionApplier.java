package org.certhub.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies owners' deletions to the object indices: the owner's copy, every version received until
 * the deletion, leaves them, so no read path returns it. What the indexer writes later of such a
 * version it skips ({@link DeletedObjects}). An unreadable deletion goes to the dead-letter topic.
 */
@Component
class DeletionApplier {

    static final String LISTENER_ID = "certhub-pipeline-deletions";
    private static final Logger log = LoggerFactory.getLogger(DeletionApplier.class);

    private final IndexedCopies copies;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final PipelineProperties properties;

    DeletionApplier(IndexedCopies copies, KafkaTemplate<String, byte[]> intakeKafkaTemplate, PipelineProperties properties) {
        this.copies = copies;
        this.deadLetters = intakeKafkaTemplate;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.pipeline.deletions-topic:certhub.feed.deletions}",
            containerFactory = PipelineKafkaConfiguration.DELETIONS_FACTORY, batch = "true", autoStartup = "false")
    void apply(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<ObjectDeleted> deleted = ObjectDeleted.fromJson(record.value());
            if (deleted.isEmpty()) {
                deadLetter(record);
                continue;
            }
            int removed = copies.remove(deleted.get().owner(), deleted.get().stixId(), deleted.get().deletedAt());
            log.info("Deleted {} of {} ({} documents)", deleted.get().stixId(), deleted.get().owner(), removed);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            deadLetters.send(StageProducer.deadLetterRecord(properties.deletionsDeadLetterTopic(), record,
                    "unreadable ObjectDeleted")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new TransientIndexingException("Could not write to the dead-letter topic", e);
        }
    }
}
