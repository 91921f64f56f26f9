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
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
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
 * Indexes accepted bundles into Elasticsearch: one bulk request per poll of the intake topic,
 * every item's result checked. Idempotent by construction (document ids come from owner, STIX id
 * and modified), so a replay after a crash changes nothing. A record that cannot be read goes to
 * the dead-letter topic with its reason; an Elasticsearch outage makes the batch wait and retry.
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

    Indexer(ElasticsearchClient client, KafkaTemplate<String, byte[]> intakeKafkaTemplate, PipelineProperties properties,
            DeletedObjects deleted, DeletionsFollower deletions, IndexedCopies copies) {
        this.client = client;
        this.deadLetters = intakeKafkaTemplate;
        this.properties = properties;
        this.deleted = deleted;
        this.deletions = deletions;
        this.copies = copies;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.intake.topic:certhub.intake}",
            containerFactory = PipelineKafkaConfiguration.INDEXER_FACTORY, batch = "true", autoStartup = "false")
    void index(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        long started = System.nanoTime();
        List<Pending> bundles = new ArrayList<>(records.size());
        // require_alias: never let Elasticsearch auto-create an index without the hub's mapping.
        BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(true);
        int operations = 0;
        // A replay keeps the first date: the current document's external version and the version
        // document's create both refuse to overwrite what is already indexed.
        Instant dateAdded = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<Pending> pending = read(record, dateAdded);
            if (pending.isEmpty()) {
                continue;
            }
            bundles.add(pending.get());
            for (ObjectDocuments.Documents docs : pending.get().documents) {
                addOperations(bulk, docs, deleted.deletedAt(pending.get().accepted.owner(), docs.stixId()).isPresent());
                operations += 2;
            }
        }
        if (operations > 0) {
            BulkResponse response = client.bulk(bulk.build());
            assignOutcomes(bundles, response.items());
            removeDeletedMeanwhile(bundles);
        }
        writeStatuses(bundles);
        log.debug("Indexed {} bundles ({} operations) in {} ms", bundles.size(), operations,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * @param afterDeletion whether the owner deleted an earlier copy: the deletion's tombstone holds
     *     the version it deleted, which the same version submitted again must be allowed to replace
     */
    private static void addOperations(BulkRequest.Builder bulk, ObjectDocuments.Documents docs, boolean afterDeletion) {
        VersionType versionType = afterDeletion ? VersionType.ExternalGte : VersionType.External;
        bulk.operations(op -> op.index(i -> i.index(SearchIndices.OBJECTS).id(docs.currentId())
                .version(docs.externalVersion()).versionType(versionType)
                .document(BinaryData.of(docs.current(), ContentType.APPLICATION_JSON))));
        bulk.operations(op -> op.create(c -> c.index(SearchIndices.OBJECT_VERSIONS).id(docs.versionId())
                .document(BinaryData.of(docs.versioned(), ContentType.APPLICATION_JSON))));
    }

    /** Pairs each bundle's documents with their two bulk items, in request order. */
    private static void assignOutcomes(List<Pending> bundles, List<BulkResponseItem> items) {
        int next = 0;
        for (Pending bundle : bundles) {
            for (ObjectDocuments.Documents docs : bundle.documents) {
                BulkResponseItem current = items.get(next++);
                BulkResponseItem versioned = items.get(next++);
                BulkOutcome outcome = worst(BulkOutcome.of(current), BulkOutcome.of(versioned));
                if (outcome == BulkOutcome.TRANSIENT) {
                    throw new TransientIndexingException("Elasticsearch refused items for now (status "
                            + current.status() + "/" + versioned.status() + "); the batch will be retried");
                }
                if (outcome == BulkOutcome.STORED) {
                    bundle.successes.add(new ObjectOutcome(docs.stixId(), docs.version(), null));
                } else {
                    String reason = Optional.ofNullable(current.error()).or(() -> Optional.ofNullable(versioned.error()))
                            .map(error -> error.type()).orElse("rejected");
                    bundle.failures.add(new ObjectOutcome(docs.stixId(), docs.version(), "not indexed: " + reason));
                }
            }
        }
    }

    /**
     * A deletion published while this batch was being written may have been applied before the
     * bulk landed, and so found nothing to delete. Once every deletion made until now is known here,
     * what this batch wrote of a deleted object is removed again; a deletion made later finds it indexed.
     */
    private void removeDeletedMeanwhile(List<Pending> bundles) throws IOException {
        deletions.awaitCaughtUp(properties.maxBackOff());
        for (Pending bundle : bundles) {
            for (ObjectDocuments.Documents docs : bundle.documents) {
                Optional<Instant> deletedAt = deleted.deletedAt(bundle.accepted.owner(), docs.stixId())
                        .filter(at -> !at.isBefore(bundle.accepted.receivedAt()));
                if (deletedAt.isPresent()) {
                    copies.remove(bundle.accepted.owner(), docs.stixId(), deletedAt.get());
                }
            }
        }
    }

    private static BulkOutcome worst(BulkOutcome a, BulkOutcome b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void writeStatuses(List<Pending> bundles) throws IOException {
        if (bundles.isEmpty()) {
            return;
        }
        BulkRequest.Builder statuses = new BulkRequest.Builder().requireAlias(true);
        for (Pending bundle : bundles) {
            Map<String, Object> document = StatusStore.document(
                    SubmissionStatus.complete(bundle.accepted, bundle.successes, bundle.failures));
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
            List<ObjectDocuments.Documents> documents = new ArrayList<>();
            List<ObjectOutcome> deletedByOwner = new ArrayList<>();
            for (BundleObjects.RawObject object : BundleObjects.of(record.value())) {
                String stixId = object.tree().path("id").asString("");
                if (deleted.deletes(accepted.get().owner(), stixId, accepted.get().receivedAt())) {
                    // Processed: the submission succeeded, and its owner took the object back since.
                    deletedByOwner.add(new ObjectOutcome(stixId, ObjectDocuments.versionOf(object.tree()), null));
                } else {
                    documents.add(ObjectDocuments.of(object, accepted.get(), dateAdded));
                }
            }
            Pending pending = new Pending(accepted.get(), documents);
            pending.successes.addAll(deletedByOwner);
            return Optional.of(pending);
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

    /** A bundle of this batch, with its documents and, once the bulk answered, its outcomes. */
    private static final class Pending {
        final BundleAccepted accepted;
        final List<ObjectDocuments.Documents> documents;
        final List<ObjectOutcome> successes = new ArrayList<>();
        final List<ObjectOutcome> failures = new ArrayList<>();

        Pending(BundleAccepted accepted, List<ObjectDocuments.Documents> documents) {
            this.accepted = accepted;
            this.documents = documents;
        }
    }
}
