package org.certhub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.certhub.benchmark.HubProcess;
import org.certhub.notify.NotificationRequested;
import org.certhub.notify.NotifyHub;
import org.certhub.notify.WebhookReceiver;
import org.certhub.notify.WebhookSignature;
import org.certhub.playbook.internal.Hashes;
import org.certhub.tenancy.DemoCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

/**
 * "The hub killed in the middle of a run and restarted: timers fire, nothing is sent twice", with a
 * real kill: a hub started as its own process (as an operator runs it, with its embedded Kafka and
 * Elasticsearch) runs a playbook on a correlation of two CERTs; once both CERTs' first webhooks have
 * been answered and recorded as delivered, and the acknowledgement deadline is still ahead, the hub
 * gets SIGKILL and is started again on the same data directory. The restarted hub must fire the
 * pending deadline (the escalation reaches the named CERT) and must not send the first webhooks
 * again, under their key or another.
 */
class HubKilledMidRunIntegrationTests {

    private static final String PLAYBOOK = "it-kill-mid-run";
    private static final String ALERT = "alert";
    private static final String ESCALATION = "escalate";
    /**
     * Leaves room on a loaded 2-core box between the first webhooks and the kill, and costs nothing:
     * it lapses while the killed hub is down, a restart takes longer than that.
     */
    private static final Duration ACK_WITHIN = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private Path dataDir;
    private HubProcess hub;
    private WebhookReceiver receiver;
    private boolean passed;

    @AfterEach
    void stopHub() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (hub != null && hub.isAlive()) {
            if (!passed) {
                System.out.println("hub log " + hub.logFile() + " ends with:\n" + hub.tail(60));
            }
            hub.stop();
        }
        if (passed) {
            HubProcess.deleteDataDir(dataDir);
        } else if (dataDir != null) {
            System.out.println("data kept in " + dataDir);
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aHubKilledMidRunEscalatesAtTheDeadlineAfterItsRestartAndSendsNothingTwice() throws Exception {
        dataDir = HubProcess.freshDataDir("kill-mid-run-");
        receiver = WebhookReceiver.start();
        hub = start();
        String admin = DemoCredentials.keys(hub.credentialsFile(Duration.ofSeconds(30)).orElseThrow()).get("admin");
        NotifyHub api = api(hub, admin);
        var kz = api.cert("KZ", receiver.url("/kz"), Map.of("duty-officer", "duty@kz-cert.example"));
        var uz = api.cert("UZ", receiver.url("/uz"), Map.of("duty-officer", "duty@uz-cert.example"));
        var soc = api.cert("KG", receiver.url("/soc"), Map.of("coordination-desk", "desk@soc.example"));
        String yaml = playbook(soc.id());
        TestPlaybooks.write(dataDir.resolve("playbooks"), PLAYBOOK, 1, yaml);
        await().atMost(WAIT).until(() -> api.send("GET", versionPath(), admin, null).statusCode() == 200);

        String shared = CrossBorderNotificationsEndToEndIntegrationTests.randomIp();
        for (var cert : List.of(kz, uz)) {
            var accepted = api.send("POST", "/api/v1/bundles", cert.apiKey(),
                    NotifyHub.read(CrossBorderNotificationsEndToEndIntegrationTests.incidentBundle(shared)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }

        // Killed only once the hub has recorded both 2xx answers: a webhook answered but not yet
        // recorded may rightly be sent again after a kill (same key, at least once); these may not.
        WebhookReceiver.Received kzAlert = awaitWebhook("/kz", ALERT);
        WebhookReceiver.Received uzAlert = awaitWebhook("/uz", ALERT);
        for (var sent : Map.of(kz, kzAlert, uz, uzAlert).entrySet()) {
            assertThat(signedWith(sent.getKey(), sent.getValue())).as("signed with %s's secret", sent.getKey().id()).isTrue();
            await().atMost(WAIT).ignoreExceptions().until(() -> webhookDelivered(api, sent.getKey(), sent.getValue().idempotencyKey()));
        }
        String runId = body(kzAlert).path("run_id").asString();
        assertThat(body(uzAlert).path("run_id").asString()).isEqualTo(runId);
        JsonNode waiting = api.get("/api/v1/playbook-runs/" + runId, admin);
        assertThat(waiting.path("status").asString()).as("the run waits for acknowledgements when the hub is killed")
                .isEqualTo("waiting");
        Instant deadline = Instant.parse(waiting.path("waiting").path("deadline").asString());
        assertThat(deadline).as("the deadline is still ahead at the kill (else this box is too slow for %s)", ACK_WITHIN)
                .isAfter(Instant.now().plusSeconds(2));

        Instant killed = Instant.now();
        hub.kill();
        assertThat(receiver.received()).as("nothing but the two alerts before the kill").hasSize(2);

        hub = start();
        NotifyHub restarted = api(hub, admin);
        WebhookReceiver.Received escalation = awaitWebhook("/soc", ESCALATION);
        assertThat(signedWith(soc, escalation)).as("signed with %s's secret", soc.id()).isTrue();
        assertThat(body(escalation).path("run_id").asString()).isEqualTo(runId);

        await().atMost(WAIT).ignoreExceptions().until(() -> restarted.get("/api/v1/playbook-runs/" + runId, admin).path("status").asString()
                .equals("completed"));
        JsonNode run = restarted.get("/api/v1/playbook-runs/" + runId, admin);
        assertThat(run.path("escalated").asBoolean()).isTrue();
        assertThat(run.path("playbook_id").asString()).isEqualTo(PLAYBOOK);
        assertThat(run.path("playbook_version").asInt()).isEqualTo(1);
        assertThat(run.path("playbook_sha256").asString()).isEqualTo(Hashes.sha256(yaml))
                .isEqualTo(restarted.get(versionPath(), admin).path("sha256").asString());
        Instant deadlinePassed = Instant.parse(entry(run, "deadline-passed").path("at").asString());
        assertThat(deadlinePassed).as("fired by the restarted hub, not before the deadline").isAfterOrEqualTo(deadline)
                .isAfter(killed);

        // Strictly once per key, the alerts included: both were recorded as delivered before the kill.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(receiver.received()).extracting(WebhookReceiver.Received::idempotencyKey)
                        .containsExactlyInAnyOrder(kzAlert.idempotencyKey(), uzAlert.idempotencyKey(), escalation.idempotencyKey()));
        passed = true;
        System.out.printf("kill -9 mid-run: killed %.1f s before the deadline; the restarted hub fired it %.1f s after it%n",
                Duration.between(killed, deadline).toMillis() / 1e3, Duration.between(deadline, deadlinePassed).toMillis() / 1e3);
    }

    /**
     * The hub as its own process on {@code dataDir}: the demo community, this test's playbook
     * directory only (no shipped playbook runs), webhook retries and rescans in fractions of a second.
     */
    private HubProcess start() throws IOException {
        HubProcess started = HubProcess.start(dataDir, Optional.of("768m"), START, List.of(
                "--certhub.local.elasticsearch.heap=512MB",
                "--certhub.tenancy.demo.enabled=true",
                "--certhub.playbook.directory=" + dataDir.resolve("playbooks"),
                "--certhub.playbook.reload-interval=500ms",
                "--certhub.notify.webhook-timeout=5s",
                "--certhub.notify.delivery.initial-back-off=500ms",
                "--certhub.notify.delivery.max-back-off=2s",
                "--certhub.notify.delivery.poll-interval=250ms"));
        started.awaitReady(START);
        return started;
    }

    private static NotifyHub api(HubProcess hub, String adminKey) {
        return new NotifyHub(hub.uri().getPort(), adminKey, java.util.Map.of("bootstrap.servers", "unused:9092"), NotificationRequested.DEFAULT_TOPIC);
    }

    /** Tell both affected CERTs by webhook, expect both acks within {@link #ACK_WITHIN}, else escalate to {@code escalateTo}. */
    private static String playbook(String escalateTo) {
        return """
                id: %s
                version: 1
                title: Kill mid-run test
                owner: kz-cert
                trigger:
                  on: correlation
                  when:
                    min-certs: 2
                    observable-types: [ipv4]
                steps:
                  - id: %s
                    type: notify
                    recipients: [{to: affected-certs, role: duty-officer}]
                    channels: [webhook]
                    message:
                      subject: "Shared address {{subject.value}}"
                      text: "Seen by {{subject.certs}}; acknowledge by {{ack.deadline}}"
                  - id: wait
                    type: expect-ack
                    from: %s
                    require: all
                    within: PT%dS
                  - id: %s
                    type: escalate
                    recipients: [{to: %s, role: coordination-desk}]
                    channels: [webhook]
                    message:
                      subject: "Escalation {{subject.id}}"
                      text: "Not acknowledged: {{run.id}}"
                """.formatted(PLAYBOOK, ALERT, ALERT, ACK_WITHIN.toSeconds(), ESCALATION, escalateTo);
    }

    private static String versionPath() {
        return "/api/v1/playbooks/" + PLAYBOOK + "/versions/1";
    }

    private WebhookReceiver.Received awaitWebhook(String path, String stepId) {
        return await().atMost(WAIT).until(() -> receiver.received().stream()
                .filter(post -> post.path().equals(path) && body(post).path("step_id").asString().equals(stepId))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Whether the hub has recorded the recipient's webhook as delivered (as the recipient sees it in its inbox). */
    private static boolean webhookDelivered(NotifyHub api, NotifyHub.Recipient recipient, String notificationId) {
        for (JsonNode channel : api.get("/api/v1/notifications/" + notificationId, recipient.apiKey()).path("channels")) {
            if (channel.path("channel").asString().equals("webhook")) {
                return channel.path("state").asString().equals("delivered");
            }
        }
        return false;
    }

    private static boolean signedWith(NotifyHub.Recipient recipient, WebhookReceiver.Received post) {
        return WebhookSignature.verify(recipient.webhookSecret().getBytes(StandardCharsets.UTF_8), post.signature(), post.body());
    }

    private static JsonNode body(WebhookReceiver.Received post) {
        return NotifyHub.read(new String(post.body(), StandardCharsets.UTF_8));
    }

    private static JsonNode entry(JsonNode run, String kind) {
        for (JsonNode entry : run.path("timeline")) {
            if (entry.path("kind").asString().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " in the timeline of " + run.path("run_id").asString());
    }
}
