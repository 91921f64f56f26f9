package org.certhub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certhub.TestBundles.addressIndicator;
import static org.certhub.TestBundles.idOf;
import static org.certhub.TestBundles.reportBundle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The {@code correlations} TAXII collection: correlations as STIX groupings, through every read
 * endpoint and its paging, each cut to what the reader may see exactly as
 * {@code GET /api/v1/correlations/{id}} cuts it. Two correlations: an address reported by kz-cert at
 * TLP:RED, uz-cert at GREEN and kg-cert at AMBER ({@code mixed}); and one reported only at RED by
 * kz-cert and AMBER+STRICT by uz-cert ({@code restricted}), which nobody else may know of.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrelationCollectionIntegrationTests {

    private static final String COLLECTION = TaxiiClient.ROOT + "collections/correlations/";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    private DemoKeys keys;
    private TaxiiClient taxii;
    private final List<String> kzRedObjects = new ArrayList<>();
    private String uzGreenIndicator;
    private String kgAmberIndicator;
    private String mixed;
    private String restricted;

    @BeforeAll
    void threeCertsShareOneAddressAndTwoShareAnotherAtRestrictedLevels() {
        keys = new DemoKeys(tenancy);
        taxii = new TaxiiClient(http, keys);
        String mixedIp = randomIp();
        String restrictedIp = randomIp();
        String kzRed = addressIndicator(Tlp.RED, "C2", mixedIp);
        kzRedObjects.add(idOf(kzRed));
        uzGreenIndicator = addressIndicator(Tlp.GREEN, "C2", mixedIp);
        kgAmberIndicator = addressIndicator(Tlp.AMBER, "C2", mixedIp);
        String kzRestricted = addressIndicator(Tlp.RED, "C2", restrictedIp);
        kzRedObjects.add(idOf(kzRestricted));
        submit("kz-cert", reportBundle(Tlp.RED, kzRed, kzRestricted));
        submit("uz-cert", reportBundle(Tlp.GREEN, uzGreenIndicator));
        submit("kg-cert", reportBundle(Tlp.AMBER, kgAmberIndicator));
        submit("uz-cert", reportBundle(Tlp.AMBER_STRICT, addressIndicator(Tlp.AMBER_STRICT, "C2", restrictedIp)));
        mixed = groupingOf(mixedIp, 3);
        restricted = groupingOf(restrictedIp, 2);
    }

    @Test
    void aCorrelationIsAGroupingOfSuspiciousActivityWithTheVisibleMembersObjects() {
        JsonNode grouping = one("uz-cert", mixed);
        assertThat(grouping.path("type").asString()).isEqualTo("grouping");
        assertThat(grouping.path("spec_version").asString()).isEqualTo("2.1");
        assertThat(grouping.path("context").asString()).isEqualTo("suspicious-activity");
        assertThat(grouping.path("modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(grouping.path("created").asString().compareTo(grouping.path("modified").asString())).isLessThanOrEqualTo(0);
        assertThat(refs(grouping)).contains(idOf(uzGreenIndicator), idOf(kgAmberIndicator))
                .doesNotContainAnyElementsOf(kzRedObjects);
        assertThat(grouping.path("object_marking_refs").get(0).asString()).isEqualTo(Tlp.AMBER.markingDefinitionId());
        JsonNode details = grouping.path("x_certhub_correlation");
        assertThat(details.path("member_count").asInt()).isEqualTo(3);
        assertThat(details.path("restricted_members")).hasSize(1);
        JsonNode blind = details.path("restricted_members").get(0);
        assertThat(blind.path("cert").asString()).isEqualTo("kz-cert");
        assertThat(blind.path("tlp").asString()).isEqualTo("TLP:RED");
        assertThat(blind.propertyNames()).containsExactlyInAnyOrder("cert", "contact", "tlp");
        assertThat(grouping.toString()).doesNotContain(kzRedObjects.get(0));
    }

    @Test
    void theIdIsTheSameForEveryReaderAndEveryReadEndpoint() {
        assertThat(one("kz-cert", mixed).path("id").asString()).isEqualTo(mixed);
        assertThat(one("regional-soc", mixed).path("id").asString()).isEqualTo(mixed);
        JsonNode listed = taxii.json("kg-cert", COLLECTION + "objects/?match[id]=" + mixed);
        assertThat(listed.path("objects").get(0).path("id").asString()).isEqualTo(mixed);
    }

    @Test
    void theOwnerSeesItsRedMemberAndEachOtherReaderOnlyWhatThePolicyAllows() {
        assertThat(refs(one("kz-cert", mixed))).contains(kzRedObjects.get(0), idOf(uzGreenIndicator), idOf(kgAmberIndicator));
        assertThat(refs(one("kg-cert", mixed))).contains(idOf(uzGreenIndicator), idOf(kgAmberIndicator))
                .doesNotContainAnyElementsOf(kzRedObjects);
        JsonNode forPartner = one("regional-soc", mixed);
        assertThat(refs(forPartner)).contains(idOf(uzGreenIndicator)).doesNotContain(idOf(kgAmberIndicator))
                .doesNotContainAnyElementsOf(kzRedObjects);
        assertThat(forPartner.path("object_marking_refs").get(0).asString()).isEqualTo(Tlp.GREEN.markingDefinitionId());
        assertThat(forPartner.path("x_certhub_correlation").path("restricted_members")).hasSize(2);
        assertThat(forPartner.toString()).doesNotContain(idOf(kgAmberIndicator));
    }

    @Test
    void aCorrelationOfOnlyRestrictedMembersDoesNotExistForOthers() {
        assertThat(refs(one("kz-cert", restricted))).contains(kzRedObjects.get(1));
        assertThat(refs(one("uz-cert", restricted))).doesNotContain(kzRedObjects.get(1));
        for (String reader : List.of("kg-cert", "regional-soc")) {
            TaxiiContractIntegrationTests.assertError(taxii.get(reader, COLLECTION + "objects/" + restricted + "/"),
                    HttpStatus.NOT_FOUND);
            TaxiiContractIntegrationTests.assertError(taxii.get(reader, COLLECTION + "objects/" + restricted + "/versions/"),
                    HttpStatus.NOT_FOUND);
            assertThat(taxii.json(reader, COLLECTION + "objects/?match[id]=" + restricted).has("objects")).isFalse();
            assertThat(taxii.json(reader, COLLECTION + "manifest/?match[id]=" + restricted).has("objects")).isFalse();
        }
    }

    @Test
    void anonymousReadsNoCorrelation() {
        TaxiiContractIntegrationTests.assertError(taxii.get(Optional.empty(), COLLECTION + "objects/"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyReaderMayReadTheCollectionAndNobodyWritesIt() {
        for (String reader : List.of("kz-cert", "regional-soc")) {
            JsonNode collection = taxii.json(reader, TaxiiClient.ROOT + "collections/correlations/");
            assertThat(collection.path("can_read").asBoolean()).isTrue();
            assertThat(collection.path("can_write").asBoolean()).isFalse();
        }
        TaxiiContractIntegrationTests.assertError(taxii.post("kz-cert", COLLECTION + "objects/",
                StixObjects.envelope(List.of(StixObjects.malware(StixObjects.newId("malware"), "x", Tlp.CLEAR)))),
                HttpStatus.FORBIDDEN);
        TaxiiContractIntegrationTests.assertError(taxii.delete("kz-cert", COLLECTION + "objects/" + mixed + "/"),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void versionsAndManifestNameTheOneCurrentVersion() {
        JsonNode grouping = one("uz-cert", mixed);
        String modified = grouping.path("modified").asString();
        JsonNode versions = taxii.json("uz-cert", COLLECTION + "objects/" + mixed + "/versions/");
        assertThat(versions.path("versions")).hasSize(1);
        assertThat(versions.path("versions").get(0).asString()).isEqualTo(modified);
        JsonNode manifest = taxii.json("uz-cert", COLLECTION + "manifest/?match[id]=" + mixed);
        assertThat(manifest.path("objects").get(0).path("version").asString()).isEqualTo(modified);
        assertThat(manifest.path("objects").get(0).path("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
        assertThat(manifest.path("objects").get(0).has("date_added")).isTrue();
        for (String version : List.of("first", "last", "all", modified)) {
            assertThat(taxii.json("uz-cert", COLLECTION + "objects/?match[id]=" + mixed + "&match[version]=" + version)
                    .path("objects")).hasSize(1);
        }
        assertThat(taxii.json("uz-cert", COLLECTION + "objects/?match[id]=" + mixed
                + "&match[version]=2020-01-01T00:00:00.000Z").has("objects")).isFalse();
    }

    @Test
    void filtersByTypeAndDateAdded() {
        String both = mixed + "," + restricted;
        assertThat(taxii.json("kz-cert", COLLECTION + "objects/?match[id]=" + both + "&match[type]=grouping")
                .path("objects")).hasSize(2);
        assertThat(taxii.json("kz-cert", COLLECTION + "objects/?match[id]=" + both + "&match[type]=indicator")
                .has("objects")).isFalse();
        assertThat(taxii.json("kz-cert", COLLECTION + "objects/?match[id]=" + both + "&match[spec_version]=2.0")
                .has("objects")).isFalse();
        String last = taxii.get("kz-cert", COLLECTION + "objects/?match[id]=" + both).expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-TAXII-Date-Added-Last");
        assertThat(taxii.json("kz-cert", COLLECTION + "objects/?match[id]=" + both + "&added_after=" + last)
                .has("objects")).isFalse();
    }

    @Test
    void pagesFollowSignedNextTokensBoundToThisCollection() {
        String both = COLLECTION + "objects/?match[id]=" + mixed + "," + restricted;
        RestTestClient.ResponseSpec first = taxii.get("kz-cert", both + "&limit=1");
        JsonNode page1 = first.expectStatus().isOk().expectHeader().exists("X-TAXII-Date-Added-First")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page1.path("more").asBoolean()).isTrue();
        assertThat(page1.path("objects")).hasSize(1);
        String next = page1.path("next").asString();
        JsonNode page2 = taxii.json("kz-cert", both + "&limit=1&next=" + next);
        assertThat(page2.path("more").asBoolean()).isFalse();
        assertThat(page2.path("objects")).hasSize(1);
        assertThat(page2.path("objects").get(0).path("id").asString())
                .isNotEqualTo(page1.path("objects").get(0).path("id").asString());
        TaxiiContractIntegrationTests.assertError(taxii.get("kz-cert", TaxiiClient.ROOT
                + "collections/public/objects/?match[id]=" + mixed + "," + restricted + "&limit=1&next=" + next),
                HttpStatus.BAD_REQUEST);
        TaxiiContractIntegrationTests.assertError(taxii.get("uz-cert", both + "&limit=1&next=" + next), HttpStatus.BAD_REQUEST);
    }

    private JsonNode one(String reader, String stixId) {
        JsonNode envelope = taxii.json(reader, COLLECTION + "objects/" + stixId + "/");
        assertThat(envelope.path("objects")).hasSize(1);
        return envelope.path("objects").get(0);
    }

    private static List<String> refs(JsonNode grouping) {
        List<String> refs = new ArrayList<>();
        grouping.path("object_refs").forEach(ref -> refs.add(ref.asString()));
        return refs;
    }

    /** Waits until the owner of the address's correlation sees it with all its members; its STIX id. */
    private String groupingOf(String ip, int members) {
        String[] id = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = http.get().uri("/api/v1/correlations?value=" + ip)
                    .header("Authorization", "Bearer " + keys.of("kz-cert")).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().path("correlations");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("member_count").asInt()).isEqualTo(members);
            id[0] = CorrelationStixIds.of(listed.get(0).path("id").asString());
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
