package org.certhub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.certhub.CerthubApplication;
import org.certhub.correlation.CorrelationFound;
import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.RunIds;
import org.certhub.playbook.internal.SubjectKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Runs belong to the partition of their id: a hub restarted mid-run fires the pending deadline once,
 * and two hubs on the same Kafka and Elasticsearch emit every step once. Each test uses runs and
 * correlation topics of its own, so that only its hubs own its runs.
 */
class PlaybookRunOwnershipIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aHubRestartedMidRunStillFiresTheDeadlineOnce() throws Exception {
        String[] args = hubArgs();
        String correlations = topicOf(args, "correlations");
        String playbook = "it-restart";
        CorrelationFound found = TestPlaybooks.correlation("email", List.of("kz-cert", "kg-cert"));
        KafkaProperties kafkaProperties;
        String runId;
        try (ConfigurableApplicationContext first = start(args)) {
            runId = first.getBean(RunIds.class).of(playbook, 1, SubjectKind.CORRELATION, found.id());
            kafkaProperties = first.getBean(KafkaProperties.class);
            createTopic(kafkaProperties, correlations);
            release(first, playbook, TestPlaybooks.crossBorder(playbook, 1, "email", "PT10S"));
            try (KafkaTestClient kafka = new KafkaTestClient(kafkaProperties)) {
                kafka.correlation(correlations, found);
                await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).hasSize(2));
            }
        }
        try (ConfigurableApplicationContext second = start(args); KafkaTestClient kafka = new KafkaTestClient(kafkaProperties)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).extracting(NotificationRequested::stepId)
                    .contains("escalate"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<NotificationRequested> requests = kafka.requests(runId);
                assertThat(requests).filteredOn(r -> r.stepId().equals("escalate")).hasSize(1);
                assertThat(requests).filteredOn(r -> r.stepId().equals("alert")).hasSize(2);
            });
        }
    }

    @Test
    void twoHubsOnTheSameKafkaAndElasticsearchEmitEveryStepOnce() throws Exception {
        String[] args = hubArgs();
        String correlations = topicOf(args, "correlations");
        String playbook = "it-two-hubs";
        try (ConfigurableApplicationContext one = start(args); ConfigurableApplicationContext two = start(args)) {
            KafkaProperties kafkaProperties = one.getBean(KafkaProperties.class);
            createTopic(kafkaProperties, correlations);
            release(one, playbook, TestPlaybooks.crossBorder(playbook, 1, "mac", "PT3S"));
            await().atMost(WAIT).until(() -> two.getBean(PlaybookRegistry.class).version(playbook, 1).isPresent());
            await().atMost(WAIT).until(() -> ownsPartitions(one) && ownsPartitions(two));
            List<String> runIds = new ArrayList<>();
            try (KafkaTestClient kafka = new KafkaTestClient(kafkaProperties)) {
                for (int i = 0; i < 8; i++) {
                    CorrelationFound found = TestPlaybooks.correlation("mac", List.of("uz-cert", "tj-cert"));
                    runIds.add(one.getBean(RunIds.class).of(playbook, 1, SubjectKind.CORRELATION, found.id()));
                    kafka.correlation(correlations, found);
                }
                for (String runId : runIds) {
                    await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).hasSize(3));
                }
                for (String runId : runIds) {
                    Map<String, Long> perNotification = kafka.requests(runId).stream()
                            .collect(Collectors.groupingBy(NotificationRequested::notificationId, Collectors.counting()));
                    assertThat(perNotification).hasSize(3).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
                }
            }
        }
    }

    private static boolean ownsPartitions(ConfigurableApplicationContext hub) {
        var container = hub.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("certhub-playbook-runs");
        return container != null && container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty();
    }

    private static String[] hubArgs() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new String[] {"--spring.profiles.active=test", "--server.port=0",
                "--certhub.playbook.topics.runs=it-runs-" + suffix, "--certhub.playbook.topics.correlations=it-correlations-" + suffix};
    }

    private static String topicOf(String[] args, String name) {
        String prefix = "--certhub.playbook.topics." + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(CerthubApplication.class).run(args);
    }

    private static void release(ConfigurableApplicationContext hub, String id, String yaml) throws Exception {
        PlaybookRegistry registry = hub.getBean(PlaybookRegistry.class);
        if (registry.version(id, 1).isEmpty()) {
            TestPlaybooks.write(hub.getBean(PlaybookProperties.class).directory(), id, 1, yaml);
        }
        await().atMost(WAIT).until(() -> registry.version(id, 1).isPresent());
    }

    private static void createTopic(KafkaProperties kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
            }
        }
    }

}
