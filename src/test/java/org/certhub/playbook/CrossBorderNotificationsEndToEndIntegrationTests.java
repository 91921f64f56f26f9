package org.certhub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;
import org.certhub.DemoKeys;
import org.certhub.EngineClients;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.internal.Correlation;
import org.certhub.notify.Mailbox;
import org.certhub.notify.NotifyHub;
import org.certhub.notify.WebhookReceiver;
import org.certhub.notify.WebhookSignature;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.RunIds;
import org.certhub.playbook.internal.SubjectKind;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The whole chain with nothing played by hand: two CERTs submit incidents through the API that
 * share two IPv4 addresses; the correlation stage finds both cross-CERT matches, the shipped
 * cross-border playbook (copied with a deadline of seconds) runs for each, the notify module signs
 * webhooks to both CERTs and mails their duty officers (GreenMail) an acknowledgement link that
 * works over HTTP. One run is acknowledged by both and never escalates; in the other one CERT stays
 * silent, and at the deadline that CERT's head of operations (not the other's) and the SOC are
 * escalated to. This hub has its own playbook directory, version ledger and topics from the intake
 * on (the stages' consumer groups are fixed, so other hubs of the test JVM share them only on topics
 * that are not these): every stage of this chain runs in this context, with this SMTP server, and
 * its playbook never runs in another context.
 */
@HubIntegrationTest
@TestPropertySource(properties = {
        "certhub.intake.topic=" + CrossBorderNotificationsEndToEndIntegrationTests.INTAKE,
        "certhub.correlation.topics.observations=certhub.observations.it-e2e",
        "certhub.correlation.topics.correlations=" + CrossBorderNotificationsEndToEndIntegrationTests.CORRELATIONS,
        "certhub.playbook.topics.intake=" + CrossBorderNotificationsEndToEndIntegrationTests.INTAKE,
        "certhub.playbook.topics.correlations=" + CrossBorderNotificationsEndToEndIntegrationTests.CORRELATIONS,
        "certhub.playbook.topics.runs=certhub.playbook.runs.it-e2e",
        "certhub.playbook.topics.versions=certhub.playbook.versions.it-e2e",
        "certhub.playbook.topics.publications=certhub.playbook.publications.it-e2e",
        "certhub.playbook.topics.notify-requests=" + CrossBorderNotificationsEndToEndIntegrationTests.REQUESTS,
        "certhub.playbook.topics.notify-events=" + CrossBorderNotificationsEndToEndIntegrationTests.EVENTS,
        "certhub.notify.requests-topic=" + CrossBorderNotificationsEndToEndIntegrationTests.REQUESTS,
        "certhub.notify.events-topic=" + CrossBorderNotificationsEndToEndIntegrationTests.EVENTS,
        "certhub.notify.consumer-group=certhub-notify-it-e2e",
        "certhub.notify.public-base-url=" + Mailbox.PUBLIC_BASE_URL,
        "certhub.notify.webhook-timeout=2s",
        "certhub.notify.delivery.initial-back-off=200ms",
        "certhub.notify.delivery.max-back-off=1s",
        "certhub.notify.delivery.poll-interval=200ms",
        "certhub.playbook.directory=${certhub.local.data-dir}/playbooks-it-e2e",
        "spring.mail.host=127.0.0.1"})
class CrossBorderNotificationsEndToEndIntegrationTests {

    static final String INTAKE = "certhub.intake.it-e2e";
    static final String CORRELATIONS = "certhub.correlations.it-e2e";
    static final String REQUESTS = "certhub.notify.requests.it-e2e";
    static final String EVENTS = "certhub.notify.events.it-e2e";
    private static final String PLAYBOOK = "it-e2e-cross-border";
    /** The shipped version this test copies: the one that escalates to the CERTs that did not acknowledge. */
    private static final int VERSION = 2;
    private static final String ALERT = "alert-affected";
    private static final String ESCALATION = "escalate-heads";
    /** Long enough for the mail to arrive and be acknowledged on a busy 2-core box, short enough to wait for. */
    private static final Duration ACK_WITHIN = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Mailbox SMTP = Mailbox.start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    PlaybookRegistry registry;

    @Autowired
    RunIds runIds;

    @Autowired
    PlaybookProperties properties;

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

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Test
    void incidentsOfTwoCertsSharingAnAddressNotifyBothAndOnlyTheSilentCertIsEscalatedAtTheDeadline() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var kz = hub.cert("KZ", receiver.url("/kz"), Map.of("duty-officer", "duty@kz-" + suffix + ".example",
                "head-of-operations", "head@kz-" + suffix + ".example"));
        var uz = hub.cert("UZ", receiver.url("/uz"), Map.of("duty-officer", "duty@uz-" + suffix + ".example",
                "head-of-operations", "head@uz-" + suffix + ".example"));
        var soc = hub.cert("KZ", receiver.url("/soc"), Map.of("coordination-desk", "desk@soc-" + suffix + ".example"));
        TestPlaybooks.write(properties.directory(), PLAYBOOK, VERSION, shippedCrossBorderPlaybook(soc.id()));
        await().atMost(WAIT).until(() -> registry.version(PLAYBOOK, VERSION).isPresent());
        String answered = randomIp();
        String silent = randomIp();

        for (var cert : List.of(kz, uz)) {
            var accepted = hub.send("POST", "/api/v1/bundles", cert.apiKey(), NotifyHub.read(incidentBundle(answered, silent)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }

        String answeredRun = runOf(answered);
        String silentRun = runOf(silent);
        for (var cert : List.of(kz, uz)) {
            String path = cert == kz ? "/kz" : "/uz";
            for (String run : List.of(answeredRun, silentRun)) {
                await().atMost(WAIT).until(() -> webhook(path, run, ALERT).isPresent());
                WebhookReceiver.Received post = webhook(path, run, ALERT).orElseThrow();
                assertThat(WebhookSignature.verify(cert.webhookSecret().getBytes(StandardCharsets.UTF_8), post.signature(),
                        post.body())).as("signed with " + cert.id() + "'s secret").isTrue();
                JsonNode body = NotifyHub.read(new String(post.body(), StandardCharsets.UTF_8));
                assertThat(body.path("notification_id").asString()).isEqualTo(post.idempotencyKey());
                assertThat(body.path("recipient").asString()).isEqualTo(cert.id());
                assertThat(body.path("text").asString()).contains(run.equals(answeredRun) ? answered : silent);
            }
        }

        acknowledgeByMail("duty@kz-" + suffix + ".example", answered);
        acknowledgeByMail("duty@kz-" + suffix + ".example", silent);
        String uzNotification = webhook("/uz", answeredRun, ALERT).orElseThrow().idempotencyKey();
        assertThat(hub.send("POST", "/api/v1/notifications/" + uzNotification + "/ack", uz.apiKey(), null).statusCode())
                .isEqualTo(200);
        assertThat(mailAbout("duty@uz-" + suffix + ".example", silent)).as("uz-cert was mailed too, and stays silent").isPresent();

        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.get("/api/v1/playbook-runs/" + answeredRun, kz.apiKey())
                .path("status").asString()).isEqualTo("completed"));
        JsonNode completed = hub.get("/api/v1/playbook-runs/" + answeredRun, kz.apiKey());
        assertThat(completed.path("escalated").asBoolean()).isFalse();
        assertThat(completed.path("timeline").toString()).contains("ack-complete").contains("step-skipped");

        await().atMost(WAIT).until(() -> webhook("/uz", silentRun, ESCALATION).isPresent()
                && mailAbout("head@uz-" + suffix + ".example", silentRun).isPresent()
                && mailAbout("desk@soc-" + suffix + ".example", silentRun).isPresent());
        WebhookReceiver.Received escalation = webhook("/uz", silentRun, ESCALATION).orElseThrow();
        assertThat(WebhookSignature.verify(uz.webhookSecret().getBytes(StandardCharsets.UTF_8), escalation.signature(),
                escalation.body())).isTrue();
        JsonNode escalated = hub.get("/api/v1/playbook-runs/" + silentRun, uz.apiKey());
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        JsonNode deadlinePassed = entry(escalated, "deadline-passed");
        assertThat(deadlinePassed.path("detail").asString()).contains(uz.id()).doesNotContain(kz.id());
        Instant alerted = Instant.parse(entry(escalated, "notification-requested").path("at").asString());
        assertThat(Duration.between(alerted, Instant.parse(deadlinePassed.path("at").asString())))
                .isGreaterThanOrEqualTo(ACK_WITHIN);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(SMTP.to("head@kz-" + suffix + ".example")).as("kz-cert acknowledged both: never escalated").isEmpty();
            assertThat(webhook("/kz", silentRun, ESCALATION)).isEmpty();
            assertThat(webhook("/uz", answeredRun, ESCALATION)).isEmpty();
            assertThat(SMTP.to("head@uz-" + suffix + ".example")).hasSize(1);
            assertThat(SMTP.to("desk@soc-" + suffix + ".example")).hasSize(1);
        });
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::idempotencyKey).doesNotHaveDuplicates();
    }

    /** The shipped cross-border playbook as released, with this test's id, SOC and a deadline of seconds. */
    private static String shippedCrossBorderPlaybook(String soc) throws IOException {
        String shipped = Files.readString(Path.of("playbooks", "cross-border-energy-campaign", "v" + VERSION + ".yaml"));
        assertThat(shipped).contains("within: PT4H").contains("to: regional-soc").contains("to: unacknowledged");
        return shipped.replace("id: cross-border-energy-campaign", "id: " + PLAYBOOK)
                .replace("within: PT4H", "within: PT" + ACK_WITHIN.toSeconds() + "S").replace("to: regional-soc", "to: " + soc);
    }

    /** Fetches the acknowledgement link of the mail about {@code value} over HTTP, without credentials. */
    private void acknowledgeByMail(String address, String value) throws Exception {
        MimeMessage mail = await().atMost(WAIT).until(() -> mailAbout(address, value), Optional::isPresent).orElseThrow();
        List<String> parts = Mailbox.textParts(mail);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).contains(value);
        assertThat(parts.get(1)).contains(value);
        String ackPath = Mailbox.ackPath(parts.get(0)).orElseThrow();
        assertThat(hub.send("GET", ackPath, null, null).statusCode()).isEqualTo(200);
    }

    private Optional<MimeMessage> mailAbout(String address, String text) throws Exception {
        for (MimeMessage message : SMTP.to(address)) {
            if (Mailbox.textParts(message).get(0).contains(text)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private Optional<WebhookReceiver.Received> webhook(String path, String runId, String stepId) {
        return receiver.received().stream().filter(post -> {
            JsonNode body = NotifyHub.read(new String(post.body(), StandardCharsets.UTF_8));
            return post.path().equals(path) && body.path("run_id").asString().equals(runId)
                    && body.path("step_id").asString().equals(stepId);
        }).findFirst();
    }

    private static JsonNode entry(JsonNode run, String kind) {
        for (JsonNode entry : run.path("timeline")) {
            if (entry.path("kind").asString().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " in the timeline of " + run.path("run_id").asString());
    }

    private String runOf(String ip) {
        return runIds.of(PLAYBOOK, VERSION, SubjectKind.CORRELATION, Correlation.idOf("ipv4:" + ip));
    }

    /** An intrusion incident with two indicators of its C2 addresses, each indicating the incident; TLP:GREEN. */
    static String incidentBundle(String... ips) {
        String incident = "incident--" + UUID.randomUUID();
        String green = Tlp.GREEN.markingDefinitionId();
        StringBuilder objects = new StringBuilder("""
                {"type": "incident", "spec_version": "2.1", "id": "%s", "created": "2026-11-29T08:00:00.000Z",
                 "modified": "2026-11-29T08:00:00.000Z", "name": "Grid operator intrusion", "object_marking_refs": ["%s"]}"""
                .formatted(incident, green));
        for (String ip : ips) {
            String indicator = "indicator--" + UUID.randomUUID();
            objects.append(",").append("""
                    {"type": "indicator", "spec_version": "2.1", "id": "%s", "created": "2026-11-29T08:00:00.000Z",
                     "modified": "2026-11-29T08:00:00.000Z", "name": "C2 server", "pattern_type": "stix",
                     "pattern": "[ipv4-addr:value = '%s']", "valid_from": "2026-11-29T08:00:00Z", "object_marking_refs": ["%s"]},
                    {"type": "relationship", "spec_version": "2.1", "id": "relationship--%s", "created": "2026-11-29T08:00:00.000Z",
                     "modified": "2026-11-29T08:00:00.000Z", "relationship_type": "indicates", "source_ref": "%s",
                     "target_ref": "%s", "object_marking_refs": ["%s"]}"""
                    .formatted(indicator, ip, green, UUID.randomUUID(), indicator, incident, green));
        }
        return "{\"type\": \"bundle\", \"id\": \"bundle--" + UUID.randomUUID() + "\", \"objects\": [" + objects + "]}";
    }

    static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
