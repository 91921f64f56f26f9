package org.certhub.playbook;

import org.certhub.TestHolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.CorrelationFound;
import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.internal.Hashes;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.RunIds;
import org.certhub.playbook.internal.SubjectKind;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The engine on real Kafka and Elasticsearch, with the tests playing the notify module: they read
 * the notification requests topic and produce acknowledgements to the events topic.
 */
@HubIntegrationTest
class PlaybookEngineIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CROSS_BORDER = "it-cross-border";
    private static final String CORRELATIONS = "certhub.correlations";
    private static final String INCIDENT_PLAYBOOK = "it-incident";

    @Autowired
    PlaybookProperties properties;

    @Autowired
    PlaybookRegistry registry;

    @Autowired
    RunIds runIds;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    RestTestClient http;

    private KafkaTestClient kafka;
    private DemoKeys keys;

    @BeforeEach
    void releaseTheCrossBorderPlaybook() throws Exception {
        kafka = new KafkaTestClient(kafkaProperties);
        keys = new DemoKeys(tenancy);
        if (registry.version(CROSS_BORDER, 1).isEmpty()) {
            TestPlaybooks.write(properties.directory(), CROSS_BORDER, 1, TestPlaybooks.crossBorder(CROSS_BORDER, 1, "domain", "PT5S"));
        }
        await().atMost(WAIT).until(() -> registry.version(CROSS_BORDER, 1).isPresent());
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aCrossCertCorrelationNotifiesBothCertsWithWhatEachMaySee() throws Exception {
        CorrelationFound found = TestPlaybooks.correlation("domain", List.of("kz-cert", "tj-cert"));
        kafka.correlation(CORRELATIONS, found);
        String runId = runIds.of(CROSS_BORDER, 1, SubjectKind.CORRELATION, found.id());

        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).hasSize(2));
        List<NotificationRequested> requests = kafka.requests(runId);
        assertThat(requests).extracting(NotificationRequested::recipient).containsExactlyInAnyOrder("kz-cert", "tj-cert");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.stepId()).isEqualTo("alert");
            assertThat(request.contactRole()).isEqualTo("duty-officer");
            assertThat(request.channels()).containsExactly("webhook", "email");
            assertThat(request.text()).contains(found.value());
            assertThat(request.ackRequired()).isTrue();
            assertThat(request.notificationId()).startsWith("ntf-");
        });
        JsonNode run = get("kz-cert", "/api/v1/playbook-runs/" + runId);
        assertThat(run.path("playbook_version").asInt()).isEqualTo(1);
        assertThat(run.path("playbook_sha256").asString()).isEqualTo(registry.version(CROSS_BORDER, 1).orElseThrow().sha256());
        assertThat(run.path("timeline").toString()).contains("run-started").contains("notification-requested");
        http.get().uri("/api/v1/playbook-runs/" + runId).header("Authorization", "Bearer " + keys.of("uz-cert")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anAcknowledgementBeforeTheDeadlinePreventsTheEscalation() throws Exception {
        CorrelationFound found = TestPlaybooks.correlation("domain", List.of("kg-cert", "uz-cert"));
        kafka.correlation(CORRELATIONS, found);
        String runId = runIds.of(CROSS_BORDER, 1, SubjectKind.CORRELATION, found.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).hasSize(2));

        for (NotificationRequested request : kafka.requests(runId)) {
            kafka.acknowledge(request);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("admin", "/api/v1/playbook-runs/" + runId)
                .path("status").asString()).isEqualTo("completed"));
        JsonNode run = get("admin", "/api/v1/playbook-runs/" + runId);
        assertThat(run.path("escalated").asBoolean()).isFalse();
        assertThat(run.path("timeline").toString()).contains("acknowledged").contains("ack-complete").contains("step-skipped");
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kafka.requests(runId))
                .extracting(NotificationRequested::stepId).containsOnly("alert"));
    }

    @Test
    void aMissingAcknowledgementEscalatesAtTheDeadline() throws Exception {
        CorrelationFound found = TestPlaybooks.correlation("domain", List.of("kz-cert", "cn-cert"));
        kafka.correlation(CORRELATIONS, found);
        String runId = runIds.of(CROSS_BORDER, 1, SubjectKind.CORRELATION, found.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).hasSize(2));
        kafka.acknowledge(kafka.requests(runId).get(0));

        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).extracting(NotificationRequested::stepId)
                .contains("escalate"));
        NotificationRequested escalation = kafka.requests(runId).stream().filter(r -> r.stepId().equals("escalate")).findFirst().orElseThrow();
        NotificationRequested alert = kafka.requests(runId).stream().filter(r -> r.stepId().equals("alert")).findFirst().orElseThrow();
        assertThat(escalation.recipient()).isEqualTo("regional-soc");
        assertThat(escalation.text()).doesNotContain(found.value());
        assertThat(Duration.between(alert.requestedAt(), escalation.requestedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode run = get("admin", "/api/v1/playbook-runs/" + runId);
            assertThat(run.path("escalated").asBoolean()).isTrue();
            assertThat(run.path("timeline").toString()).contains("deadline-passed").contains("publication-requested");
        });
        assertThat(kafka.requests(runId)).filteredOn(r -> r.stepId().equals("escalate")).hasSize(1);
    }

    @Test
    void aCorrelationThatGrowsDoesNotStartASecondRun() throws Exception {
        CorrelationFound found = TestPlaybooks.correlation("domain", List.of("kz-cert", "tj-cert"));
        kafka.correlation(CORRELATIONS, found);
        String runId = runIds.of(CROSS_BORDER, 1, SubjectKind.CORRELATION, found.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).hasSize(2));

        kafka.correlation(CORRELATIONS, new CorrelationFound(found.schemaVersion(), found.id(), found.valueType(), found.value(),
                found.rule(), 3, List.of("kz-cert", "tj-cert", "uz-cert"), 80, found.firstSeen(), found.lastSeen(),
                TestHolders.green("kz-cert", "tj-cert", "uz-cert")));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kafka.requests(runId))
                .extracting(NotificationRequested::recipient).doesNotContain("uz-cert"));
        assertThat(get("admin", "/api/v1/playbook-runs?correlation=" + found.id()).path("runs")).hasSize(1);
    }

    @Test
    void aNewVersionIsPickedUpWithoutRestartWhileOldRunsKeepTheirVersionAndAnInPlaceEditIsRefused() throws Exception {
        String id = "it-versions";
        TestPlaybooks.write(properties.directory(), id, 1, TestPlaybooks.crossBorder(id, 1, "url", "PT1H"));
        await().atMost(WAIT).until(() -> registry.newest(id).isPresent());
        String v1Hash = registry.version(id, 1).orElseThrow().sha256();
        CorrelationFound first = TestPlaybooks.correlation("url", List.of("kz-cert", "uz-cert"));
        kafka.correlation(CORRELATIONS, first);
        String firstRun = runIds.of(id, 1, SubjectKind.CORRELATION, first.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(firstRun)).hasSize(2));

        String v2 = TestPlaybooks.crossBorder(id, 2, "url", "PT2H");
        TestPlaybooks.write(properties.directory(), id, 2, v2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/playbooks/" + id).path("versions")).hasSize(2));
        CorrelationFound second = TestPlaybooks.correlation("url", List.of("kz-cert", "uz-cert"));
        kafka.correlation(CORRELATIONS, second);
        String secondRun = runIds.of(id, 2, SubjectKind.CORRELATION, second.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(secondRun)).hasSize(2));

        assertThat(get("kz-cert", "/api/v1/playbook-runs/" + firstRun).path("playbook_sha256").asString()).isEqualTo(v1Hash);
        assertThat(get("kz-cert", "/api/v1/playbook-runs/" + secondRun).path("playbook_sha256").asString()).isEqualTo(Hashes.sha256(v2));
        JsonNode version2 = get("kz-cert", "/api/v1/playbooks/" + id + "/versions/2");
        assertThat(version2.path("yaml").asString()).isEqualTo(v2);
        assertThat(version2.path("sha256").asString()).isEqualTo(Hashes.sha256(v2));

        Files.writeString(properties.directory().resolve(id).resolve("v1.yaml"),
                TestPlaybooks.crossBorder(id, 1, "url", "PT1H").replace("title: Cross-border", "title: Edited"));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode refused = get("kz-cert", "/api/v1/playbooks/" + id).path("refused");
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0).path("file").asString()).isEqualTo(id + "/v1.yaml");
            assertThat(refused.get(0).path("version").asInt()).isEqualTo(1);
            assertThat(refused.get(0).path("errors").get(0).path("message").asString()).contains("version 1 of playbook '" + id + "'");
        });
        assertThat(get("kz-cert", "/api/v1/playbooks/" + id + "/versions/1").path("sha256").asString()).isEqualTo(v1Hash);
    }

    @Test
    void runsAreListedForTheirParticipantsWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            kafka.correlation(CORRELATIONS, TestPlaybooks.correlation("domain", List.of("tm-cert", "kg-cert")));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("tm-cert", "/api/v1/playbook-runs?playbook=" + CROSS_BORDER
                + "&limit=50").path("runs").size()).isGreaterThanOrEqualTo(3));
        JsonNode first = get("tm-cert", "/api/v1/playbook-runs?playbook=" + CROSS_BORDER + "&limit=2");
        assertThat(first.path("runs")).hasSize(2);
        JsonNode second = get("tm-cert", "/api/v1/playbook-runs?playbook=" + CROSS_BORDER + "&limit=2&cursor=" + first.path("next").asString());
        assertThat(second.path("runs").get(0).path("run_id")).isNotIn(first.path("runs").get(0).path("run_id"),
                first.path("runs").get(1).path("run_id"));
        assertThat(first.path("runs").get(0).path("participants").toString()).contains("tm-cert");
        http.get().uri("/api/v1/playbook-runs?status=lost").header("Authorization", "Bearer " + keys.of("tm-cert")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].pointer").isEqualTo("status");
        http.get().uri("/api/v1/playbook-runs?cursor=garbage").header("Authorization", "Bearer " + keys.of("tm-cert")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void anIncidentSubmittedThroughTheApiTriggersAnIncidentPlaybook() throws Exception {
        releaseTheIncidentPlaybook();
        String incident = submitIncident("kz-cert", Tlp.GREEN, "ransomware");
        String runId = runIds.of(INCIDENT_PLAYBOOK, 1, SubjectKind.INCIDENT, incident);

        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).singleElement().satisfies(request -> {
            assertThat(request.recipient()).isEqualTo("kz-cert");
            assertThat(request.text()).isEqualTo("Pipeline SCADA encrypted (high)");
            assertThat(request.tlp()).isEqualTo(Tlp.GREEN);
        }));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/playbook-runs?incident=" + incident)
                .path("runs").path(0).path("status").asString()).isEqualTo("completed"));
        assertThat(get("kz-cert", "/api/v1/playbook-runs/" + runId).path("timeline").toString()).contains("status-set");
    }

    @Test
    void theStatusASetStatusStepGaveAnIncidentIsReadOnlyByWhoMaySeeTheIncident() throws Exception {
        releaseTheIncidentPlaybook();
        String incident = submitIncident("kz-cert", Tlp.RED, "ransomware");
        String runId = runIds.of(INCIDENT_PLAYBOOK, 1, SubjectKind.INCIDENT, incident);
        String status = "/api/v1/incidents/" + incident + "/status";

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", status).path("status").asString()).isEqualTo("contained"));
        JsonNode set = get("kz-cert", status);
        assertThat(set.path("subject_id").asString()).isEqualTo(incident);
        assertThat(set.path("set_by_run").asString()).isEqualTo(runId);
        assertThat(set.path("updated_at").asString()).isNotBlank();
        JsonNode run = get("kz-cert", "/api/v1/playbook-runs/" + runId);
        assertThat(run.path("subject_status").path("status").asString()).isEqualTo("contained");

        for (String path : List.of(status, "/api/v1/incidents/incident--" + java.util.UUID.randomUUID() + "/status",
                "/api/v1/incidents/indicator--" + java.util.UUID.randomUUID() + "/status")) {
            http.get().uri(path).header("Authorization", "Bearer " + keys.of("uz-cert")).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri(status).exchange().expectStatus().isUnauthorized();
        String untouched = submitIncident("kz-cert", Tlp.RED, "phishing");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kz-cert", "/api/v1/incidents/" + untouched + "/status")
                .path("status").isNull()).isTrue());
    }

    private void releaseTheIncidentPlaybook() throws Exception {
        if (registry.version(INCIDENT_PLAYBOOK, 1).isEmpty()) {
            TestPlaybooks.write(properties.directory(), INCIDENT_PLAYBOOK, 1, """
                    id: it-incident
                    version: 1
                    title: Ransomware incident test
                    owner: kz-cert
                    trigger:
                      on: incident
                      when: {types: [ransomware], min-severity: high}
                    steps:
                      - id: tell-owner
                        type: notify
                        recipients: [affected-certs]
                        channels: [kafka]
                        message: {subject: "Incident {{subject.id}}", text: "{{subject.title}} ({{subject.severity}})"}
                      - id: contain
                        type: set-status
                        status: contained
                    """);
        }
        await().atMost(WAIT).until(() -> registry.version(INCIDENT_PLAYBOOK, 1).isPresent());
    }

    /** Submits an incident of {@code type} through the API as {@code cert}; answers its id. */
    private String submitIncident(String cert, Tlp tlp, String type) {
        String incident = "incident--" + java.util.UUID.randomUUID();
        String bundle = """
                {"type": "bundle", "id": "bundle--%s", "objects": [{"type": "incident", "spec_version": "2.1", "id": "%s",
                 "created": "2026-11-29T00:00:00.000Z", "modified": "2026-11-29T00:00:00.000Z", "name": "Pipeline SCADA encrypted",
                 "object_marking_refs": ["%s"],
                 "extensions": {"extension-definition--ef765651-680c-498d-9894-99799f2fa126": {"extension_type": "property-extension",
                   "determination": "confirmed", "investigation_status": "open", "criticality": 80, "incident_types": ["%s"]}}}]}
                """.formatted(java.util.UUID.randomUUID(), incident, tlp.markingDefinitionId(), type);
        http.post().uri("/api/v1/bundles").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of(cert)).body(bundle).exchange().expectStatus().isAccepted();
        return incident;
    }

    private JsonNode get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
