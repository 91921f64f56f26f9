package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Two CERTs and every TLP level: each reads all of its own objects; of the other's it reads CLEAR,
 * GREEN and AMBER (both are members) and never AMBER+STRICT or RED, not even in lists or counts.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectVisibilityIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    private DemoKeys keys;
    private final String campaign = "steppe-" + UUID.randomUUID();
    private final Map<Tlp, String> kzObjects = new EnumMap<>(Tlp.class);

    @BeforeAll
    void kzCertSharesOneObjectPerTlpLevel() {
        keys = new DemoKeys(tenancy);
        StringBuilder objects = new StringBuilder();
        for (Tlp tlp : Tlp.values()) {
            String id = "malware--" + UUID.randomUUID();
            kzObjects.put(tlp, id);
            if (!objects.isEmpty()) {
                objects.append(',');
            }
            objects.append("{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"").append(id)
                    .append("\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",")
                    .append("\"name\":\"").append(campaign).append(' ').append(tlp.name())
                    .append("\",\"is_family\":false,\"object_marking_refs\":[\"").append(tlp.markingDefinitionId()).append("\"]}");
        }
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + objects + "]}";
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of("kz-cert")).body(bundle).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(list("kz-cert").path("objects").size()).isEqualTo(Tlp.values().length));
    }

    @Test
    void ownerReadsItsObjectsOfEveryTlp() {
        for (String id : kzObjects.values()) {
            get("kz-cert", "/api/v1/objects/" + id).expectStatus().isOk();
        }
    }

    @Test
    void otherCertReadsClearGreenAndAmber() {
        for (Tlp tlp : new Tlp[] {Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER}) {
            get("uz-cert", "/api/v1/objects/" + kzObjects.get(tlp)).expectStatus().isOk();
        }
    }

    @Test
    void otherCertGetsNotFoundForAmberStrictAndRedExactlyAsForAMissingObject() {
        String missing = get("uz-cert", "/api/v1/objects/malware--" + UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        for (Tlp tlp : new Tlp[] {Tlp.AMBER_STRICT, Tlp.RED}) {
            String id = kzObjects.get(tlp);
            String body = get("uz-cert", "/api/v1/objects/" + id).expectStatus().isNotFound()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body.replace(id, "ID")).isEqualTo(missing.replaceAll("malware--[0-9a-f-]+", "ID"));
            get("uz-cert", "/api/v1/objects/" + id + "?versions=all").expectStatus().isNotFound();
        }
    }

    @Test
    void otherCertsListsNeverContainAmberStrictOrRed() {
        JsonNode listed = list("uz-cert");
        assertThat(listed.path("objects").size()).isEqualTo(3);
        String text = listed.toString();
        assertThat(text).doesNotContain(kzObjects.get(Tlp.AMBER_STRICT)).doesNotContain(kzObjects.get(Tlp.RED))
                .doesNotContain(campaign + " RED").doesNotContain(campaign + " AMBER_STRICT");
    }

    @Test
    void partnerSystemsReadTheFeedNotTheRespondersApi() {
        get("regional-soc", "/api/v1/objects/" + kzObjects.get(Tlp.CLEAR)).expectStatus().isForbidden();
    }

    private JsonNode list(String principal) {
        return get(principal, "/api/v1/objects?type=malware&cert=kz-cert&q=" + campaign + "&limit=100")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange();
    }
}
