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
 * With less free space on the data directory's disk than the configured minimum (simulated by a
 * minimum larger than any disk), submissions are refused with 507 and Retry-After, health says so
 * to admins, and reads are still served.
 */
@HubIntegrationTest
@TestPropertySource(properties = {"certhub.intake.admission.min-free-disk=100000TB",
        "certhub.intake.admission.interval=200ms"})
class DiskGuardIntegrationTests extends DegradedHub {

    @Test
    void refusesSubmissionsWith507WhileTheDataDiskIsBelowItsMinimumAndKeepsServingReads() throws Exception {
        HubClient hub = hub();
        String key = key("tj-cert");
        String admin = key("admin");

        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> hub.submit(key, TestBundles.bundle(TestBundles.addressIndicator(Tlp.GREEN, "Disk", "198.18.10.1"))),
                        response -> response.statusCode() != 202);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("/problems/disk-full");
        assertThat(hub.get("/api/v1/objects?limit=1", key).statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(hub.get("/actuator/health", admin).body()).path("components");
        assertThat(health.path("intake").path("details").path("state").asString()).isEqualTo("disk_full");
        assertThat(health.path("diskSpace").path("status").asString()).isEqualTo("DOWN");
    }
}
