package org.certhub.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.intake.BundleAccepted;
import org.certhub.intake.StatusStore;
import org.certhub.intake.SubmissionStatus;
import org.certhub.intake.SubmissionStatus.ObjectOutcome;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

/**
 * Indexes accepted bundles into Elasticsearch, a poll of the intake topic at a time: each object
 * version is written by the {@link VersionWriter} (which writes nothing for a version already
 * stored, so a replay after a crash changes nothing), then each bundle's status. A record that
 * cannot be read goes to the dead-letter topic with its reason; an Elasticsearch outage makes the
 * batch wait and retry.
 * <p>
 * An object its owner deleted after the hub received it is not indexed (a replay of the intake
 * topic, or a version still waiting there when its owner deleted the object): the deletion wins
 * over every version received until then. A version received after the deletion is a new
 * submission and is indexed.
 */
@Component
class Indexer {

    static final String LISTENER_ID = "certhub-indexer";
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final ElasticsearchClient client;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final PipelineProperties properties;
    private final DeletedObjects deleted;
    private final DeletionsFollower deletions;
    private final IndexedCopies copies;
    private final VersionWriter versions;

    Indexer(ElasticsearchClient client, KafkaTemplate<String, byte[]> intakeKafkaTemplate, PipelineProperties properties,
            DeletedObjects deleted, DeletionsFollower deletions, IndexedCopies copies, VersionWriter versions) {
        this.client = client;
        this.deadLetters = intakeKafkaTemplate;
        this.properties = properties;
        this.deleted = deleted;
        this.deletions = deletions;
        this.copies = copies;
        this.versions = versions;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.intake.topic:certhub.intake}",
            containerFactory = PipelineKafkaConfiguration.INDEXER_FACTORY, batch = "true", autoStartup = "false")
    void index(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        long started = System.nanoTime();
        List<Pending> bundles = new ArrayList<>(records.size());
        List<VersionWriter.Write> writes = new ArrayList<>();
        // A replay keeps the first date: a version already stored is not written again.
        Instant dateAdded = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<Pending> pending = read(record, dateAdded);
            if (pending.isPresent()) {
                bundles.add(pending.get());
                writes.addAll(pending.get().writes);
            }
        }
        if (!writes.isEmpty()) {
            versions.write(writes);
            removeDeletedMeanwhile(writes);
        }
        writeStatuses(bundles);
        log.debug("Indexed {} bundles ({} object versions) in {} ms", bundles.size(), writes.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * A deletion published while this batch was being written may have been applied before the
     * bulk landed, and so found nothing to delete. Once every deletion made until now is known here,
     * what this batch wrote of a deleted object (its version, or the version it made a former one)
     * is removed again; a deletion made later finds it indexed.
     */
    private void removeDeletedMeanwhile(List<VersionWriter.Write> writes) throws IOException {
        deletions.awaitCaughtUp(properties.maxBackOff());
        for (VersionWriter.Write write : writes) {
            Instant earliestWritten = write.supersededReceivedAt.filter(at -> at.isBefore(write.receivedAt))
                    .orElse(write.receivedAt);
            Optional<Instant> deletedAt = deleted.deletedAt(write.owner, write.docs.stixId())
                    .filter(at -> !at.isBefore(earliestWritten));
            if (deletedAt.isPresent()) {
                copies.remove(write.owner, write.docs.stixId(), deletedAt.get());
            }
        }
    }

    private void writeStatuses(List<Pending> bundles) throws IOException {
        if (bundles.isEmpty()) {
            return;
        }
        BulkRequest.Builder statuses = new BulkRequest.Builder().requireAlias(true);
        for (Pending bundle : bundles) {
            Map<String, Object> document = StatusStore.document(
                    SubmissionStatus.complete(bundle.accepted, bundle.successes(), bundle.failures()));
            statuses.operations(op -> op.index(i -> i.index(SearchIndices.STATUS).id(bundle.accepted.submissionId())
                    .document(document)));
        }
        BulkResponse response = client.bulk(statuses.build());
        if (response.errors()) {
            throw new TransientIndexingException("Could not record the status of " + bundles.size() + " submissions");
        }
    }

    /** Reads one record; a record that is not a readable accepted bundle goes to the dead-letter topic. */
    private Optional<Pending> read(ConsumerRecord<String, byte[]> record, Instant dateAdded) {
        Optional<BundleAccepted> accepted = BundleAccepted.fromRecord(record);
        if (accepted.isEmpty()) {
            deadLetter(record, "missing or unreadable certhub headers");
            return Optional.empty();
        }
        try {
            List<VersionWriter.Write> writes = new ArrayList<>();
            List<ObjectOutcome> deletedByOwner = new ArrayList<>();
            for (BundleObjects.RawObject object : BundleObjects.of(record.value())) {
                String stixId = object.tree().path("id").asString("");
                if (deleted.deletes(accepted.get().owner(), stixId, accepted.get().receivedAt())) {
                    // Processed: the submission succeeded, and its owner took the object back since.
                    deletedByOwner.add(new ObjectOutcome(stixId, ObjectDocuments.versionOf(object.tree()), null));
                } else {
                    writes.add(new VersionWriter.Write(accepted.get().owner(), accepted.get().receivedAt(),
                            ObjectDocuments.of(object, accepted.get(), dateAdded)));
                }
            }
            return Optional.of(new Pending(accepted.get(), writes, deletedByOwner));
        } catch (JacksonException | IllegalArgumentException e) {
            deadLetter(record, "unreadable bundle: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        try {
            deadLetters.send(StageProducer.deadLetterRecord(properties.deadLetterTopic(), record, reason)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new TransientIndexingException("Could not write to the dead-letter topic", e);
        }
    }

    /**
     * A bundle of this batch: its versions to write and the objects its owner deleted since it was
     * received (processed, not written).
     */
    private record Pending(BundleAccepted accepted, List<VersionWriter.Write> writes, List<ObjectOutcome> deletedByOwner) {

        /** Once written: every object stored or deleted by its owner. */
        List<ObjectOutcome> successes() {
            List<ObjectOutcome> successes = new ArrayList<>(deletedByOwner);
            writes.stream().filter(write -> write.failure.isEmpty())
                    .forEach(write -> successes.add(new ObjectOutcome(write.docs.stixId(), write.docs.version(), null)));
            return successes;
        }

        List<ObjectOutcome> failures() {
            return writes.stream().filter(write -> write.failure.isPresent())
                    .map(write -> new ObjectOutcome(write.docs.stixId(), write.docs.version(), write.failure.get())).toList();
        }
    }
}
