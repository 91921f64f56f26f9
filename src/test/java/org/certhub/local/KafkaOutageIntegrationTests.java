package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certhub.CerthubApplication;
import org.certhub.EngineClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When Kafka goes away, a submission is refused with 503 and Retry-After within the send timeout:
 * nothing is acknowledged that is not durable.
 */
class KafkaOutageIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void submissionWhileKafkaIsDownIsRefusedWith503AndRetryAfter() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "certhub-it")),
                "outage-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> elasticsearch;
        try (ConfigurableApplicationContext owner = new SpringApplicationBuilder(CerthubApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0")) {
            elasticsearch = EngineClients.externalArguments(owner.getEnvironment()).stream()
                    .filter(argument -> argument.startsWith("--certhub.elasticsearch.")).toList();
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0, EngineCredentials.under(dir));
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--certhub.local.data-dir=" + dir,
                "--certhub.intake.send-timeout=3s"));
        kafka.connectionProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(elasticsearch);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CerthubApplication.class)
                .run(arguments.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            String key = demoKey(dir.resolve("demo-credentials.json"));
            assertThat(submit(port, key).statusCode()).isEqualTo(202);

            kafka.close();
            long started = System.nanoTime();
            HttpResponse<String> refused = submit(port, key);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(refused.body()).contains("/problems/kafka-unavailable").contains("\"retryable\":true");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        } finally {
            kafka.close();
            ElasticsearchDistribution.deleteRecursively(dir);
        }
    }

    private static HttpResponse<String> submit(int port, String key) throws Exception {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":\"ipv4-addr\","
                + "\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--" + UUID.randomUUID() + "\",\"value\":\"192.0.2.55\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bundles"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/stix+json;version=2.1")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(bundle)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String demoKey(Path credentials) throws Exception {
        for (JsonNode entry : JsonMapper.builder().build().readTree(Files.readString(credentials))) {
            if (entry.path("principal").asString().equals("kz-cert")) {
                return entry.path("apiKey").asString();
            }
        }
        throw new AssertionError("no kz-cert key in " + credentials);
    }
}
