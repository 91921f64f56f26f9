package org.certhub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certhub.TestBundles.addressIndicator;
import static org.certhub.TestBundles.bundle;
import static org.certhub.TestBundles.idOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.CorrelationStixIds;
import org.certhub.playbook.PublicationRequested;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Playbooks' {@code publish} steps end to end over Kafka: {@link PublicationRequested} records go in
 * on the publications topic as the playbook engine sends them, {@link PublicationOutcome}s come out
 * on the outcomes topic, and a correlation allowed into a scope reaches that scope's topic as a
 * grouping of the members at the scope's levels only.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, byte[]> intakeKafkaTemplate;

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    KafkaProperties kafka;

    private DemoKeys keys;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeAll
    void followTheOutcomeDeadLetterAndCommunityTopics() {
        keys = new DemoKeys(tenancy);
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "publication-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("certhub.feed.publication-outcomes", "certhub.feed.publications.dlt",
                "certhub.feed.community"));
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void aRedIncidentAskedIntoThePublicCollectionIsRefusedVisibly() throws Exception {
        String incident = submitIncident("kz-cert", Tlp.RED);
        String run = request("public", "incident", incident, "kz-cert", Tlp.RED);
        PublicationOutcome outcome = outcomeOf(run);
        assertThat(outcome.outcome()).isEqualTo(PublicationOutcome.REFUSED);
        assertThat(outcome.tlp()).isEqualTo("TLP:RED");
        assertThat(outcome.reason()).contains("TLP:RED").contains("public");
    }

    @Test
    void aRequestAtAWiderLevelThanTheIncidentsOwnMarkingIsJudgedAtTheMarking() throws Exception {
        String incident = submitIncident("kz-cert", Tlp.AMBER);
        String run = request("community", "incident", incident, "kz-cert", Tlp.CLEAR);
        PublicationOutcome outcome = outcomeOf(run);
        assertThat(outcome.outcome()).isEqualTo(PublicationOutcome.REFUSED);
        assertThat(outcome.tlp()).isEqualTo("TLP:AMBER");
        assertThat(outcome.reason()).contains("own marking");
    }

    @Test
    void aGreenIncidentIsPublishedToTheCommunity() throws Exception {
        String incident = submitIncident("uz-cert", Tlp.GREEN);
        PublicationOutcome outcome = outcomeOf(request("community", "incident", incident, "uz-cert", Tlp.GREEN));
        assertThat(outcome.outcome()).isEqualTo(PublicationOutcome.PUBLISHED);
        assertThat(outcome.tlp()).isEqualTo("TLP:GREEN");
    }

    @Test
    void aCorrelationReachesTheCommunityTopicWithOnlyItsGreenMembers() throws Exception {
        String ip = randomIp();
        String kzRed = addressIndicator(Tlp.RED, "C2", ip);
        submit("kz-cert", bundle(kzRed));
        submit("uz-cert", bundle(addressIndicator(Tlp.GREEN, "C2", ip)));
        submit("kg-cert", bundle(addressIndicator(Tlp.GREEN, "C2", ip)));
        String correlation = correlationOf(ip, 3);
        String run = request("community", "correlation", correlation, null, Tlp.GREEN);
        assertThat(outcomeOf(run).outcome()).isEqualTo(PublicationOutcome.PUBLISHED);
        String grouping = CorrelationStixIds.of(correlation);
        ConsumerRecord<String, byte[]> record = await().atMost(WAIT).until(() -> find("certhub.feed.community",
                r -> grouping.equals(r.key()) && header(r, "certhub-published-by-run").equals(Optional.of(run))),
                Optional::isPresent).get();
        JsonNode object = JSON.readTree(record.value());
        assertThat(object.path("type").asString()).isEqualTo("grouping");
        assertThat(object.path("object_refs")).hasSize(2);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(idOf(kzRed));
        assertThat(header(record, "certhub-tlp")).contains("TLP:GREEN");
    }

    @Test
    void aCorrelationAskedIntoACollectionBelowItsLevelIsRefused() throws Exception {
        PublicationOutcome outcome = outcomeOf(request("members", "correlation", "ab".repeat(32), null, Tlp.RED));
        assertThat(outcome.outcome()).isEqualTo(PublicationOutcome.REFUSED);
        assertThat(outcomeOf(request("nowhere", "incident", "incident--" + UUID.randomUUID(), "kz-cert", Tlp.CLEAR))
                .reason()).contains("not a sharing scope");
    }

    @Test
    void anUnreadableRequestIsDeadLetteredWithItsReason() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        intakeKafkaTemplate.send(new ProducerRecord<>(PublicationRequested.DEFAULT_TOPIC, key,
                "{not json".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> find("certhub.feed.publications.dlt",
                r -> key.equals(r.key())), Optional::isPresent).get();
        assertThat(header(dead, "certhub-dlt-reason")).contains("unreadable PublicationRequested");
    }

    private String request(String collection, String kind, String subject, String owner, Tlp tlp) throws Exception {
        String run = "run-" + UUID.randomUUID();
        PublicationRequested request = new PublicationRequested(PublicationRequested.SCHEMA_VERSION, run, "test-playbook", 1,
                "share", collection, kind, subject, owner, tlp, Instant.now());
        intakeKafkaTemplate.send(new ProducerRecord<>(PublicationRequested.DEFAULT_TOPIC, subject, request.toJson()))
                .get(10, TimeUnit.SECONDS);
        return run;
    }

    private PublicationOutcome outcomeOf(String run) {
        ConsumerRecord<String, byte[]> record = await().atMost(WAIT).until(() -> find("certhub.feed.publication-outcomes",
                r -> run.equals(r.key())), Optional::isPresent).get();
        return PublicationOutcome.fromJson(record.value()).orElseThrow();
    }

    /** Polls once more, then looks through everything seen so far. */
    private synchronized Optional<ConsumerRecord<String, byte[]>> find(String topic,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> matching) {
        consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
        return seen.stream().filter(r -> r.topic().equals(topic)).filter(matching).findFirst();
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Submits an incident and waits until its owner can read it back. */
    private String submitIncident(String cert, Tlp tlp) {
        String id = "incident--" + UUID.randomUUID();
        submit(cert, bundle("{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2026-11-29T00:00:00.000Z\",\"modified\":\"2026-11-29T00:00:00.000Z\","
                + "\"name\":\"Publication test\",\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}"));
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/v1/objects/" + id)
                .header("Authorization", "Bearer " + keys.of(cert)).exchange().expectStatus().isOk());
        return id;
    }

    private String correlationOf(String ip, int members) {
        String[] id = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = http.get().uri("/api/v1/correlations?value=" + ip)
                    .header("Authorization", "Bearer " + keys.of("kz-cert")).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().path("correlations");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("member_count").asInt()).isEqualTo(members);
            id[0] = listed.get(0).path("id").asString();
        });
        return id[0];
    }

    private void submit(String cert, String bundle) {
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of(cert)).body(bundle).exchange().expectStatus().isAccepted();
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
