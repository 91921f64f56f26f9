package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.intake.BundleAccepted;
import org.certhub.search.ObjectQueries;
import org.certhub.search.SearchIndices;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * An owner's deletion (TAXII DELETE) stays in force whatever the indexer reads later: a replay of
 * the intake topic, or a version that was still waiting in it. This hub has an intake topic of its
 * own, so that its readers alone read it and pausing them really leaves a backlog.
 */
@HubIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = "certhub.intake.topic=" + DeletionsIntegrationTests.INTAKE)
@DirtiesContext
class DeletionsIntegrationTests {

    static final String INTAKE = "certhub.intake.deletions-it";
    /** The feed's publisher of the scope topics (certhub.feed.community, ...), a reader of the intake topic. */
    private static final String SCOPE_TOPICS = "certhub-feed-topics";
    private static final String V1 = "2026-11-01T10:00:00.000Z";
    private static final String V2 = "2026-11-02T10:00:00.000Z";
    private static final Audience KZ = new Audience("kz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final Audience UZ = new Audience("uz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    ObjectQueries queries;

    @Autowired
    Indexer indexer;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConsumerFactory<Object, Object> consumerFactory;

    @Autowired
    Admin admin;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    KafkaTemplate<String, byte[]> intakeKafkaTemplate;

    @Autowired
    PipelineProperties properties;

    @Test
    void replayingTheIntakeTopicIntoEmptiedIndicesBringsBackEveryObjectButTheDeletedOne() throws Exception {
        String kept = "malware--" + UUID.randomUUID();
        String doomed = "malware--" + UUID.randomUUID();
        submitAndAwait(malware(kept, V1), malware(doomed, V1));
        awaitVisibleToAnotherCert(kept, doomed);
        delete(doomed);
        awaitGone(doomed);
        // A new, empty index version would hold neither: take the kept object out by hand, and let
        // Elasticsearch forget its deleted version at once (it does after index.gc_deletes, 60 s).
        forgetDeletedVersions("0s");
        try {
            elasticsearch.delete(d -> d.index(SearchIndices.OBJECTS).id("kz-cert/" + kept));
            awaitGone(kept);
            refresh();

            indexer.index(everyRecordOfTheIntakeTopic());
        } finally {
            forgetDeletedVersions("60s");
        }

        refresh();
        assertThat(queries.current(kept, UZ)).as("an object nobody deleted comes back").isPresent();
        assertThat(queries.versions(kept, UZ)).hasSize(1);
        assertThat(queries.current(doomed, KZ)).as("the deleted object, even to its owner").isEmpty();
        assertThat(queries.versions(doomed, KZ)).isEmpty();
    }

    @Test
    void aVersionStillWaitingInTheIntakeTopicWhenItsOwnerDeletesTheObjectIsNeverIndexedNorPublished() throws Exception {
        String object = "malware--" + UUID.randomUUID();
        submitAndAwait(malware(object, V1));
        List<MessageListenerContainer> readers = List.of(listeners.getListenerContainer(Indexer.LISTENER_ID),
                listeners.getListenerContainer(SCOPE_TOPICS));
        String waiting;
        readers.forEach(MessageListenerContainer::pause);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> readers.stream().allMatch(MessageListenerContainer::isContainerPaused));
            waiting = submit(malware(object, V2));
            delete(object);
            awaitGone(object);
        } finally {
            readers.forEach(MessageListenerContainer::resume);
        }
        String accepted = waiting;
        await().atMost(Duration.ofSeconds(60)).until(() -> status(accepted).equals("complete"));
        awaitEveryRecordOfTheIntakeTopicRead(SCOPE_TOPICS);

        refresh();
        assertThat(queries.current(object, KZ)).as("neither version, even to its owner").isEmpty();
        assertThat(queries.versions(object, KZ)).isEmpty();
        get("kz-cert", "/api/v1/objects/" + object).expectStatus().isNotFound();
        JsonNode envelope = get("kz-cert", "/taxii2/api/collections/kz-cert/objects/?match[id]=" + object
                + "&match[version]=all").expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(envelope.path("objects").size()).isZero();
        List<ConsumerRecord<String, byte[]>> onTheCommunityTopic = everyRecordOf("certhub.feed.community").stream()
                .filter(record -> object.equals(record.key())).toList();
        assertThat(onTheCommunityTopic).as("v1, then the deletion's tombstone, and nothing after it")
                .extracting(record -> record.value() == null).containsExactly(false, true);
    }

    @Test
    void theSameObjectSubmittedAgainAfterItsDeletionIsIndexedAndSurvivesAReplay() throws Exception {
        String object = "malware--" + UUID.randomUUID();
        submitAndAwait(malware(object, V1));
        delete(object);
        awaitGone(object);

        submitAndAwait(malware(object, V1));
        awaitVisibleToAnotherCert(object);
        indexer.index(everyRecordOfTheIntakeTopic());

        refresh();
        assertThat(queries.current(object, UZ)).isPresent();
        assertThat(queries.versions(object, UZ)).hasSize(1);
    }

    /** Last: the web server comes back on another port, which the other tests' client does not know. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aHubStoppedAndStartedAgainReadsTheDeletionsAnewAndIndexesAgain() throws Exception {
        String object = "malware--" + UUID.randomUUID();
        submitAndAwait(malware(object, V1));

        context.stop();
        // Made meanwhile through another instance: this one learns of it only by reading the topic again.
        intakeKafkaTemplate.send(new ProducerRecord<>(properties.deletionsTopic(), object, new ObjectDeleted(
                ObjectDeleted.SCHEMA_VERSION, "kz-cert", object, "TLP:GREEN", Instant.now()).toJson())).get(10, TimeUnit.SECONDS);
        context.start();

        awaitGone(object);
        String later = "malware--" + UUID.randomUUID();
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + malware(later, V1) + "]}";
        intakeKafkaTemplate.send(new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(),
                "bundle--" + UUID.randomUUID(), "kz-cert", Instant.now(), 1, bundle.getBytes(StandardCharsets.UTF_8))
                .toRecord(INTAKE)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(queries.current(later, KZ)).isPresent());
        indexer.index(everyRecordOfTheIntakeTopic());
        refresh();
        assertThat(queries.current(later, KZ)).isPresent();
        assertThat(queries.current(object, KZ)).isEmpty();
        assertThat(queries.versions(object, KZ)).isEmpty();
    }

    private List<ConsumerRecord<String, byte[]>> everyRecordOfTheIntakeTopic() {
        List<ConsumerRecord<String, byte[]>> records = everyRecordOf(INTAKE);
        assertThat(records).isNotEmpty();
        return records;
    }

    /** Waits until the listener's consumer group has committed every record the intake topic holds now. */
    private void awaitEveryRecordOfTheIntakeTopicRead(String group) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(List.of(INTAKE)).allTopicNames().get().get(INTAKE).partitions()
                .forEach(info -> partitions.put(new TopicPartition(INTAKE, info.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || (committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() >= end.getValue()));
        });
    }

    private List<ConsumerRecord<String, byte[]>> everyRecordOf(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<Object, Object> consumer = consumerFactory.createConsumer("replay-" + UUID.randomUUID(), null, null,
                config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        records.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(),
                                (String) record.key(), (byte[]) record.value(), record.headers(), record.leaderEpoch())));
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        return records;
    }

    private void submitAndAwait(String... objects) {
        String id = submit(objects);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals("complete"));
    }

    private String submit(String... objects) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
        JsonNode status = http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + new DemoKeys(tenancy).of("kz-cert")).body(bundle)
                .exchange().expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        return status.path("id").asString();
    }

    /** The submission's status; {@code none} while the indexer has not written one. */
    private String status(String submission) {
        JsonNode status = get("kz-cert", "/api/v1/status/" + submission).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        return status == null ? "none" : status.path("status").asString("none");
    }

    private void delete(String object) {
        http.delete().uri("/taxii2/api/collections/kz-cert/objects/" + object + "/")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + new DemoKeys(tenancy).of("kz-cert"))
                .header(HttpHeaders.ACCEPT, "application/taxii+json;version=2.1").exchange().expectStatus().isOk();
    }

    private void awaitVisibleToAnotherCert(String... objects) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String object : objects) {
                assertThat(queries.current(object, UZ)).isPresent();
                assertThat(queries.versions(object, UZ)).isNotEmpty();
            }
        });
    }

    private void awaitGone(String object) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(queries.current(object, KZ)).isEmpty();
            assertThat(queries.versions(object, KZ)).isEmpty();
        });
    }

    private void forgetDeletedVersions(String after) throws Exception {
        elasticsearch.indices().putSettings(s -> s.index(SearchIndices.OBJECTS, SearchIndices.OBJECT_VERSIONS)
                .settings(settings -> settings.gcDeletes(t -> t.time(after))));
    }

    private void refresh() throws Exception {
        elasticsearch.indices().refresh(r -> r.index(SearchIndices.OBJECTS, SearchIndices.OBJECT_VERSIONS));
    }

    private RestTestClient.ResponseSpec get(String principal, String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + new DemoKeys(tenancy).of(principal))
                .header(HttpHeaders.ACCEPT, "application/json, application/taxii+json;version=2.1").exchange();
    }

    private static String malware(String id, String modified) {
        return "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + V1
                + "\",\"modified\":\"" + modified + "\",\"name\":\"steppe loader\",\"is_family\":false,"
                + "\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}";
    }
}
