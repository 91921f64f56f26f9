package org.certhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certhub.DemoKeys;
import org.certhub.EngineClients;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver down for 30 seconds, on real Kafka and Elasticsearch with a real local
 * receiver that refuses connections meanwhile. The back-off tops out at one second, so that the
 * notification arrives about a second after the receiver is back, and the attempt limit is high
 * enough that 30 seconds of failures do not exhaust it (at least 0.8 s between attempts once the
 * back-off has grown: under 40 attempts). That limit is why this class has a context, a request
 * topic and a consumer group of its own, apart from the delivery tests that exhaust theirs.
 */
@HubIntegrationTest
@TestPropertySource(properties = {
        "certhub.notify.requests-topic=" + WebhookOutageIntegrationTests.REQUESTS,
        "certhub.notify.consumer-group=certhub-notify-it-outage",
        "certhub.notify.webhook-timeout=2s",
        "certhub.notify.delivery.initial-back-off=200ms",
        "certhub.notify.delivery.max-back-off=1s",
        "certhub.notify.delivery.jitter=0.2",
        "certhub.notify.delivery.max-attempts=100",
        "certhub.notify.delivery.poll-interval=200ms",
        "certhub.notify.delivery.claim-timeout=10s"})
class WebhookOutageIntegrationTests {

    static final String REQUESTS = "certhub.notify.requests.it-outage";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** The longest pause (1 s, plus 20 % jitter) and the scheduler's poll, with room for a busy machine. */
    private static final Duration BACK_AFTER_RECOVERY = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    private NotifyHub hub;
    private WebhookReceiver receiver;

    @BeforeEach
    void connect() throws IOException {
        hub = new NotifyHub(port, new DemoKeys(tenancy).of("admin"), EngineClients.kafka(environment), REQUESTS);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aWebhookReceiverDownForThirtySecondsGetsEachNotificationOnceSoonAfterItRecovers() throws Exception {
        var recipient = hub.recipient("cert", receiver.url("/hook"), "duty@outage.example");
        List<NotificationRequested> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(NotifyHub.request(recipient.id(), Tlp.GREEN, List.of("webhook"), "Outage " + i));
        }
        receiver.stop();
        long down = System.nanoTime();

        hub.publish(requests.toArray(NotificationRequested[]::new));
        hub.publish(requests.get(0));

        await().atMost(WAIT).until(() -> System.nanoTime() - down >= OUTAGE.toNanos());
        for (NotificationRequested request : requests) {
            assertThat(state(recipient, request).path("state").asString()).isEqualTo("pending");
        }
        receiver.restart();
        long up = System.nanoTime();

        for (NotificationRequested request : requests) {
            await().atMost(BACK_AFTER_RECOVERY).until(() -> receiver.receivedWithKey(request.notificationId()).size() == 1);
        }
        Duration afterRecovery = Duration.ofNanos(System.nanoTime() - up);
        for (NotificationRequested request : requests) {
            JsonNode notification = state(recipient, request);
            assertThat(notification.path("state").asString()).isEqualTo("delivered");
            assertThat(notification.path("channels").get(0).path("attempts").asInt()).as("failed attempts during the outage, then one")
                    .isGreaterThan(10);
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> requests.stream()
                .allMatch(request -> receiver.receivedWithKey(request.notificationId()).size() == 1));
        assertThat(receiver.received()).hasSize(requests.size());
        assertThat(afterRecovery).isLessThan(BACK_AFTER_RECOVERY);
    }

    private JsonNode state(NotifyHub.Recipient recipient, NotificationRequested request) {
        return hub.get("/api/v1/notifications/" + request.notificationId(), recipient.apiKey());
    }
}
