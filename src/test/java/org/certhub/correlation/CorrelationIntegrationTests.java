package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certhub.TestBundles.idOf;
import static org.certhub.TestBundles.reportBundle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.internal.Correlation;
import org.certhub.search.SearchIndices;
import org.certhub.intake.BundleAccepted;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The correlation engine on real Kafka and Elasticsearch: accepted bundles go in through the intake
 * topic, correlations come out through the API and the correlations topic.
 */
@HubIntegrationTest
class CorrelationIntegrationTests {

    private static final String INTAKE = "certhub.intake";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, byte[]> intakeKafkaTemplate;

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    KafkaProperties kafka;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    CorrelationProperties correlation;

    private DemoKeys keys;

    @BeforeEach
    void readDemoKeys() {
        keys = new DemoKeys(tenancy);
    }

    @Test
    void anAddressSharedByThreeCertsIsOneCorrelationOfThreeCerts() throws Exception {
        String ip = randomIp();
        for (String cert : List.of("kz-cert", "uz-cert", "kg-cert")) {
            send(accepted(cert, reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip))));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = get("kz-cert", "/api/v1/correlations?value=" + ip).path("correlations");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("member_count").asInt()).isEqualTo(3);
        });
        JsonNode correlation = get("kz-cert", "/api/v1/correlations?value=" + ip).path("correlations").get(0);
        assertThat(correlation.path("certs").toString()).isEqualTo("[\"kg-cert\",\"kz-cert\",\"uz-cert\"]");
        assertThat(correlation.path("rule").asString()).isEqualTo("shared-value");
        assertThat(correlation.path("explanation").asString()).contains(ip).contains("3 CERTs");
        JsonNode detail = get("uz-cert", "/api/v1/correlations/" + correlation.path("id").asString());
        assertThat(detail.path("members")).hasSize(3).allSatisfy(member -> assertThat(member.path("blind").asBoolean()).isFalse());
    }

    @Test
    void bundlesSubmittedThroughTheApiCorrelateAndPageWithACursor() {
        String ip = randomIp();
        String url = "http://" + UUID.randomUUID() + ".example.kz/gate.php";
        for (String cert : List.of("kz-cert", "kg-cert")) {
            String bundle = reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip), TestBundles.indicator(Tlp.GREEN, "Gate",
                    "[url:value = '" + (cert.equals("kz-cert") ? url : url.replace("http://", "HTTP://").replace(".kz/", ".KZ:80/")) + "']"));
            http.post().uri("/api/v1/bundles").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + keys.of(cert)).body(bundle).exchange().expectStatus().isAccepted();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kg-cert", "/api/v1/correlations?cert=kz-cert&min_certs=2"
                + "&since=2020-01-01T00:00:00Z&value=" + url).path("correlations")).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kg-cert", "/api/v1/correlations?value=" + ip)
                .path("correlations")).hasSize(1));
        JsonNode first = get("kg-cert", "/api/v1/correlations?cert=kg-cert&sort=score&limit=1");
        assertThat(first.path("correlations")).hasSize(1);
        JsonNode second = get("kg-cert", "/api/v1/correlations?cert=kg-cert&sort=score&limit=1&cursor=" + first.path("next").asString());
        assertThat(second.path("correlations")).hasSize(1);
        assertThat(second.path("correlations").get(0).path("id")).isNotEqualTo(first.path("correlations").get(0).path("id"));
        http.get().uri("/api/v1/correlations?sort=oldest").header("Authorization", "Bearer " + keys.of("kg-cert")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].pointer").isEqualTo("sort");
    }

    @Test
    void aNewCrossCertMatchIsPublishedAsCorrelationFound() throws Exception {
        String ip = randomIp();
        send(accepted("kz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip))));
        send(accepted("tj-cert", reportBundle(Tlp.AMBER, indicator(Tlp.AMBER, "C2", ip))));
        String id = Correlation.idOf("ipv4:" + ip);

        await().atMost(WAIT).untilAsserted(() -> assertThat(announced(id)).isNotEmpty());
        CorrelationFound found = announced(id).get(0);
        assertThat(found.value()).isEqualTo(ip);
        assertThat(found.valueType()).isEqualTo("ipv4");
        assertThat(found.memberCount()).isEqualTo(2);
        assertThat(found.certs()).containsExactly("kz-cert", "tj-cert");
        assertThat(found.score()).isPositive();
    }

    @Test
    void anAddressInsideAnotherCertsReportedNetworkCorrelatesThroughContainment() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String prefix = "100." + random.nextInt(64, 128) + "." + random.nextInt(256);
        send(accepted("uz-cert", reportBundle(Tlp.GREEN, networkIndicator(Tlp.GREEN, prefix + ".0/24"))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("uz-cert", "/api/v1/observables?value=" + prefix + ".0/24")
                .path("matches")).hasSize(1));

        send(accepted("kz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "Beacon", prefix + ".77"))));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = get("kz-cert", "/api/v1/correlations?value=" + prefix + ".77").path("correlations");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("value").asString()).isEqualTo(prefix + ".0/24");
            assertThat(listed.get(0).path("rule").asString()).isEqualTo("cidr-containment");
            assertThat(listed.get(0).path("certs").toString()).isEqualTo("[\"kz-cert\",\"uz-cert\"]");
        });
        JsonNode matches = get("kz-cert", "/api/v1/observables?value=" + prefix + ".77").path("matches");
        assertThat(matches.findValuesAsString("relation")).containsExactlyInAnyOrder("equal", "contained-in");
    }

    @Test
    void aRedObjectYieldsABlindMatchWithoutContentAndItsOwnerIsToldInReverse() throws Exception {
        String ip = randomIp();
        String secretName = "Operation " + UUID.randomUUID();
        String red = indicator(Tlp.RED, secretName, ip);
        String redId = idOf(red);
        String redBundle = reportBundle(Tlp.RED, red);
        String redReport = idOf(redBundle.substring(redBundle.indexOf("{\"type\":\"report\"")));
        send(accepted("kz-cert", redBundle));
        String green = indicator(Tlp.GREEN, "Scanner", ip);
        send(accepted("uz-cert", reportBundle(Tlp.GREEN, green)));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("uz-cert", "/api/v1/correlations?value=" + ip).path("correlations")).hasSize(1));
        String id = get("uz-cert", "/api/v1/correlations?value=" + ip).path("correlations").get(0).path("id").asString();
        String seenByUz = get("uz-cert", "/api/v1/correlations/" + id).toString()
                + get("uz-cert", "/api/v1/correlations?value=" + ip) + get("uz-cert", "/api/v1/observables?value=" + ip);
        assertThat(seenByUz).doesNotContain(redId).doesNotContain(secretName).doesNotContain(redReport);
        JsonNode members = get("uz-cert", "/api/v1/correlations/" + id).path("members");
        assertThat(members).hasSize(2);
        JsonNode blind = members.findParents("blind").stream().filter(m -> m.path("blind").asBoolean()).findFirst().orElseThrow();
        assertThat(blind.path("cert").asString()).isEqualTo("kz-cert");
        assertThat(blind.path("contact").asString()).isEqualTo("KZ-CERT");
        assertThat(blind.path("tlp").asString()).isEqualTo("TLP:RED");
        assertThat(blind.properties()).extracting(Map.Entry::getKey).containsExactly("blind", "cert", "contact", "tlp");

        JsonNode seenByKz = get("kz-cert", "/api/v1/correlations/" + id).path("members");
        assertThat(seenByKz).hasSize(2).allSatisfy(member -> assertThat(member.path("blind").asBoolean()).isFalse());
        assertThat(seenByKz.toString()).contains(idOf(green)).contains(redId);
    }

    @Test
    void aCorrelationWhereTheCallerSeesNoMemberDoesNotExistForIt() throws Exception {
        String ip = randomIp();
        send(accepted("kz-cert", reportBundle(Tlp.RED, indicator(Tlp.RED, "A", ip))));
        send(accepted("uz-cert", reportBundle(Tlp.AMBER_STRICT, indicator(Tlp.AMBER_STRICT, "B", ip))));
        String id = Correlation.idOf("ipv4:" + ip);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("kz-cert", "/api/v1/correlations/" + id).path("member_count").asInt()).isEqualTo(2));
        http.get().uri("/api/v1/correlations/" + id).header("Authorization", "Bearer " + keys.of("kg-cert")).exchange()
                .expectStatus().isNotFound().expectHeader().contentType("application/problem+json");
        assertThat(get("kg-cert", "/api/v1/correlations?value=" + ip).path("correlations")).isEmpty();
        assertThat(get("kg-cert", "/api/v1/observables?value=" + ip).path("matches")).isEmpty();
    }

    @Test
    void theSameValueTwiceInOneIncidentAndAReplayedBundleDoNotInflateAnything() throws Exception {
        String ip = randomIp();
        String first = indicator(Tlp.GREEN, "C2 a", ip);
        String second = indicator(Tlp.GREEN, "C2 b", ip);
        BundleAccepted kz = accepted("kz-cert", reportBundle(Tlp.GREEN, first, second, address(Tlp.GREEN, ip)));
        send(kz);
        send(kz);
        send(accepted("uz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip))));
        // Behind the replay on the same partitions: once it counts, the replay was merged before it.
        BundleAccepted kg = accepted("kg-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip)));
        ProducerRecord<String, byte[]> kgRecord = kg.toRecord(INTAKE);
        intakeKafkaTemplate.send(new ProducerRecord<>(INTAKE, null, kz.bundleId(), kgRecord.value(), kgRecord.headers()))
                .get(10, TimeUnit.SECONDS);
        String id = Correlation.idOf("ipv4:" + ip);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("kz-cert", "/api/v1/correlations/" + id).path("certs")).hasSize(3));
        JsonNode correlation = get("kz-cert", "/api/v1/correlations/" + id);
        assertThat(correlation.path("member_count").asInt()).isEqualTo(3);
        JsonNode kzMember = correlation.path("members").findParents("cert").stream()
                .filter(m -> m.path("cert").asString().equals("kz-cert")).findFirst().orElseThrow();
        assertThat(kzMember.path("object_ids")).hasSize(3);
        assertThat(announced(id)).extracting(CorrelationFound::memberCount).allSatisfy(count -> assertThat(count).isBetween(2, 3));
    }

    @Test
    void aSuppressedValueIsVisibleAsSuppressedAndNeverAnnounced() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String ip = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        send(accepted("kz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "Internal", ip))));
        send(accepted("uz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "Internal", ip))));
        String id = Correlation.idOf("ipv4:" + ip);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("kz-cert", "/api/v1/correlations/" + id).path("member_count").asInt()).isEqualTo(2));
        JsonNode correlation = get("kz-cert", "/api/v1/correlations/" + id);
        assertThat(correlation.path("suppressed").asBoolean()).isTrue();
        assertThat(correlation.path("suppressed_reason").asString()).isEqualTo("allow-listed");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(get("kz-cert", "/api/v1/correlations?suppressed=true&value=" + ip).path("correlations")).hasSize(1);
            assertThat(get("uz-cert", "/api/v1/observables?value=" + ip).path("matches").findValuesAsString("suppressed_reason"))
                    .containsExactly("allow-listed");
        });
        assertThat(get("kz-cert", "/api/v1/correlations?value=" + ip).path("correlations")).isEmpty();
        assertThat(announced(id)).isEmpty();
    }

    @Test
    void aValueInMoreIncidentsThanTheCutOffIsSuppressedAsTooCommon() throws Exception {
        String ip = randomIp();
        // The test profile's cut-off is 12 incidents or reports.
        for (int i = 0; i < 13; i++) {
            send(accepted(i % 2 == 0 ? "kz-cert" : "uz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "Common", ip))));
        }
        String id = Correlation.idOf("ipv4:" + ip);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("kz-cert", "/api/v1/correlations/" + id).path("member_count").asInt()).isEqualTo(13));
        assertThat(get("kz-cert", "/api/v1/correlations/" + id).path("suppressed_reason").asString()).isEqualTo("too-common");
        assertThat(announced(id)).extracting(CorrelationFound::memberCount).allSatisfy(count -> assertThat(count).isLessThan(13));
    }

    @Test
    void aMemberLeftBehindByABatchThatFailedBeforeItsSummaryIsCountedOnceWhenTheBatchIsMergedAgain() throws Exception {
        String ip = randomIp();
        String uzBundle = reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip));
        String report = uzBundle.substring(uzBundle.indexOf("report--"), uzBundle.indexOf("report--") + 44);
        String id = Correlation.idOf("ipv4:" + ip);
        // What a bulk request leaves when the member's create succeeded and the summary's failed
        // (e.g. 429): a member document not counted by any summary.
        Map<String, Object> orphan = Map.of("correlation_id", id, "ordinal", 0, "owner", "uz-cert", "container", report,
                "object_ids", List.of("indicator--left-behind"), "tlp", "TLP:GREEN", "first_seen", "2026-11-01T10:00:00Z",
                "last_seen", "2026-11-01T10:00:00Z", "via", List.of());
        elasticsearch.create(c -> c.index(SearchIndices.CORRELATION_MEMBERS).id(Correlation.idOf(id + "\nuz-cert\n" + report))
                .document(orphan));

        send(accepted("uz-cert", uzBundle));
        send(accepted("kz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip))));

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/correlations/" + id).path("certs"))
                .hasSize(2));
        JsonNode correlation = get("kz-cert", "/api/v1/correlations/" + id);
        assertThat(correlation.path("member_count").asInt()).isEqualTo(2);
        assertThat(correlation.path("members")).hasSize(2);
        assertThat(correlation.path("members").findValuesAsString("container")).containsOnlyOnce(report);
    }

    @Test
    void aValueSeenOnceIsFoundByItsOwnerAndByNobodyItsLevelExcludes() throws Exception {
        String ip = randomIp();
        send(accepted("kz-cert", reportBundle(Tlp.RED, indicator(Tlp.RED, "A", ip))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/observables?value=" + ip)
                .findValuesAsString("cert")).containsExactly("kz-cert"));

        assertThat(get("uz-cert", "/api/v1/observables?value=" + ip).path("matches")).isEmpty();
        assertThat(get("uz-cert", "/api/v1/correlations?value=" + ip).path("correlations")).isEmpty();
    }

    @Test
    void aValueSeenInFewContainersStoresNoMemberDocumentsUntilMoreSeeIt() throws Exception {
        String ip = randomIp();
        String id = Correlation.idOf("ipv4:" + ip);
        int held = correlation.membersInSummary();
        send(accepted("uz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(summary(id)).isNotNull());
        // The sighting is readable all the same, from the summary that holds its one member.
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/observables?value=" + ip)
                .findValuesAsString("cert")).containsExactly("uz-cert"));
        for (int i = 2; i <= held; i++) {
            sendAndAwaitMembers(ip, i % 2 == 0 ? "kz-cert" : "uz-cert", i);
        }
        assertThat(memberDocuments(id)).isZero();
        assertThat(summary(id).path("held_members")).hasSize(held);

        sendAndAwaitMembers(ip, "kg-cert", held + 1);
        assertThat(memberDocuments(id)).isEqualTo(held + 1);
        // The summary holds its members until a write confirmed their documents: the next one.
        assertThat(summary(id).path("held_members")).hasSize(held);
        sendAndAwaitMembers(ip, "tj-cert", held + 2);
        assertThat(summary(id).has("held_members")).isFalse();
        assertThat(memberDocuments(id)).isEqualTo(held + 2);
    }

    @Test
    void aHeldMembersDocumentLeftByABatchThatFailedIsWrittenOverWhenTheMembersGetTheirDocuments() throws Exception {
        String ip = randomIp();
        String id = Correlation.idOf("ipv4:" + ip);
        String uzBundle = reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip));
        String report = uzBundle.substring(uzBundle.indexOf("report--"), uzBundle.indexOf("report--") + 44);
        send(accepted("uz-cert", uzBundle));
        for (int i = 2; i <= correlation.membersInSummary(); i++) {
            sendAndAwaitMembers(ip, "kz-cert", i);
        }
        // What a batch leaves that wrote the held members' documents and failed before its summary.
        elasticsearch.create(c -> c.index(SearchIndices.CORRELATION_MEMBERS).id(Correlation.idOf(id + "\nuz-cert\n" + report))
                .document(Map.of("correlation_id", id, "ordinal", 0, "owner", "uz-cert", "container", report,
                        "object_ids", List.of("indicator--x"), "tlp", "TLP:GREEN", "first_seen", "2026-11-01T10:00:00Z",
                        "last_seen", "2026-11-01T10:00:00Z", "via", List.of())));

        sendAndAwaitMembers(ip, "kg-cert", correlation.membersInSummary() + 1);

        JsonNode members = get("kz-cert", "/api/v1/correlations/" + id).path("members");
        assertThat(members).hasSize(correlation.membersInSummary() + 1);
        // Written over with the member as merged, not left as the failed batch wrote it.
        assertThat(members.toString()).doesNotContain("indicator--x");
        assertThat(members.toString()).contains(idOf(uzBundle.substring(uzBundle.indexOf("{\"type\":\"indicator\""))));
    }

    /** One more report of {@code cert} sights {@code ip}; waits until the correlation lists {@code members} members. */
    private void sendAndAwaitMembers(String ip, String cert, int members) throws Exception {
        send(accepted(cert, reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/correlations/" + Correlation.idOf("ipv4:" + ip))
                .path("members")).hasSize(members));
    }

    private JsonNode summary(String id) throws Exception {
        var found = elasticsearch.get(g -> g.index(SearchIndices.CORRELATIONS).id(id), JsonNode.class);
        return found.found() ? found.source() : null;
    }

    private long memberDocuments(String id) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(SearchIndices.CORRELATION_MEMBERS));
        return elasticsearch.count(c -> c.index(SearchIndices.CORRELATION_MEMBERS)
                .query(q -> q.term(t -> t.field("correlation_id").value(id)))).count();
    }

    @Test
    void lookupAnswersEachPastedValueInOneRequest() throws Exception {
        String ip = randomIp();
        String domain = "c2-" + UUID.randomUUID() + ".example.net.kz";
        send(accepted("kz-cert", reportBundle(Tlp.GREEN, indicator(Tlp.GREEN, "C2", ip),
                "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--" + UUID.randomUUID()
                        + "\",\"value\":\"" + domain.toUpperCase() + "\"}")));
        // The two values are merged on their own partitions, each in its own time.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(get("uz-cert", "/api/v1/observables?value=" + ip).path("matches")).hasSize(1);
            assertThat(get("uz-cert", "/api/v1/observables?value=" + domain).path("matches")).hasSize(1);
        });

        JsonNode results = http.post().uri("/api/v1/observables/lookup").header("Authorization", "Bearer " + keys.of("uz-cert"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"values\":[\"" + ip + "\",\"" + domain + "\",\"never-seen-" + UUID.randomUUID() + ".example.kz\"]}")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("matches").get(0).path("sightings").get(0).path("cert").asString()).isEqualTo("kz-cert");
        assertThat(results.get(1).path("matches").get(0).path("value").asString()).isEqualTo(domain);
        assertThat(results.get(2).path("matches")).isEmpty();
    }

    @Test
    void lookupOfMoreThanAThousandValuesIsAProblem() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            values.append(i == 0 ? "" : ",").append("\"198.51.100.").append(i % 250).append('"');
        }
        http.post().uri("/api/v1/observables/lookup").header("Authorization", "Bearer " + keys.of("uz-cert"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("{\"values\":[" + values + "]}")
                .exchange().expectStatus().isBadRequest().expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("https://certhub.org/problems/invalid-parameter");
    }

    @Test
    void dashboardFiguresCountOnlyWhatTheCallerMaySee() throws Exception {
        String technique = "T" + ThreadLocalRandom.current().nextInt(1000, 10000);
        for (String cert : List.of("kz-cert", "uz-cert")) {
            send(accepted(cert, reportBundle(Tlp.GREEN, "{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\",\"id\":\"attack-pattern--"
                    + UUID.randomUUID() + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\","
                    + "\"name\":\"Technique\",\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\""
                    + technique + "\"}],\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}")));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode stats = get("kg-cert", "/api/v1/stats?since=2026-10-01T00:00:00Z").path("correlations");
            assertThat(stats.path("by_type").path("attack-technique").asLong()).isPositive();
            assertThat(stats.path("by_cert").path("kz-cert").asLong()).isPositive();
            assertThat(stats.path("top_observables")).isNotEmpty();
            assertThat(stats.path("per_day")).isNotEmpty();
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kg-cert", "/api/v1/correlations?type=attack-technique&value="
                + technique).path("correlations")).hasSize(1));
    }

    @Test
    void theSameTechniqueAgainstTheSameSectorInOneWeekIsAWeakerCorrelation() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String technique = "T" + random.nextInt(1000, 10000) + "." + random.nextInt(100, 1000);
        for (String cert : List.of("kz-cert", "tm-cert")) {
            String incident = "incident--" + UUID.randomUUID();
            String pattern = "attack-pattern--" + UUID.randomUUID();
            String victim = "identity--" + UUID.randomUUID();
            String green = "\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]";
            String common = "\"spec_version\":\"2.1\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\"," + green;
            String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                    + "{\"type\":\"incident\",\"id\":\"" + incident + "\",\"name\":\"Outage\"," + common + "},"
                    + "{\"type\":\"attack-pattern\",\"id\":\"" + pattern + "\",\"name\":\"Encrypt\",\"external_references\":"
                    + "[{\"source_name\":\"mitre-attack\",\"external_id\":\"" + technique + "\"}]," + common + "},"
                    + "{\"type\":\"identity\",\"id\":\"" + victim + "\",\"name\":\"Grid operator\",\"sectors\":[\"energy\"]," + common + "},"
                    + relationship("uses", incident, pattern, common) + "," + relationship("targets", incident, victim, common) + "]}";
            send(accepted(cert, bundle));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = get("kz-cert", "/api/v1/correlations?type=technique-target&cert=tm-cert").path("correlations");
            assertThat(listed.findValuesAsString("value")).anySatisfy(value -> assertThat(value).startsWith(technique + " sector:energy "));
        });
        JsonNode correlation = get("kz-cert", "/api/v1/correlations?type=technique-target&cert=tm-cert").path("correlations")
                .findParents("value").stream().filter(c -> c.path("value").asString().startsWith(technique)).findFirst().orElseThrow();
        assertThat(correlation.path("rule").asString()).isEqualTo("technique-and-target");
        assertThat(correlation.path("certs").toString()).isEqualTo("[\"kz-cert\",\"tm-cert\"]");
    }

    private static String relationship(String type, String source, String target, String common) {
        return "{\"type\":\"relationship\",\"id\":\"relationship--" + UUID.randomUUID() + "\",\"relationship_type\":\"" + type
                + "\",\"source_ref\":\"" + source + "\",\"target_ref\":\"" + target + "\"," + common + "}";
    }

    @Test
    void partnerSystemsCannotReadCorrelations() {
        http.get().uri("/api/v1/correlations").header("Authorization", "Bearer " + keys.of("regional-soc")).exchange()
                .expectStatus().isForbidden().expectHeader().contentType("application/problem+json");
    }

    private List<CorrelationFound> announced(String id) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<CorrelationFound> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("certhub.correlations").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(id)) {
                        CorrelationFound.fromJson(record.value()).ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    private JsonNode get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void send(BundleAccepted event) throws Exception {
        intakeKafkaTemplate.send(event.toRecord(INTAKE)).get(10, TimeUnit.SECONDS);
    }

    private static BundleAccepted accepted(String owner, String bundleJson) {
        String bundleId = bundleJson.substring(bundleJson.indexOf("bundle--"), bundleJson.indexOf("bundle--") + 44);
        return new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(), bundleId, owner,
                Instant.now(), 2, bundleJson.getBytes(StandardCharsets.UTF_8));
    }

    private static String indicator(Tlp tlp, String name, String ip) {
        return TestBundles.indicator(tlp, name, "[ipv4-addr:value = '" + ip + "']");
    }

    private static String networkIndicator(Tlp tlp, String network) {
        return TestBundles.indicator(tlp, "Network", "[ipv4-addr:value ISSUBSET '" + network + "']");
    }

    private static String address(Tlp tlp, String ip) {
        return "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--" + UUID.randomUUID() + "\",\"value\":\""
                + ip + "\",\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
