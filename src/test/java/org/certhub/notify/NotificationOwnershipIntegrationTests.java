package org.certhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.certhub.CerthubApplication;
import org.certhub.DemoKeys;
import org.certhub.EngineClients;
import org.certhub.notify.internal.PartitionOwnership;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two hub instances on the same Kafka and Elasticsearch share the deliveries by request topic
 * partition, and one of them is stopped and started again while its notifications are being
 * retried: every notification still reaches its receiver exactly once.
 */
class NotificationOwnershipIntegrationTests {

    private static final String TOPIC = "certhub.notify.requests.it-ownership";
    private static final int PARTITIONS = 4;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void twoInstancesDeliverEachNotificationOnceAlsoWhenOneRestartsInTheMiddleOfRetries() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); ConfigurableApplicationContext first = startHub()) {
            ConfigurableApplicationContext started = startHub();
            AtomicReference<ConfigurableApplicationContext> second = new AtomicReference<>(started);
            try {
                NotifyHub hub = new NotifyHub(port(first), new DemoKeys(first.getBean(TenancyProperties.class)).of("admin"),
                        EngineClients.kafka(first.getEnvironment()), TOPIC);
                var recipient = hub.recipient("cert", receiver.url("/hook"), "duty@two.example");
                await().atMost(WAIT).until(() -> owned(first) + owned(second.get()) == PARTITIONS && owned(first) > 0
                        && owned(second.get()) > 0);
                receiver.stop();
                List<NotificationRequested> requests = new ArrayList<>();
                for (int i = 0; i < 2 * PARTITIONS; i++) {
                    NotificationRequested request = NotifyHub.request(recipient.id(), Tlp.GREEN, List.of("webhook"), "n" + i);
                    requests.add(request);
                    hub.publishTo(i % PARTITIONS, request);
                }
                await().atMost(WAIT).until(() -> requests.stream().allMatch(request -> hub.events(request.runId()).size() >= 2));

                second.get().close();
                second.set(startHub());
                receiver.restart();

                for (NotificationRequested request : requests) {
                    await().atMost(WAIT).until(() -> hub.get("/api/v1/notifications/" + request.notificationId(),
                            recipient.apiKey()).path("state").asString().equals("delivered"));
                }
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> requests.stream()
                        .allMatch(request -> receiver.receivedWithKey(request.notificationId()).size() == 1));
                assertThat(receiver.received()).hasSize(requests.size());
            } finally {
                second.get().close();
            }
        }
    }

    private static ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(CerthubApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--certhub.notify.requests-topic=" + TOPIC,
                "--certhub.notify.consumer-group=certhub-notify-it-ownership",
                "--certhub.notify.partitions=" + PARTITIONS,
                "--certhub.notify.delivery.initial-back-off=300ms", "--certhub.notify.delivery.max-back-off=1s",
                "--certhub.notify.delivery.max-attempts=200", "--certhub.notify.delivery.poll-interval=200ms",
                "--certhub.notify.delivery.claim-timeout=10s", "--certhub.notify.webhook-timeout=2s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int owned(ConfigurableApplicationContext context) {
        return context.getBean(PartitionOwnership.class).ownedCount();
    }
}
