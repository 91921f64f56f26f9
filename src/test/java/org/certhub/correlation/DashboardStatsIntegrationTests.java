package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
 * {@code GET /api/v1/stats} on the real Elasticsearch: incidents per CERT per UTC day and the
 * techniques named most, each count over what the caller may see, so another CERT's RED incident
 * is never counted for you (your own are).
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardStatsIntegrationTests {

    /** Days no other test creates incidents on. */
    private static final String RANGE = "since=2025-03-10T00:00:00Z&until=2025-03-13T00:00:00Z";

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    private DemoKeys keys;
    private final String technique = "T" + ThreadLocalRandom.current().nextInt(1000, 10000) + ".9"
            + ThreadLocalRandom.current().nextInt(10, 100);

    @BeforeAll
    void twoCertsReportIncidentsAtSeveralLevels() {
        keys = new DemoKeys(tenancy);
        submit("kz-cert", incident(Tlp.GREEN, "2025-03-10T08:00:00.000Z"), incident(Tlp.GREEN, "2025-03-10T23:59:59.999Z"),
                incident(Tlp.RED, "2025-03-10T12:00:00.000Z"), incident(Tlp.GREEN, "2025-03-11T00:00:00.000Z"),
                incident(Tlp.GREEN, "2025-03-12T23:00:00.000Z"), incident(Tlp.GREEN, "2025-03-13T00:00:00.000Z"),
                attackPattern(Tlp.GREEN, "2025-03-11T10:00:00.000Z"));
        submit("uz-cert", incident(Tlp.AMBER, "2025-03-10T09:00:00.000Z"), incident(Tlp.RED, "2025-03-11T09:00:00.000Z"),
                attackPattern(Tlp.RED, "2025-03-11T11:00:00.000Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(stats("kz-cert", RANGE).path("incidents_per_day").get(0).path("total").asLong()).isEqualTo(4);
            assertThat(stats("uz-cert", RANGE).path("incidents_per_day").get(1).path("total").asLong()).isEqualTo(2);
            assertThat(stats("uz-cert", RANGE).path("techniques").toString()).contains(technique);
        });
    }

    @Test
    void countsIncidentsPerCertPerUtcDayOverEveryDayOfTheRange() {
        JsonNode days = stats("uz-cert", RANGE).path("incidents_per_day");
        assertThat(days).hasSize(3);
        assertThat(days.get(0).path("day").asString()).isEqualTo("2025-03-10");
        assertThat(days.get(0).path("by_cert").path("kz-cert").asLong()).isEqualTo(2);
        assertThat(days.get(0).path("by_cert").path("uz-cert").asLong()).isEqualTo(1);
        assertThat(days.get(1).path("day").asString()).isEqualTo("2025-03-11");
        assertThat(days.get(2).path("day").asString()).isEqualTo("2025-03-12");
        assertThat(days.get(2).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anotherCertsRedIncidentsAreNotCountedButYourOwnAre() {
        JsonNode kz = stats("kz-cert", RANGE).path("incidents_per_day");
        assertThat(kz.get(0).path("by_cert").path("kz-cert").asLong()).isEqualTo(3);
        assertThat(kz.get(1).path("total").asLong()).isEqualTo(1);
        assertThat(kz.get(1).path("by_cert").has("uz-cert")).isFalse();
        JsonNode uz = stats("uz-cert", RANGE).path("incidents_per_day");
        assertThat(uz.get(0).path("by_cert").path("kz-cert").asLong()).isEqualTo(2);
        assertThat(uz.get(1).path("by_cert").path("uz-cert").asLong()).isEqualTo(1);
        assertThat(stats("kg-cert", RANGE).path("incidents_per_day").get(0).path("total").asLong()).isEqualTo(3);
    }

    @Test
    void filtersByCert() {
        JsonNode days = stats("kz-cert", RANGE + "&cert=uz-cert").path("incidents_per_day");
        assertThat(days.get(0).path("total").asLong()).isEqualTo(1);
        assertThat(days.get(1).path("total").asLong()).isZero();
    }

    @Test
    void countsTechniquesOnlyInObjectsTheCallerMaySee() {
        assertThat(technique(stats("kg-cert", RANGE)).path("objects").asLong()).isEqualTo(1);
        assertThat(technique(stats("kg-cert", RANGE)).path("certs").asLong()).isEqualTo(1);
        assertThat(technique(stats("uz-cert", RANGE)).path("objects").asLong()).isEqualTo(2);
        assertThat(technique(stats("uz-cert", RANGE)).path("certs").asLong()).isEqualTo(2);
    }

    @Test
    void rejectsARangeThatIsEmptyReversedOrLongerThanAYear() {
        for (String bad : new String[] {"since=2025-03-13T00:00:00Z&until=2025-03-10T00:00:00Z",
            "since=2023-01-01T00:00:00Z&until=2025-03-10T00:00:00Z", "since=yesterday", "top=0", "top=101"}) {
            get("kz-cert", "/api/v1/stats?" + bad).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void partnerSystemsAndAnonymousCallersGetNoFigures() {
        get("regional-soc", "/api/v1/stats").expectStatus().isForbidden();
        http.get().uri("/api/v1/stats").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode technique(JsonNode stats) {
        for (JsonNode t : stats.path("techniques")) {
            if (t.path("technique").asString().equals(technique)) {
                return t;
            }
        }
        throw new AssertionError("technique " + technique + " not in " + stats.path("techniques"));
    }

    private JsonNode stats(String principal, String query) {
        return get(principal, "/api/v1/stats?top=100&" + query).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void submit(String principal, String... objects) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of(principal)).body(bundle).exchange().expectStatus().isAccepted();
    }

    private static String incident(Tlp tlp, String created) {
        return "{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":\"incident--" + UUID.randomUUID() + "\",\"created\":\""
                + created + "\",\"modified\":\"" + created + "\",\"name\":\"Incident\",\"object_marking_refs\":[\""
                + tlp.markingDefinitionId() + "\"]}";
    }

    private String attackPattern(Tlp tlp, String created) {
        return "{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\",\"id\":\"attack-pattern--" + UUID.randomUUID()
                + "\",\"created\":\"" + created + "\",\"modified\":\"" + created + "\",\"name\":\"Technique\","
                + "\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\"" + technique + "\"}],"
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    private RestTestClient.ResponseSpec get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange();
    }
}
