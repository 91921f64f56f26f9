package org.certhub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The TAXII 2.1 contract: every endpoint, filter, header, status code and the error resource, as an
 * off-the-shelf client relies on them. kz-cert adds two versions of a CLEAR malware and a GREEN one
 * through "add objects" into its own collection; partners read them through the scope collections.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxiiContractIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    ConsumerFactory<Object, Object> consumerFactory;

    private TaxiiClient taxii;
    private final String clear = StixObjects.newId("malware");
    private final String green = StixObjects.newId("malware");
    private static final String V1 = "2026-11-01T10:00:00.000Z";
    private static final String V2 = "2026-11-02T10:00:00.000Z";
    private String own;
    private String community;
    private String publicCollection;

    @BeforeAll
    void kzCertAddsTwoVersionsThroughTaxii() {
        taxii = new TaxiiClient(http, new DemoKeys(tenancy));
        own = taxii.collectionId("kz-cert", "kz-cert");
        community = TaxiiClient.ROOT + "collections/" + taxii.collectionId("kz-cert", "community") + "/";
        publicCollection = TaxiiClient.ROOT + "collections/" + taxii.collectionId("kz-cert", "public") + "/";
        addAndAwait(StixObjects.envelope(List.of(StixObjects.malware(clear, "contract clear", Tlp.CLEAR, V1, V1),
                StixObjects.malware(green, "contract green", Tlp.GREEN))));
        addAndAwait(StixObjects.envelope(List.of(StixObjects.malware(clear, "contract clear v2", Tlp.CLEAR, V1, V2))));
        // The versions and the current versions are two indices, each made searchable on its own
        // refresh: wait until another CERT sees both.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(modifieds("uz-cert", community + "objects/?match[id]=" + clear + "," + green + "&match[version]=all"))
                    .hasSize(3);
            assertThat(modifieds("uz-cert", community + "objects/?match[id]=" + clear + "," + green)).containsExactlyInAnyOrder(
                    V2, V1);
        });
    }

    private void addAndAwait(String envelope) {
        JsonNode status = taxii.post("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/", envelope)
                .expectStatus().isAccepted().expectHeader().contentType(TaxiiClient.TAXII)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(status.path("status").asString()).isEqualTo("pending");
        assertThat(status.path("total_count").asInt()).isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode done = taxii.json("kz-cert", TaxiiClient.ROOT + "status/" + status.path("id").asString() + "/");
            assertThat(done.path("status").asString()).isEqualTo("complete");
            assertThat(done.path("success_count").asInt()).isEqualTo(status.path("total_count").asInt());
        });
    }

    @Test
    void discoveryNamesTheApiRoot() {
        JsonNode discovery = taxii.json("regional-soc", "/taxii2/");
        assertThat(discovery.path("api_roots").get(0).asString()).endsWith("/taxii2/api/");
        assertThat(discovery.path("default").asString()).endsWith("/taxii2/api/");
        assertThat(discovery.path("title").asString()).isNotBlank();
    }

    @Test
    void apiRootAnnouncesTaxii21AndItsMaxContentLength() {
        JsonNode root = taxii.json("regional-soc", TaxiiClient.ROOT);
        assertThat(root.path("versions").get(0).asString()).isEqualTo(TaxiiClient.TAXII);
        assertThat(root.path("max_content_length").asLong()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void collectionsSayWhoMayReadAndWrite() {
        JsonNode forPartner = taxii.json("regional-soc", TaxiiClient.ROOT + "collections/");
        assertThat(flags(forPartner, "public")).isEqualTo("read");
        assertThat(flags(forPartner, "community")).isEqualTo("read");
        assertThat(flags(forPartner, "members")).isEqualTo("none");
        assertThat(forPartner.toString()).doesNotContain("kz-cert");
        JsonNode forKz = taxii.json("kz-cert", TaxiiClient.ROOT + "collections/");
        assertThat(flags(forKz, "members")).isEqualTo("read");
        assertThat(flags(forKz, "kz-cert")).isEqualTo("read,write");
        assertThat(forKz.toString()).doesNotContain("\"uz-cert\"");
        JsonNode one = taxii.json("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/");
        assertThat(one.path("id").asString()).isEqualTo(own);
        assertThat(one.path("media_types").get(0).asString()).isEqualTo("application/stix+json;version=2.1");
    }

    @Test
    void objectsAreTheLastVersionByDefaultWithDateAddedHeaders() {
        RestTestClient.ResponseSpec response = taxii.get("uz-cert", publicCollection + "objects/?match[id]=" + clear);
        JsonNode envelope = response.expectStatus().isOk().expectHeader().contentType(TaxiiClient.TAXII)
                .expectHeader().exists("X-TAXII-Date-Added-First").expectHeader().exists("X-TAXII-Date-Added-Last")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(envelope.path("more").asBoolean()).isFalse();
        assertThat(envelope.has("next")).isFalse();
        assertThat(envelope.path("objects")).hasSize(1);
        assertThat(envelope.path("objects").get(0).path("modified").asString()).isEqualTo(V2);
    }

    @Test
    void matchVersionSelectsFirstAllOrAGivenVersion() {
        assertThat(modifieds("uz-cert", publicCollection + "objects/?match[id]=" + clear + "&match[version]=first"))
                .containsExactly(V1);
        assertThat(modifieds("uz-cert", publicCollection + "objects/?match[id]=" + clear + "&match[version]=all"))
                .containsExactly(V1, V2);
        assertThat(modifieds("uz-cert", publicCollection + "objects/?match[id]=" + clear + "&match[version]=" + V1))
                .containsExactly(V1);
        assertThat(modifieds("uz-cert", publicCollection + "objects/?match[id]=" + clear + "&match[version]=first,last"))
                .containsExactly(V1, V2);
    }

    @Test
    void matchTypeAndSpecVersionFilter() {
        String both = community + "objects/?match[id]=" + clear + "," + green;
        assertThat(modifieds("uz-cert", both + "&match[type]=malware")).hasSize(2);
        assertThat(modifieds("uz-cert", both + "&match[type]=indicator")).isEmpty();
        assertThat(modifieds("uz-cert", both + "&match[spec_version]=2.1")).hasSize(2);
        assertThat(modifieds("uz-cert", both + "&match[spec_version]=2.0")).isEmpty();
    }

    @Test
    void addedAfterReturnsOnlyLaterAdditions() {
        JsonNode all = taxii.json("uz-cert", community + "manifest/?match[id]=" + clear + "," + green + "&match[version]=all");
        List<String> added = new ArrayList<>();
        all.path("objects").forEach(record -> added.add(record.path("date_added").asString()));
        assertThat(added).hasSize(3).isSorted();
        JsonNode after = taxii.json("uz-cert", community + "objects/?match[id]=" + clear + "," + green
                + "&match[version]=all&added_after=" + added.get(1));
        assertThat(after.path("objects")).hasSize(1);
        assertThat(after.path("objects").get(0).path("modified").asString()).isEqualTo(V2);
    }

    @Test
    void pagesWithMoreAndNextUntilTheEnd() {
        String listing = community + "objects/?match[id]=" + clear + "," + green + "&match[version]=all&limit=2";
        JsonNode first = taxii.json("uz-cert", listing);
        assertThat(first.path("objects")).hasSize(2);
        assertThat(first.path("more").asBoolean()).isTrue();
        JsonNode second = taxii.json("uz-cert", listing + "&next=" + first.path("next").asString());
        assertThat(second.path("objects")).hasSize(1);
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(second.has("next")).isFalse();
        List<String> seen = new ArrayList<>();
        first.path("objects").forEach(o -> seen.add(o.path("id").asString() + o.path("modified").asString()));
        second.path("objects").forEach(o -> seen.add(o.path("id").asString() + o.path("modified").asString()));
        assertThat(seen).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void nextTokenCannotBeForgedNorMovedToAnotherCollectionFilterListingOrPrincipal() {
        String filter = "?match[id]=" + clear + "," + green + "&match[version]=all&limit=1";
        String next = taxii.json("uz-cert", community + "objects/" + filter).path("next").asString();
        assertThat(taxii.json("uz-cert", community + "objects/" + filter + "&next=" + next).path("objects")).hasSize(1);

        assertError(taxii.get("uz-cert", publicCollection + "objects/" + filter + "&next=" + next), HttpStatus.BAD_REQUEST);
        assertError(taxii.get("uz-cert", community + "objects/?match[id]=" + clear + "&match[version]=all&limit=1&next="
                + next), HttpStatus.BAD_REQUEST);
        assertError(taxii.get("uz-cert", community + "manifest/" + filter + "&next=" + next), HttpStatus.BAD_REQUEST);
        assertError(taxii.get("kg-cert", community + "objects/" + filter + "&next=" + next), HttpStatus.BAD_REQUEST);
        String signature = next.substring(next.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"a\":[0,\"malware--0\",\"kz-cert\",0]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode error = assertError(taxii.get("uz-cert", community + "objects/" + filter + "&next=" + forged + signature),
                HttpStatus.BAD_REQUEST);
        assertThat(error.path("details").path("errors").get(0).path("rule").asString()).isEqualTo("invalid-next");
        assertError(taxii.get("uz-cert", community + "objects/" + filter + "&next=garbage"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void manifestListsVersionsAndMediaTypes() {
        JsonNode manifest = taxii.json("uz-cert", publicCollection + "manifest/?match[id]=" + clear + "&match[version]=all");
        assertThat(manifest.path("objects")).hasSize(2);
        JsonNode record = manifest.path("objects").get(0);
        assertThat(record.path("id").asString()).isEqualTo(clear);
        assertThat(record.path("version").asString()).isEqualTo(V1);
        assertThat(record.path("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        assertThat(Instant.parse(record.path("date_added").asString())).isBefore(Instant.now());
        assertThat(record.path("date_added").asString()).matches(".*\\.\\d{6}Z");
    }

    @Test
    void anObjectAndItsVersions() {
        JsonNode object = taxii.json("uz-cert", publicCollection + "objects/" + clear + "/");
        assertThat(object.path("objects")).hasSize(1);
        JsonNode versions = taxii.json("uz-cert", publicCollection + "objects/" + clear + "/versions/");
        assertThat(versions.path("versions").valueStream().map(JsonNode::asString).toList()).containsExactly(V1, V2);
        assertError(taxii.get("uz-cert", publicCollection + "objects/" + StixObjects.newId("malware") + "/"),
                HttpStatus.NOT_FOUND);
        assertError(taxii.get("uz-cert", publicCollection + "objects/" + green + "/versions/"), HttpStatus.NOT_FOUND);
    }

    @Test
    void unacceptableAcceptIs406InTheTaxiiErrorFormat() {
        RestTestClient.ResponseSpec response = http.get().uri(TaxiiClient.ROOT).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + new DemoKeys(tenancy).of("uz-cert")).header(HttpHeaders.ACCEPT, "application/json").exchange();
        assertError(response, HttpStatus.NOT_ACCEPTABLE);
        assertError(http.get().uri(TaxiiClient.ROOT).header(HttpHeaders.AUTHORIZATION, "Bearer "
                + new DemoKeys(tenancy).of("uz-cert")).header(HttpHeaders.ACCEPT, "application/taxii+json;version=2.0")
                .exchange(), HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void wrongContentTypeIs415() {
        assertError(http.post().uri(TaxiiClient.ROOT + "collections/" + own + "/objects/")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + new DemoKeys(tenancy).of("kz-cert"))
                .header(HttpHeaders.ACCEPT, TaxiiClient.TAXII).contentType(MediaType.APPLICATION_JSON)
                .body(StixObjects.envelope(List.of())).exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void bodyOverMaxContentLengthIs413() {
        String huge = "{\"objects\":[],\"padding\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        assertError(taxii.post("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/", huge),
                HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void invalidStixIs400WithEveryErrorInDetails() {
        String invalid = StixObjects.envelope(List.of("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\""
                + StixObjects.newId("malware") + "\"}"));
        JsonNode error = assertError(taxii.post("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/", invalid),
                HttpStatus.BAD_REQUEST);
        assertThat(error.path("error_code").asString()).isEqualTo("stix-invalid");
        assertThat(error.path("details").path("errors").get(0).path("pointer").asString()).startsWith("/objects/0");
        assertError(taxii.post("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/", "{\"objects\": 3}"),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void badParametersAre400() {
        assertError(taxii.get("uz-cert", publicCollection + "objects/?limit=0"), HttpStatus.BAD_REQUEST);
        assertError(taxii.get("uz-cert", publicCollection + "objects/?limit=many"), HttpStatus.BAD_REQUEST);
        assertError(taxii.get("uz-cert", publicCollection + "objects/?added_after=yesterday"), HttpStatus.BAD_REQUEST);
        assertError(taxii.get("uz-cert", publicCollection + "objects/?match[version]=2026-13-01"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void anonymousIs401AndUnknownCollectionIs404InTheTaxiiErrorFormat() {
        assertError(taxii.get(Optional.empty(), TaxiiClient.ROOT + "collections/"), HttpStatus.UNAUTHORIZED);
        assertError(taxii.get(Optional.empty(), "/taxii2/"), HttpStatus.UNAUTHORIZED);
        assertError(taxii.get("uz-cert", TaxiiClient.ROOT + "collections/no-such-collection/"), HttpStatus.NOT_FOUND);
        assertError(taxii.get("uz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/"), HttpStatus.NOT_FOUND);
        assertError(taxii.get("uz-cert", "/taxii2/other-root/"), HttpStatus.NOT_FOUND);
    }

    @Test
    void writingAnywhereButTheOwnCollectionIs403() {
        assertError(taxii.post("kz-cert", community + "objects/", StixObjects.envelope(List.of())), HttpStatus.FORBIDDEN);
        assertError(taxii.post("regional-soc", publicCollection + "objects/", StixObjects.envelope(List.of())),
                HttpStatus.FORBIDDEN);
        assertError(taxii.get("regional-soc", TaxiiClient.ROOT + "collections/members/objects/"), HttpStatus.FORBIDDEN);
    }

    @Test
    void statusOfAnotherPrincipalsSubmissionIs404() {
        JsonNode status = taxii.post("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/",
                StixObjects.envelope(List.of(StixObjects.malware(StixObjects.newId("malware"), "status", Tlp.GREEN))))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertError(taxii.get("uz-cert", TaxiiClient.ROOT + "status/" + status.path("id").asString() + "/"),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void ownerDeletesAnObjectAndNoReadReturnsItAnyMoreAndTheFeedTopicsGetATombstone() {
        String doomed = StixObjects.newId("malware");
        addAndAwait(StixObjects.envelope(List.of(StixObjects.malware(doomed, "doomed", Tlp.CLEAR))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(modifieds("uz-cert", publicCollection + "objects/?match[id]=" + doomed)).hasSize(1));
        assertError(taxii.delete("uz-cert", publicCollection + "objects/" + doomed + "/"), HttpStatus.FORBIDDEN);
        assertError(taxii.delete("uz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/" + doomed + "/"),
                HttpStatus.NOT_FOUND);

        taxii.delete("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/" + doomed + "/").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(modifieds("uz-cert", publicCollection + "objects/?match[id]=" + doomed + "&match[version]=all")).isEmpty();
            assertThat(modifieds("kz-cert", TaxiiClient.ROOT + "collections/" + own + "/objects/?match[id]=" + doomed)).isEmpty();
        });
        http.get().uri("/api/v1/objects/" + doomed).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + new DemoKeys(tenancy).of("kz-cert")).exchange().expectStatus().isNotFound();
        assertThat(tombstoneOn("certhub.feed.public", doomed)).as("a tombstone on the public topic").isTrue();
    }

    /** Whether the topic holds a record keyed {@code stixId} with a null value (the owner deleted it). */
    private boolean tombstoneOn(String topic, String stixId) {
        Properties fromTheStart = new Properties();
        fromTheStart.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fromTheStart.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        fromTheStart.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        AtomicBoolean found = new AtomicBoolean();
        try (Consumer<Object, Object> consumer = consumerFactory.createConsumer("tombstone-" + UUID.randomUUID(), null,
                null, fromTheStart)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> found.compareAndSet(false,
                        stixId.equals(record.key()) && record.value() == null));
                return found.get();
            });
        }
        return found.get();
    }

    private List<String> modifieds(String principal, String path) {
        List<String> modified = new ArrayList<>();
        taxii.json(principal, path).path("objects").forEach(o -> modified.add(o.path("modified").asString()));
        return modified;
    }

    private static String flags(JsonNode collections, String alias) {
        for (JsonNode collection : collections.path("collections")) {
            if (collection.path("alias").asString().equals(alias)) {
                boolean read = collection.path("can_read").asBoolean();
                boolean write = collection.path("can_write").asBoolean();
                return read && write ? "read,write" : read ? "read" : write ? "write" : "none";
            }
        }
        return "absent";
    }

    /** The TAXII 2.1 error resource, never problem+json, on every TAXII path. */
    static JsonNode assertError(RestTestClient.ResponseSpec response, HttpStatus status) {
        JsonNode error = response.expectStatus().isEqualTo(status).expectHeader().contentType(TaxiiClient.TAXII)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(error.path("title").asString()).isNotBlank();
        assertThat(error.path("http_status").asString()).isEqualTo(String.valueOf(status.value()));
        assertThat(error.has("type")).isFalse();
        return error;
    }
}
