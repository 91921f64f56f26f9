package org.certhub.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the pipeline falls behind (here: Elasticsearch stalled while submissions keep coming), the
 * intake answers 503 with Retry-After once the backlog passes its bound, shows the backlog to
 * admins, and takes submissions again by itself once the backlog has drained.
 */
@HubIntegrationTest
@TestPropertySource(properties = {"certhub.intake.admission.max-backlog-objects=6",
        "certhub.intake.admission.interval=200ms"})
class BackPressureIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    Environment environment;

    @Test
    void refusesSubmissionsWhileTheBacklogIsPastItsBoundAndTakesThemAgainOnceDrained() throws Exception {
        HubClient hub = new HubClient(port);
        String key = new DemoKeys(tenancy).of("uz-cert");
        String admin = new DemoKeys(tenancy).of("admin");
        long pid = EngineSignals.elasticsearchPid(environment);
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
