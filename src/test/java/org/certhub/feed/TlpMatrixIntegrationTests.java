package org.certhub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.CorrelationStixIds;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Every TLP level × every outbound channel of this module (each TAXII collection including the
 * correlations, each Kafka scope topic) × every kind of principal (the owning CERT, another member
 * CERT, the partner {@code regional-soc}, anonymous). kz-cert submits one object per level through
 * the intake API, and per level an indicator of an address kg-cert also reports at TLP:CLEAR; each
 * reader must get exactly what the sharing policy allows, and RED and AMBER+STRICT must leave
 * through nothing but kz-cert's own collection, to kz-cert (a correlation names kz-cert as a
 * restricted member, never its object).
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlpMatrixIntegrationTests {

    private static final Set<Tlp> CLEAR = EnumSet.of(Tlp.CLEAR);
    private static final Set<Tlp> GREEN_AND_BELOW = EnumSet.of(Tlp.CLEAR, Tlp.GREEN);
    private static final Set<Tlp> AMBER_AND_BELOW = EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
    private static final Set<Tlp> EVERY_LEVEL = EnumSet.allOf(Tlp.class);

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    ConsumerFactory<Object, Object> consumerFactory;

    private TaxiiClient taxii;
    private final Map<Tlp, String> ids = new EnumMap<>(Tlp.class);
    /** Per level, kz-cert's indicator of an address that kg-cert also reports at TLP:CLEAR. */
    private final Map<Tlp, String> correlatedIndicators = new EnumMap<>(Tlp.class);
    private final Map<Tlp, String> groupings = new EnumMap<>(Tlp.class);

    @BeforeAll
    void kzCertSubmitsOneObjectPerLevel() {
        DemoKeys keys = new DemoKeys(tenancy);
        taxii = new TaxiiClient(http, keys);
        List<String> objects = new ArrayList<>();
        List<String> kgClear = new ArrayList<>();
        for (Tlp tlp : Tlp.values()) {
            ids.put(tlp, StixObjects.newId("malware"));
            objects.add(StixObjects.malware(ids.get(tlp), "matrix " + tlp.name(), tlp));
            String ip = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
            correlatedIndicators.put(tlp, StixObjects.newId("indicator"));
            objects.add(indicator(correlatedIndicators.get(tlp), ip, tlp));
            kgClear.add(indicator(StixObjects.newId("indicator"), ip, Tlp.CLEAR));
            groupings.put(tlp, CorrelationStixIds.of(sha256Hex("ipv4:" + ip)));
        }
        submit(keys, "kz-cert", objects);
        submit(keys, "kg-cert", kgClear);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(levelsIn("kz-cert", "kz-cert")).isEqualTo(EVERY_LEVEL));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(correlatedLevelsFor("kz-cert")).isEqualTo(EVERY_LEVEL));
    }

    @Test
    void theCorrelationsCollectionReferencesAMemberOnlyForReadersWhoMaySeeIt() {
        assertThat(correlatedLevelsFor("uz-cert")).isEqualTo(AMBER_AND_BELOW);
        assertThat(correlatedLevelsFor("regional-soc")).isEqualTo(GREEN_AND_BELOW);
        TaxiiContractIntegrationTests.assertError(taxii.get(Optional.empty(),
                TaxiiClient.ROOT + "collections/correlations/objects/"), HttpStatus.UNAUTHORIZED);
        for (String reader : List.of("uz-cert", "regional-soc")) {
            JsonNode red = grouping(reader, Tlp.RED);
            assertThat(red.toString()).doesNotContain(correlatedIndicators.get(Tlp.RED));
            assertThat(red.path("x_certhub_correlation").path("restricted_members").get(0).path("cert").asString())
                    .isEqualTo("kz-cert");
        }
    }

    /** The levels of kz-cert's correlated indicators that {@code reader} finds referenced by their groupings. */
    private Set<Tlp> correlatedLevelsFor(String reader) {
        Set<Tlp> levels = EnumSet.noneOf(Tlp.class);
        for (Tlp tlp : Tlp.values()) {
            JsonNode grouping = grouping(reader, tlp);
            grouping.path("object_refs").forEach(ref -> {
                if (ref.asString().equals(correlatedIndicators.get(tlp))) {
                    levels.add(tlp);
                }
            });
        }
        return levels;
    }

    private JsonNode grouping(String reader, Tlp tlp) {
        JsonNode envelope = taxii.json(reader, TaxiiClient.ROOT + "collections/correlations/objects/?match[id]="
                + groupings.get(tlp));
        return envelope.path("objects").path(0);
    }

    private void submit(DemoKeys keys, String cert, List<String> objects) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of(cert)).body(bundle).exchange().expectStatus().isAccepted();
    }

    private static String indicator(String id, String ip, Tlp tlp) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id
                + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"C2\","
                + "\"pattern_type\":\"stix\",\"pattern\":\"[ipv4-addr:value = '" + ip + "']\","
                + "\"valid_from\":\"2026-11-01T10:00:00Z\",\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOwningCertReadsEveryLevelOnlyInItsOwnCollection() {
        assertThat(levelsIn("kz-cert", "public")).isEqualTo(CLEAR);
        assertThat(levelsIn("kz-cert", "community")).isEqualTo(GREEN_AND_BELOW);
        assertThat(levelsIn("kz-cert", "members")).isEqualTo(AMBER_AND_BELOW);
        assertThat(levelsIn("kz-cert", "kz-cert")).isEqualTo(EVERY_LEVEL);
    }

    @Test
    void anotherMemberCertReadsUpToAmberAndNotTheOwnersCollection() {
        assertThat(levelsIn("uz-cert", "public")).isEqualTo(CLEAR);
        assertThat(levelsIn("uz-cert", "community")).isEqualTo(GREEN_AND_BELOW);
        assertThat(levelsIn("uz-cert", "members")).isEqualTo(AMBER_AND_BELOW);
        TaxiiContractIntegrationTests.assertError(taxii.get("uz-cert", TaxiiClient.ROOT + "collections/kz-cert/objects/"),
                HttpStatus.NOT_FOUND);
        assertThat(levelsIn("uz-cert", "uz-cert")).isEmpty();
    }

    @Test
    void thePartnerReadsClearAndGreenAndIsRefusedTheMembersCollection() {
        assertThat(levelsIn("regional-soc", "public")).isEqualTo(CLEAR);
        assertThat(levelsIn("regional-soc", "community")).isEqualTo(GREEN_AND_BELOW);
        TaxiiContractIntegrationTests.assertError(taxii.get("regional-soc",
                TaxiiClient.ROOT + "collections/members/objects/?match[id]=" + String.join(",", ids.values())),
                HttpStatus.FORBIDDEN);
        TaxiiContractIntegrationTests.assertError(taxii.get("regional-soc",
                TaxiiClient.ROOT + "collections/kz-cert/objects/"), HttpStatus.NOT_FOUND);
    }

    @Test
    void anonymousReadsNothing() {
        for (String collection : List.of("public", "community", "members", "kz-cert")) {
            TaxiiContractIntegrationTests.assertError(taxii.get(Optional.empty(),
                    TaxiiClient.ROOT + "collections/" + collection + "/objects/"), HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void noManifestVersionsOrSingleObjectReadLeaksRestrictedLevels() {
        for (String reader : List.of("uz-cert", "regional-soc")) {
            for (Tlp tlp : List.of(Tlp.AMBER_STRICT, Tlp.RED)) {
                for (String collection : List.of("public", "community")) {
                    String base = TaxiiClient.ROOT + "collections/" + collection + "/";
                    TaxiiContractIntegrationTests.assertError(taxii.get(reader, base + "objects/" + ids.get(tlp) + "/"),
                            HttpStatus.NOT_FOUND);
                    TaxiiContractIntegrationTests.assertError(taxii.get(reader,
                            base + "objects/" + ids.get(tlp) + "/versions/"), HttpStatus.NOT_FOUND);
                    assertThat(taxii.json(reader, base + "manifest/?match[id]=" + ids.get(tlp)).has("objects")).isFalse();
                }
            }
        }
    }

    @Test
    void eachScopeTopicCarriesExactlyItsLevelsWithTheDocumentedHeaders() {
        Map<String, Set<Tlp>> expected = Map.of("certhub.feed.public", CLEAR, "certhub.feed.community", GREEN_AND_BELOW,
                "certhub.feed.members", AMBER_AND_BELOW);
        Map<String, String> levelById = ids.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, e -> e.getKey().name()));
        Properties fromTheStart = new Properties();
        fromTheStart.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fromTheStart.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        fromTheStart.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Set<Tlp>> seen = new HashMap<>();
        try (Consumer<Object, Object> consumer = consumerFactory.createConsumer("matrix-" + UUID.randomUUID(), null, null,
                fromTheStart)) {
            consumer.subscribe(List.copyOf(expected.keySet()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    String level = levelById.get(String.valueOf(record.key()));
                    if (level != null && record.value() != null) {
                        Tlp tlp = Tlp.valueOf(level);
                        seen.computeIfAbsent(record.topic(), t -> EnumSet.noneOf(Tlp.class)).add(tlp);
                        assertHeaders(record, tlp);
                    }
                }
                assertThat(seen).isEqualTo(expected);
            });
        }
    }

    private static void assertHeaders(ConsumerRecord<Object, Object> record, Tlp tlp) {
        assertThat(header(record, "certhub-owner")).isEqualTo("kz-cert");
        assertThat(header(record, "certhub-tlp")).isEqualTo(tlp.label());
        assertThat(header(record, "certhub-spec-version")).isEqualTo("2.1");
        assertThat(header(record, "certhub-received-at")).isNotBlank();
        assertThat(new String((byte[]) record.value(), StandardCharsets.UTF_8)).contains("\"id\":\"" + record.key() + "\"");
    }

    private static String header(ConsumerRecord<Object, Object> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The levels of kz-cert's matrix objects that {@code reader} finds in a collection (by alias). */
    private Set<Tlp> levelsIn(String reader, String collection) {
        String path = TaxiiClient.ROOT + "collections/" + collection + "/objects/?match[id]=" + String.join(",", ids.values());
        RestTestClient.ResponseSpec response = taxii.get(reader, path);
        Set<Tlp> levels = EnumSet.noneOf(Tlp.class);
        JsonNode envelope = response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        envelope.path("objects").forEach(object -> ids.forEach((tlp, id) -> {
            if (id.equals(object.path("id").asString())) {
                levels.add(tlp);
            }
        }));
        return levels;
    }
}
