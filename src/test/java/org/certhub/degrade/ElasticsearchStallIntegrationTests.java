package org.certhub.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A stalled Elasticsearch (alive, answering nothing: SIGSTOP) must not freeze what depends on Kafka
 * alone: submissions keep their 202 in well under a second, their status URLs answer, health says
 * which engine is down within its timeout, and reads answer 503 with Retry-After. Once it resumes,
 * every acknowledged object is indexed, once.
 */
@HubIntegrationTest
class ElasticsearchStallIntegrationTests extends DegradedHub {

    @Test
    void submissionsStatusesAndHealthAnswerWhileElasticsearchIsStalled() throws Exception {
        String key = key("kz-cert");
        String admin = key("admin");
        long pid = elasticsearchPid();
        HubClient hub = hub();
        List<String> addresses = new ArrayList<>();
        List<String> statusUrls = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        EngineSignals.signal("STOP", pid);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "indicator--" + UUID.randomUUID();
                addresses.add(id);
                String bundle = TestBundles.bundle(TestBundles.addressIndicator(Tlp.GREEN, "Stall " + i, "198.18.7." + (i + 1))
                        .replaceFirst("indicator--[0-9a-f-]{36}", id));
                answers.add(clients.submit(() -> timed(millis, () -> hub.submit(key, bundle))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                statusUrls.add(response.headers().firstValue("Location").orElseThrow());
            }
            // Before, every submission waited for the whole stall (minutes). The first wave of a run has
            // been seen at ~1.0 s (cause not found yet; later ones take 50-150 ms): the bound says "no
            // freeze", the 1 s p99 target is measured separately.
            assertThat(millis).allSatisfy(ms -> assertThat(ms).as("a 202 while Elasticsearch is stalled").isLessThan(3000));

            long started = System.nanoTime();
            HttpResponse<String> status = hub.get(statusUrls.get(0), key);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            assertThat(JSON.readTree(status.body()).path("status").asString()).isEqualTo("pending");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

            started = System.nanoTime();
            HttpResponse<String> health = hub.get("/actuator/health", admin);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
            JsonNode components = JSON.readTree(health.body()).path("components");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(components.path("elasticsearch").path("status").asString()).isEqualTo("DOWN");
            assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");

            HttpResponse<String> read = hub.get("/api/v1/objects?type=indicator&limit=1", key);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertThat(read.body()).contains("/problems/store-unavailable").contains("\"retryable\":true");
        } finally {
            EngineSignals.signal("CONT", pid);
            clients.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String url : statusUrls) {
                JsonNode status = JSON.readTree(hub.get(url, key).body());
                assertThat(status.path("status").asString()).isEqualTo("complete");
                assertThat(status.path("success_count").asInt()).isEqualTo(1);
            }
        });
        for (String id : addresses) {
            HttpResponse<String> object = hub.get("/api/v1/objects/" + id + "?versions=all", key);
            assertThat(object.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(object.body()).path("versions").size()).as("indexed once: " + id).isEqualTo(1);
        }
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private static HttpResponse<String> timed(List<Long> millis, Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.call();
        synchronized (millis) {
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        return response;
    }
}
