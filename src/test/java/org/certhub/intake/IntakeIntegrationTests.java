package org.certhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@HubIntegrationTest
class IntakeIntegrationTests {

    static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    DemoKeys keys;

    @BeforeEach
    void readKeys() {
        keys = new DemoKeys(tenancy);
    }

    @Test
    void acceptedBundleIsDurableThenIndexedAndItsStatusCompletes() {
        String indicator = "indicator--" + UUID.randomUUID();
        JsonNode status = submit("kz-cert", Bundles.of(Bundles.indicator(indicator, Tlp.GREEN, "203.0.113.9")))
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/status/.+")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(status.path("status").asString()).isEqualTo("pending");
        assertThat(status.path("total_count").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode done = get("kz-cert", "/api/v1/status/" + status.path("id").asString())
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(done.path("status").asString()).isEqualTo("complete");
            assertThat(done.path("success_count").asInt()).isEqualTo(1);
        });
        JsonNode stored = get("kz-cert", "/api/v1/objects/" + indicator).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.path("owner").asString()).isEqualTo("kz-cert");
        assertThat(stored.path("object").path("created_by_ref").asString()).startsWith("identity--");
    }

    @Test
    void statusOfAnotherCertsSubmissionIsNotFound() {
        JsonNode status = submit("kz-cert", Bundles.of(Bundles.indicator("indicator--" + UUID.randomUUID(), Tlp.GREEN, "203.0.113.10")))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();

        get("uz-cert", "/api/v1/status/" + status.path("id").asString()).expectStatus().isNotFound();
    }

    @Test
    void rejectsMalformedJson() {
        assertProblem(submitRaw("kz-cert", "{\"type\": \"bundle\",", STIX), HttpStatus.BAD_REQUEST, "malformed-json");
    }

    @Test
    void rejectsInvalidStixListingEveryError() {
        String bad = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID() + "\","
                + "\"created\":\"2026-01-02T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\"}]}";
        JsonNode problem = assertProblem(submitRaw("kz-cert", bad, STIX), HttpStatus.BAD_REQUEST, "stix-invalid");
        assertThat(problem.path("errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(problem.path("errors").toString()).contains("/objects/0");
    }

    @Test
    void rejectsImpersonationOfAnotherCert() {
        String uzIdentity = get("uz-cert", "/api/v1/me").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("identity").path("id").asString();
        String bundle = Bundles.of(Bundles.indicator("indicator--" + UUID.randomUUID(), Tlp.GREEN, "203.0.113.11")
                .replace("\"type\":\"indicator\",", "\"type\":\"indicator\",\"created_by_ref\":\"" + uzIdentity + "\","));
        JsonNode problem = assertProblem(submitRaw("kz-cert", bundle, STIX), HttpStatus.FORBIDDEN, "impersonation");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/objects/0/created_by_ref");
    }

    @Test
    void rejectsAnOversizedBody() {
        String huge = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[],\"x\":\""
                + "a".repeat(1_000_000) + "\"}";
        StringBuilder body = new StringBuilder(huge);
        while (body.length() < 11 * 1024 * 1024) {
            body.append(' ');
        }
        assertProblem(submitRaw("kz-cert", body.toString(), STIX), HttpStatus.CONTENT_TOO_LARGE, "bundle-too-large");
    }

    @Test
    void rejectsTooDeepNesting() {
        String deep = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[],\"x_deep\":"
                + "[".repeat(200) + "]".repeat(200) + "}";
        assertProblem(submitRaw("kz-cert", deep, STIX), HttpStatus.CONTENT_TOO_LARGE, "bundle-too-deep");
    }

    @Test
    void rejectsAWrongMediaType() {
        assertProblem(submitRaw("kz-cert", Bundles.of(), MediaType.TEXT_PLAIN), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");
        assertProblem(submitRaw("kz-cert", Bundles.of(), MediaType.parseMediaType("application/stix+json;version=2.0")),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    @Test
    void rejectsAMissingOrWrongKey() {
        assertProblem(http.post().uri("/api/v1/bundles").contentType(STIX).body(Bundles.of()).exchange(),
                HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(http.post().uri("/api/v1/bundles").contentType(STIX).header("Authorization", "Bearer chk_nope_nope")
                .body(Bundles.of()).exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void rejectsACallerWithoutTheSubmitterRole() {
        assertProblem(submitRaw("regional-soc", Bundles.of(), STIX), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void nothingAcceptedEarlierIsLostByBadInput() {
        String indicator = "indicator--" + UUID.randomUUID();
        submit("kz-cert", Bundles.of(Bundles.indicator(indicator, Tlp.GREEN, "203.0.113.12"))).expectStatus().isAccepted();
        submitRaw("kz-cert", "{\"type\":", STIX).expectStatus().isBadRequest();
        submitRaw("kz-cert", "[".repeat(500), STIX);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("kz-cert", "/api/v1/objects/" + indicator).expectStatus().isOk());
    }

    private RestTestClient.ResponseSpec submit(String principal, String bundle) {
        return submitRaw(principal, bundle, STIX);
    }

    private RestTestClient.ResponseSpec submitRaw(String principal, String body, MediaType type) {
        return http.post().uri("/api/v1/bundles").contentType(type)
                .header("Authorization", "Bearer " + keys.of(principal)).body(body).exchange();
    }

    private RestTestClient.ResponseSpec get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange();
    }

    static JsonNode assertProblem(RestTestClient.ResponseSpec response, HttpStatus status, String slug) {
        JsonNode problem = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("type").asString()).endsWith("/problems/" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }
}
