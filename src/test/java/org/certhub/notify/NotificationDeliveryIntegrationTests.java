package org.certhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import org.certhub.DemoKeys;
import org.certhub.EngineClients;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Notification delivery on real Kafka and Elasticsearch, to a real local webhook receiver (the JDK's
 * HTTP server) and a real SMTP server (GreenMail). Back-off is shortened so that retries and the
 * attempt limit fit in seconds (a long outage is {@link WebhookOutageIntegrationTests}); this class
 * has request topic and consumer group of its own.
 */
@HubIntegrationTest
@TestPropertySource(properties = {
        "certhub.notify.requests-topic=certhub.notify.requests.it-delivery",
        "certhub.notify.consumer-group=certhub-notify-it-delivery",
        "certhub.notify.public-base-url=" + Mailbox.PUBLIC_BASE_URL,
        "certhub.notify.webhook-timeout=2s",
        "certhub.notify.delivery.initial-back-off=200ms",
        "certhub.notify.delivery.max-back-off=1s",
        "certhub.notify.delivery.jitter=0.2",
        "certhub.notify.delivery.max-attempts=15",
        "certhub.notify.delivery.poll-interval=200ms",
        "certhub.notify.delivery.claim-timeout=10s",
        "spring.mail.host=127.0.0.1"})
class NotificationDeliveryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Mailbox SMTP = Mailbox.start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    private NotifyHub hub;
    private DemoKeys keys;
    private WebhookReceiver receiver;

    @BeforeEach
    void connect() throws IOException {
        keys = new DemoKeys(tenancy);
        hub = new NotifyHub(port, keys.of("admin"), EngineClients.kafka(environment), "certhub.notify.requests.it-delivery");
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Test
    void aRequestReachesTheWebhookSignedTheMailboxWithAWorkingAckLinkAndTheKafkaTopic() throws Exception {
        var recipient = hub.recipient("cert", receiver.url("/hook"), "duty@" + "first.example");
        NotificationRequested request = NotifyHub.request(recipient.id(), Tlp.AMBER,
                List.of("webhook", "email", "kafka"), "Same C2 address <b>203.0.113.7</b> in both grids.");

        hub.publish(request);

        await().atMost(WAIT).until(() -> receiver.receivedWithKey(request.notificationId()).size() == 1);
        WebhookReceiver.Received post = receiver.receivedWithKey(request.notificationId()).get(0);
        assertThat(WebhookSignature.verify(recipient.webhookSecret().getBytes(StandardCharsets.UTF_8), post.signature(),
                post.body())).isTrue();
        JsonNode body = NotifyHub.read(new String(post.body(), StandardCharsets.UTF_8));
        assertThat(body.path("notification_id").asString()).isEqualTo(request.notificationId());
        assertThat(body.path("text").asString()).isEqualTo(request.text());
        assertThat(body.path("ack_url").asString()).startsWith("https://certhub.example/api/v1/notifications/");

        MimeMessage mail = await().atMost(WAIT).until(() -> SMTP.first("duty@first.example"), Optional::isPresent).orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("[TLP:AMBER] " + request.subject());
        List<String> parts = Mailbox.textParts(mail);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).contains(request.text());
        assertThat(parts.get(1)).contains("&lt;b&gt;203.0.113.7&lt;/b&gt;").doesNotContain("<b>203");
        String ackPath = Mailbox.ackPath(parts.get(0)).orElseThrow();

        await().atMost(WAIT).until(() -> hub.all("certhub.notifications").stream()
                .anyMatch(record -> recipient.id().equals(record.key()) && new String(record.value(), StandardCharsets.UTF_8)
                        .contains(request.notificationId())));
        await().atMost(WAIT).until(() -> kinds(request.runId()).stream().filter("DELIVERED"::equals).count() == 3);

        assertThat(hub.send("GET", ackPath.replace("token=", "token=x"), null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> acknowledged = hub.send("GET", ackPath, null, null);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(hub.send("POST", "/api/v1/notifications/" + request.notificationId() + "/ack", recipient.apiKey(), null)
                .statusCode()).isEqualTo(200);
        assertThat(hub.send("GET", ackPath, null, null).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> kinds(request.runId()).contains("ACKNOWLEDGED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> kinds(request.runId()).stream().filter("ACKNOWLEDGED"::equals).count() == 1);
        JsonNode inbox = hub.get("/api/v1/notifications?acknowledged=true", recipient.apiKey());
        assertThat(inbox.path("notifications")).hasSize(1);
        assertThat(inbox.path("notifications").get(0).path("state").asString()).isEqualTo("delivered");
    }

    @Test
    void aRepeatedRequestReachesTheRecipientOnce() {
        var recipient = hub.recipient("cert", receiver.url("/hook"), "duty@repeat.example");
        NotificationRequested request = NotifyHub.request(recipient.id(), Tlp.GREEN, List.of("webhook"), "Said once");

        hub.publish(request, request, request);
        await().atMost(WAIT).until(() -> receiver.receivedWithKey(request.notificationId()).size() == 1);
        hub.publish(request);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> receiver.receivedWithKey(request.notificationId()).size() == 1);
        assertThat(hub.get("/api/v1/notifications", recipient.apiKey()).path("notifications")).hasSize(1);
    }

    @Test
    void aChannelFailingUpToTheAttemptLimitIsDeadLetteredVisiblyToRecipientAndAdmins() {
        var recipient = hub.recipient("cert", receiver.url("/fail"), "duty@dead.example");
        NotificationRequested request = NotifyHub.request(recipient.id(), Tlp.AMBER, List.of("webhook"), "Never arrives");

        hub.publish(request);

        await().atMost(WAIT).until(() -> kinds(request.runId()).contains("DEAD_LETTERED"));
        // Listings are searched, so they show a change after the index's refresh (about a second).
        await().atMost(WAIT).until(() -> hub.get("/api/v1/notifications?state=dead-lettered", recipient.apiKey())
                .path("notifications").size() == 1);
        JsonNode dead = hub.get("/api/v1/notifications?state=dead-lettered", recipient.apiKey()).path("notifications");
        JsonNode channel = dead.get(0).path("channels").get(0);
        assertThat(channel.path("state").asString()).isEqualTo("dead-lettered");
        assertThat(channel.path("attempts").asInt()).isEqualTo(15);
        assertThat(channel.path("last_error").asString()).contains("gave up after 15 attempts").contains("HTTP 503");
        assertThat(kinds(request.runId()).stream().filter("DELIVERY_FAILED"::equals).count()).isEqualTo(15);

        JsonNode listed = find(hub.get("/api/v1/notifications?state=dead-lettered&limit=500", keys.of("admin"))
                .path("notifications"), request.notificationId());
        assertThat(listed.path("recipient").asString()).isEqualTo(recipient.id());
        assertThat(listed.has("text")).as("an admin does not see TLP:AMBER content").isFalse();
    }

    @Test
    void nobodyButTheRecipientCanReadOrAcknowledgeANotification() {
        var recipient = hub.recipient("cert", receiver.url("/hook"), "duty@private.example");
        var other = hub.recipient("cert", receiver.url("/hook"), "duty@other.example");
        NotificationRequested request = NotifyHub.request(recipient.id(), Tlp.GREEN, List.of("webhook"), "For one CERT");
        hub.publish(request);
        await().atMost(WAIT).until(() -> receiver.receivedWithKey(request.notificationId()).size() == 1);

        String path = "/api/v1/notifications/" + request.notificationId();
        for (HttpResponse<String> refused : List.of(hub.send("GET", path, other.apiKey(), null),
                hub.send("POST", path + "/ack", other.apiKey(), null), hub.send("POST", path + "/ack", keys.of("admin"), null))) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
        assertThat(hub.send("GET", "/api/v1/notifications", null, null).statusCode()).isEqualTo(401);
        assertThat(hub.send("GET", "/api/v1/notifications?state=lost", recipient.apiKey(), null).body())
                .contains("\"pointer\":\"state\"");
        assertThat(hub.send("GET", path + "/ack?token=forged", null, null).statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/v1/notifications", other.apiKey()).path("notifications")).isEmpty();
        assertThat(hub.get(path, recipient.apiKey()).path("acknowledged").asBoolean()).isFalse();
    }

    @Test
    void aRequestAboveWhatTheRecipientMaySeeIsRefusedAndNothingIsSent() throws Exception {
        var partner = hub.recipient("partner", receiver.url("/hook"), "duty@partner.example");
        NotificationRequested request = NotifyHub.request(partner.id(), Tlp.AMBER, List.of("webhook", "email"),
                "Members only");

        hub.publish(request);

        await().atMost(WAIT).until(() -> kinds(request.runId()).stream().filter("DEAD_LETTERED"::equals).count() == 2);
        JsonNode notification = hub.get("/api/v1/notifications/" + request.notificationId(), partner.apiKey());
        assertThat(notification.path("channels").findValuesAsString("last_error"))
                .allSatisfy(reason -> assertThat(reason).startsWith("refused by the sharing policy"));
        assertThat(receiver.receivedWithKey(request.notificationId())).isEmpty();
        assertThat(SMTP.first("duty@partner.example")).isEmpty();
    }

    @Test
    void unreadableOrContractBreakingRequestsAreDeadLetteredAndDeliveryGoesOn() {
        var recipient = hub.recipient("cert", receiver.url("/hook"), "duty@hostile.example");
        NotificationRequested good = NotifyHub.request(recipient.id(), Tlp.GREEN, List.of("webhook"), "Still arrives");
        NotificationRequested pathy = new NotificationRequested(1, "../../admin/" + good.notificationId(), good.runId(),
                "p", 1, "s", recipient.id(), null, List.of("webhook"), "x", "y", "correlation", "c", Tlp.GREEN, false,
                null, good.requestedAt());

        hub.publishRaw(good.notificationId() + "-garbage", "{\"not\": \"a request\"".getBytes(StandardCharsets.UTF_8));
        hub.publish(pathy, good);

        await().atMost(WAIT).until(() -> receiver.receivedWithKey(good.notificationId()).size() == 1);
        await().atMost(WAIT).until(() -> hub.all("certhub.notify.dlt").stream().map(record -> record.key()).toList()
                .containsAll(List.of(good.notificationId() + "-garbage", pathy.notificationId())));
        assertThat(receiver.receivedWithKey(pathy.notificationId())).isEmpty();
    }

    private List<String> kinds(String runId) {
        return hub.events(runId).stream().map(event -> event.kind().name()).toList();
    }

    private static JsonNode find(JsonNode notifications, String id) {
        for (JsonNode notification : notifications) {
            if (notification.path("notification_id").asString().equals(id)) {
                return notification;
            }
        }
        throw new AssertionError("notification " + id + " not listed");
    }
}
