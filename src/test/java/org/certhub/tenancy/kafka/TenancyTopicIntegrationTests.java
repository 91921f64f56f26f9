package org.certhub.tenancy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.DemoCredentials;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.TenancyProperties;
import org.certhub.tenancy.admin.IssuedKey;
import org.certhub.tenancy.admin.NewPrincipal;
import org.certhub.tenancy.admin.PrincipalAdministration;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

@HubIntegrationTest
class TenancyTopicIntegrationTests {

    @Autowired
    PrincipalAdministration administration;

    @Autowired
    TenancyProperties properties;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    Admin kafkaAdminClient;

    @Test
    void secondHubInstanceReadsACreatedPrincipalFromTheTopicAndFollowsItsChanges() {
        IssuedKey issued = administration.create(newCert()).orElseThrow();
        String id = issued.principal().id();

        try (IsolatedTenancy secondInstance = IsolatedTenancy.start(properties, producers, consumers)) {
            assertThat(secondInstance.view().find(id)).contains(issued.principal());
            assertThat(secondInstance.view().holderOfKey(issued.key().keyId())).map(StoredPrincipal::id).contains(id);
            assertThat(secondInstance.view().find("kz-cert")).isPresent();

            IssuedKey rotated = administration.rotateKey(id).orElseThrow();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(secondInstance.view().holderOfKey(rotated.key().keyId())).isPresent();
                assertThat(secondInstance.view().holderOfKey(issued.key().keyId())).isEmpty();
            });
        }
    }

    @Test
    void topicRecordsHoldKeyHashesButNoKeySecret() throws Exception {
        IssuedKey issued = administration.create(newCert()).orElseThrow();
        List<String> secrets = new ArrayList<>(DemoCredentials.keys(properties.demo().credentialsFile()).values());
        secrets.add(issued.key().value());

        List<ConsumerRecord<String, String>> records = readWholeTopic();

        assertThat(records).anySatisfy(record -> assertThat(record.value())
                .contains(ApiKeys.hash(issued.key(), issued.principal().created()).sha256()));
        for (ConsumerRecord<String, String> record : records) {
            for (String secret : secrets) {
                // chk_<16 hex>_<secret>: the secret itself may contain '_'.
                assertThat(record.value()).doesNotContain(secret.substring("chk_".length() + 16 + 1));
            }
        }
    }

    @Test
    void tenancyTopicIsCompactedWithOnePartition() throws Exception {
        TopicDescription topic = kafkaAdminClient.describeTopics(List.of(properties.topic())).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(properties.topic());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, properties.topic());
        Config config = kafkaAdminClient.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                .get(resource);

        assertThat(topic.partitions()).hasSize(1);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    private List<ConsumerRecord<String, String>> readWholeTopic() {
        TopicPartition partition = new TopicPartition(properties.topic(), 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Consumer<String, String> consumer = TenancyTopicConfiguration.consumer(consumers)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return consumer.position(partition) >= end;
            });
        }
        return records;
    }

    private static NewPrincipal newCert() {
        return new NewPrincipal("it-" + UUID.randomUUID().toString().substring(0, 8), PrincipalKind.CERT,
                Set.of(Role.SUBMITTER), "IT-CERT", Optional.of("KZ"), true, Tlp.AMBER);
    }
}
