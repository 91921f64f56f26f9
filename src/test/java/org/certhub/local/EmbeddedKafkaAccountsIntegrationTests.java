package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.certhub.kafka.KafkaConnectionProperties;
import org.junit.jupiter.api.Test;

/**
 * A Kafka log formatted before the hub's current account existed (an earlier release without
 * accounts, or a lost credentials file) keeps its data, and the broker takes the new account at start.
 */
class EmbeddedKafkaAccountsIntegrationTests {

    @Test
    void aLogFormattedWithAnotherAccountTakesTheNewOneAndKeepsItsTopics() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "certhub-it")),
                "accounts-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            EngineCredentials first = EngineCredentials.under(dir);
            try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0, first);
                    Admin admin = Admin.create(client(kafka))) {
                admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic("kept", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            Files.delete(dir.resolve(EngineCredentials.FILE_NAME));
            EngineCredentials second = EngineCredentials.under(dir);
            assertThat(second.kafkaPassword()).isNotEqualTo(first.kafkaPassword());

            try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0, second);
                    Admin admin = Admin.create(client(kafka))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
            }
        } finally {
            ElasticsearchDistribution.deleteRecursively(dir);
        }
    }

    private static Map<String, Object> client(EmbeddedKafka kafka) {
        Map<String, String> connection = kafka.connectionProperties();
        Map<String, Object> config = new HashMap<>(new KafkaConnectionProperties(connection.get("certhub.kafka.bootstrap-servers"),
                connection.get("certhub.kafka.security-protocol"), connection.get("certhub.kafka.sasl-mechanism"),
                connection.get("certhub.kafka.username"), connection.get("certhub.kafka.password")).securityProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }
}
