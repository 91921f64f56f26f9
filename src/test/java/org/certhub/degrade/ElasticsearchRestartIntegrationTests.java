package org.certhub.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A killed embedded Elasticsearch comes back by itself: submissions made while it is gone are
 * accepted (Kafka has them) and indexed once it is back, without restarting the hub.
 */
@HubIntegrationTest
class ElasticsearchRestartIntegrationTests extends DegradedHub {

    @Test
    void aKilledElasticsearchIsRestartedAndWhatWasAcceptedMeanwhileIsIndexed() throws Exception {
        HubClient hub = hub();
        String key = key("kg-cert");
        String admin = key("admin");
        long pid = elasticsearchPid();

        EngineSignals.signal("KILL", pid);
        long killed = System.nanoTime();
        String id = "indicator--" + UUID.randomUUID();
        HttpResponse<String> accepted = hub.submit(key, TestBundles.bundle(TestBundles.addressIndicator(Tlp.GREEN, "Meanwhile",
                "198.18.11.7").replaceFirst("indicator--[0-9a-f-]{36}", id)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode health = JSON.readTree(hub.get("/actuator/health", admin).body());
            assertThat(health.path("components").path("elasticsearch").path("status").asString()).isEqualTo("UP");
            assertThat(elasticsearchPid()).isNotEqualTo(pid);
        });
        System.out.printf("Elasticsearch back %d ms after its kill -9%n", Duration.ofNanos(System.nanoTime() - killed).toMillis());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> object = hub.get("/api/v1/objects/" + id + "?versions=all", key);
            assertThat(object.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(object.body()).path("versions").size()).isEqualTo(1);
        });
        System.out.printf("Indexing resumed %d ms after the kill -9%n", Duration.ofNanos(System.nanoTime() - killed).toMillis());
    }
}
