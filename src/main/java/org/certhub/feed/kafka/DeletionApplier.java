package org.certhub.feed.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.feed.FeedProperties;
import org.certhub.feed.FeedProperties.Scope;
import org.certhub.feed.ObjectDeleted;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies owners' deletions: the owner's current copy and every stored version leave the indices
 * (so no read path returns them), and the scope topics that carried the object get a tombstone
 * (null value) for it. Idempotent: deleting what is gone changes nothing.
 */
@Component
class DeletionApplier {

    static final String LISTENER_ID = "certhub-feed-deletions";
    private static final Logger log = LoggerFactory.getLogger(DeletionApplier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ElasticsearchClient client;
    private final FeedProperties properties;
    private final KafkaTemplate<String, byte[]> kafka;

    DeletionApplier(ElasticsearchClient client, FeedProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate) {
        this.client = client;
        this.properties = properties;
        this.kafka = intakeKafkaTemplate;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.feed.kafka.deletions-topic:certhub.feed.deletions}",
            containerFactory = FeedKafkaConfiguration.DELETIONS_FACTORY, batch = "true", autoStartup = "false")
    void apply(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        List<ProducerRecord<String, byte[]>> tombstones = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<ObjectDeleted> deleted = read(record);
            if (deleted.isEmpty()) {
                deadLetters.add(deadLetter(record));
                continue;
            }
            remove(deleted.get());
            tombstones.addAll(tombstones(deleted.get()));
        }
        FeedRecords.sendAll(kafka, deadLetters);
        if (properties.kafka().enabled()) {
            FeedRecords.sendAll(kafka, tombstones);
        }
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record) {
        log.warn("Sending unreadable deletion {}-{}@{} to {}", record.topic(), record.partition(), record.offset(),
                properties.kafka().deletionsDeadLetterTopic());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(properties.kafka().deletionsDeadLetterTopic(),
                record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("certhub-dlt-reason", "unreadable ObjectDeleted".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return dead;
    }

    private void remove(ObjectDeleted deleted) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        bulk.operations(op -> op.delete(d -> d.index(SearchIndices.OBJECTS).id(deleted.owner() + "/" + deleted.stixId())));
        List<Hit<Void>> versions = client.search(s -> s.index(SearchIndices.OBJECT_VERSIONS).size(10_000)
                .source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("owner").value(deleted.owner())))
                        .filter(f -> f.term(t -> t.field("stix_id").value(deleted.stixId()))))), Void.class).hits().hits();
        for (Hit<Void> version : versions) {
            bulk.operations(op -> op.delete(d -> d.index(version.index()).id(version.id())));
        }
        BulkResponse response = client.bulk(bulk.build());
        boolean failed = response.items().stream().anyMatch(item -> item.error() != null && item.status() != 404);
        if (failed) {
            throw new IllegalStateException("Elasticsearch refused a deletion of " + deleted.stixId() + "; retrying");
        }
        log.info("Deleted {} of {} ({} versions)", deleted.stixId(), deleted.owner(), versions.size());
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

    private static Optional<ObjectDeleted> read(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(JSON.readValue(record.value(), ObjectDeleted.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
