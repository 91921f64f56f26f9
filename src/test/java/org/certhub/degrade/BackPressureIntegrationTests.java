package org.certhub.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * When the pipeline falls behind (here: Elasticsearch stalled while submissions keep coming), the
 * intake answers 503 with Retry-After once the backlog passes its bound, shows the backlog to
 * admins, and takes submissions again by itself once the backlog has drained.
 */
@HubIntegrationTest
@TestPropertySource(properties = {"certhub.intake.admission.max-backlog-objects=6",
        "certhub.intake.admission.interval=200ms"})
class BackPressureIntegrationTests extends DegradedHub {

    @Test
    void refusesSubmissionsWhileTheBacklogIsPastItsBoundAndTakesThemAgainOnceDrained() throws Exception {
        HubClient hub = hub();
        String key = key("uz-cert");
        String admin = key("admin");
        long pid = elasticsearchPid();
        EngineSignals.signal("STOP", pid);
        try {
            HttpResponse<String> refused = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> hub.submit(key, bundle()), response -> response.statusCode() != 202);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.body()).contains("/problems/backlog-full").contains("\"retryable\":true");
            JsonNode intake = JSON.readTree(hub.get("/actuator/health", admin).body()).path("components").path("intake");
            assertThat(intake.path("details").path("state").asString()).isEqualTo("backlog_full");
            assertThat(intake.path("details").path("backlog_objects").asLong()).isGreaterThan(6);
            assertThat(intake.path("details").path("lag_by_stage").path("certhub-indexer").asLong()).isPositive();
        } finally {
            EngineSignals.signal("CONT", pid);
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> hub.submit(key, bundle()).statusCode() == 202);
    }

    private static String bundle() {
        return TestBundles.bundle(TestBundles.addressIndicator(Tlp.GREEN, "Backlog", "198.18.9.1"),
                TestBundles.addressIndicator(Tlp.GREEN, "Backlog", "198.18.9.2"));
    }
}
