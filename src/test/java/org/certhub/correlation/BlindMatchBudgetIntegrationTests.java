package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The daily budget of blind reveals on the API: a CERT that has been told of two restricted values
 * today (budget 2 here, spent by a listing and a lookup) is refused a lookup that would tell it of a
 * third (429, the owner is told of the attempt), and sees correlations without the restricted CERTs
 * it may not be told of; the owner lists all three.
 */
@HubIntegrationTest
@TestPropertySource(properties = "certhub.correlation.blind-matches.daily-budget=2")
@DirtiesContext
class BlindMatchBudgetIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Test
    void pastItsDailyBudgetALookupIsRefusedAndListingsLeaveTheRestrictedCertOut() {
        DemoKeys keys = new DemoKeys(tenancy);
        String viewer = "bud-" + UUID.randomUUID().toString().substring(0, 8);
        String viewerKey = http.post().uri("/api/v1/admin/principals").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.of("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("id", viewer, "kind", "cert",
                        "roles", new String[] {"submitter", "responder"}, "name", viewer.toUpperCase(), "country", "GE"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("apiKey").asString();
        String first = randomIp();
        String second = randomIp();
        String third = randomIp();
        submit(keys.of("uz-cert"), TestBundles.reportBundle(Tlp.RED, TestBundles.addressIndicator(Tlp.RED, "Red one", first),
                TestBundles.addressIndicator(Tlp.RED, "Red two", second), TestBundles.addressIndicator(Tlp.RED, "Red three", third)));
        for (String ip : List.of(first, second, third)) {
            submit(viewerKey, TestBundles.reportBundle(Tlp.GREEN, TestBundles.addressIndicator(Tlp.GREEN, "Mine", ip)));
        }
        // The listing reveals the first value (one of two of the day).
        await().atMost(WAIT).untilAsserted(() -> assertThat(correlation(viewerKey, first).path("certs").toString())
                .contains(viewer).contains("uz-cert"));
        // The owner's own view of the third correlation reveals nothing to the viewer.
        await().atMost(WAIT).untilAsserted(() -> assertThat(correlation(keys.of("uz-cert"), third).path("certs").toString())
                .contains(viewer));

        JsonNode told = http.get().uri("/api/v1/observables?value={v}", second).header(HttpHeaders.AUTHORIZATION, "Bearer " + viewerKey)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(told.toString()).contains("\"blind\":true").contains("uz-cert");

        http.post().uri("/api/v1/observables/lookup").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewerKey)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("values", List.of(second, third))).exchange()
                .expectStatus().isEqualTo(429).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody(JsonNode.class).value(problem -> assertThat(problem.path("type").asString())
                        .endsWith("/blind-match-budget-spent"));
        JsonNode withheld = correlation(viewerKey, third);
        assertThat(withheld.path("certs").toString()).contains(viewer).doesNotContain("uz-cert");
        assertThat(withheld.path("explanation").asString()).doesNotContain("uz-cert");
        assertThat(correlation(viewerKey, first).path("certs").toString()).as("revealed earlier today").contains("uz-cert");

        await().atMost(WAIT).untilAsserted(() -> {
            String owners = http.get().uri("/api/v1/blind-matches?limit=500").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.of("uz-cert"))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(owners).contains(first).contains(second).contains(third).contains(viewer);
        });
    }

    private JsonNode correlation(String key, String ip) {
        JsonNode page = http.get().uri("/api/v1/correlations?value={v}", ip).header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page.path("correlations").size()).isEqualTo(1);
        return page.path("correlations").get(0);
    }

    private void submit(String key, String bundle) {
        http.post().uri("/api/v1/bundles").header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.valueOf("application/stix+json;version=2.1")).body(bundle).exchange()
                .expectStatus().isAccepted();
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
