package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.DemoKeys;
import org.certhub.EngineClients;
import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Another local user can reach the embedded engines' ports, but without the hub's generated
 * credentials gets nothing: Elasticsearch answers 401, and a Kafka client reads no record of the
 * intake topic (which holds RED content) nor of any other. The hub itself, holding the credentials, works.
 */
@HubIntegrationTest
class EnginesRefuseAnonymousClientsIntegrationTests {

    private static final String INTAKE = "certhub.intake";
    /** More than the topic has: a client without credentials cannot even learn how many it has. */
    private static final List<TopicPartition> PARTITIONS = java.util.stream.IntStream.range(0, 4)
            .mapToObj(partition -> new TopicPartition(INTAKE, partition)).toList();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    Environment environment;

    @Autowired
    TenancyProperties tenancy;

    @LocalServerPort
    int port;

    @Test
    void elasticsearchAnswers401ToAnAnonymousRequest() throws Exception {
        String uri = environment.getProperty("certhub.elasticsearch.uris");
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(uri + "/_cluster/health"))
                .timeout(Duration.ofSeconds(10)).build();
        assertThat(HTTP.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpRequest wrongPassword = HttpRequest.newBuilder(URI.create(uri + "/certhub-*/_search"))
                .header("Authorization", "Basic Y2VydGh1Yjpub3QtdGhlLXBhc3N3b3Jk").timeout(Duration.ofSeconds(10)).build();
        assertThat(HTTP.send(wrongPassword, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpRequest hub = HttpRequest.newBuilder(URI.create(uri + "/_cluster/health"))
                .header("Authorization", EngineClients.elasticsearchAuthorization(environment))
                .timeout(Duration.ofSeconds(10)).build();
        assertThat(HTTP.send(hub, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void kafkaConsumerWithoutCredentialsReadsNothingOfTheIntakeTopic() throws Exception {
        String red = TestBundles.bundle(TestBundles.addressIndicator(Tlp.RED, "Red secret", "203.0.113.66"));
        HttpRequest submit = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bundles"))
                .header("Authorization", "Bearer " + new DemoKeys(tenancy).of("kz-cert"))
                .header("Content-Type", "application/stix+json;version=2.1").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(red)).build();
        assertThat(HTTP.send(submit, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        Map<String, Object> hub = EngineClients.kafka(environment);
        assertThat(readFromStart(hub, Duration.ofSeconds(30))).as("the hub itself reads the intake topic").isNotEmpty();

        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, hub.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        assertThat(readFromStart(anonymous, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void kafkaConsumerWithAWrongPasswordIsRefused() {
        Map<String, Object> guessed = new HashMap<>(EngineClients.kafka(environment));
        guessed.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"certhub\" password=\"guessed\";");
        assertThatThrownBy(() -> readFromStart(guessed, Duration.ofSeconds(10))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theHubsCredentialsAreReadableByItsOwnUserOnly() throws Exception {
        Path file = Path.of(environment.getProperty("certhub.local.data-dir")).resolve(EngineCredentials.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** The intake topic's records, as far as a client with this config gets within {@code patience}. */
    private static List<ConsumerRecord<String, byte[]>> readFromStart(Map<String, Object> client, Duration patience) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outsider-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(PARTITIONS);
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline && read.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        return read;
    }
}
