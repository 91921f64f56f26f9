package org.certhub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.CorrelationFound;
import org.certhub.notify.NotificationRequested;
import org.certhub.notify.NotifyHub;
import org.certhub.notify.NotifyProperties;
import org.certhub.notify.WebhookReceiver;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's subject reaches nobody who may not see it. The shipped phishing playbook (its trigger
 * narrowed to one incident type so that other tests' incidents do not run it) runs on a TLP:RED
 * incident of uz-cert: the other member CERTs learn only the blind entry (whom to contact, at which
 * level) in their run list, run view, inbox, webhook and console; the partner asked for a takedown
 * hears nothing at all; a TLP:AMBER incident reaches the members whole and the partner not at all.
 * A correlation held only at TLP:RED by two CERTs is, to a third, the blind entry.
 */
@HubIntegrationTest
class RestrictedRunSubjectIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PHISHING = "it-restricted-phishing";
    private static final String CORRELATION_PLAYBOOK = "it-restricted-correlation";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().build();

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    PlaybookRegistry registry;

    @Autowired
    RunIds runIds;

    @Autowired
    PlaybookProperties properties;

    @Autowired
    NotifyProperties notify;

    @Autowired
    KafkaProperties kafkaProperties;

    @LocalServerPort
    int port;

    private DemoKeys keys;
    private NotifyHub hub;
    private WebhookReceiver receiver;
    private KafkaTestClient kafka;
    private NotifyHub.Recipient member;
    private NotifyHub.Recipient partner;

    @Autowired
    org.springframework.core.env.Environment environment;

    @BeforeEach
    void releasePlaybooksAndMeetTheRecipients() throws IOException {
        keys = new DemoKeys(tenancy);
        receiver = WebhookReceiver.start();
        kafka = new KafkaTestClient(kafkaProperties);
        hub = new NotifyHub(port, keys.of("admin"), org.certhub.EngineClients.kafka(environment),
                NotificationRequested.DEFAULT_TOPIC);
        member = hub.cert("TJ", receiver.url("/member"), Map.of("duty-officer", "duty@member.example"));
        partner = partner(receiver.url("/partner"));
        String shipped = Files.readString(Path.of("playbooks/phishing-disinformation/v1.yaml"));
        String copy = shipped.replace("id: phishing-disinformation", "id: " + PHISHING)
                .replace("types: [phishing, impersonation, disinformation, deepfake, social-engineering]", "types: [impersonation]")
                .replace("to: regional-soc", "to: " + partner.id());
        assertThat(copy).contains("types: [impersonation]").contains("to: " + partner.id());
        int version = registry.version(PHISHING, 1).isEmpty() ? 1 : registry.versions(PHISHING).size() + 1;
        TestPlaybooks.write(properties.directory(), PHISHING, version, copy.replace("version: 1", "version: " + version));
        if (registry.version(CORRELATION_PLAYBOOK, 1).isEmpty()) {
            TestPlaybooks.write(properties.directory(), CORRELATION_PLAYBOOK, 1, """
                    id: it-restricted-correlation
                    version: 1
                    title: Restricted correlation test
                    owner: kz-cert
                    trigger:
                      on: correlation
                      when: {min-certs: 2, observable-types: [asn]}
                    steps:
                      - id: tell-everyone
                        type: notify
                        recipients: [all-members, regional-soc]
                        channels: [kafka]
                        message: {subject: "Shared {{subject.value}}", text: "{{subject.value}} seen by {{subject.certs}}, {{subject.id}}"}
                    """);
        }
        await().atMost(WAIT).until(() -> registry.version(PHISHING, version).isPresent()
                && registry.version(CORRELATION_PLAYBOOK, 1).isPresent());
    }

    @AfterEach
    void close() {
        receiver.close();
        kafka.close();
    }

    @Test
    void aRedIncidentsRunShowsOtherCertsOnlyTheBlindEntryAndThePartnerNothing() throws Exception {
        String secret = "Minister-" + UUID.randomUUID();
        String incident = submitIncident("uz-cert", Tlp.RED, secret);
        String runId = runOf(incident);
        // Whatever else kz-cert may see (other tests' runs) never names this incident or its run; its blind
        // entries and notices do not even name the classification or the playbook.
        List<String> unique = List.of(incident, secret, runId);
        List<String> forbidden = List.of(incident, secret, runId, "impersonation", PHISHING, "Phishing", "phishing");

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(api("uz-cert", "/api/v1/playbook-runs/" + runId).path("status")
                .asString()).isEqualTo("waiting"));
        JsonNode owned = api("uz-cert", "/api/v1/playbook-runs/" + runId);
        assertThat(owned.path("subject").path("title").asString()).isEqualTo(secret);
        assertThat(owned.path("timeline").toString()).contains("recipient-skipped").contains(partner.id());

        JsonNode blind = api("kz-cert", "/api/v1/playbook-runs/" + runId);
        assertThat(names(blind)).containsExactlyInAnyOrder("blind", "cert", "contact", "tlp", "notification_ids");
        assertThat(blind.path("blind").asBoolean()).isTrue();
        assertThat(blind.path("cert").asString()).isEqualTo("uz-cert");
        String contact = blind.path("contact").asString();
        assertThat(contact).isNotBlank();
        assertThat(blind.path("tlp").asString()).isEqualTo("TLP:RED");
        String kzNotification = blind.path("notification_ids").get(0).asString();
        // Listings are searches: the run's last change becomes searchable within a refresh.
        await().atMost(WAIT).untilAsserted(() -> assertThat(api("kz-cert", "/api/v1/playbook-runs?limit=500").path("runs"))
                .anySatisfy(run -> assertThat(run).isEqualTo(blind)));
        JsonNode listed = api("kz-cert", "/api/v1/playbook-runs?limit=500");
        assertThat(api("kz-cert", "/api/v1/playbook-runs?incident=" + incident).path("runs")).isEmpty();
        assertThat(api("kz-cert", "/api/v1/playbook-runs?playbook=" + PHISHING).path("runs")).isEmpty();
        assertNothingNames(listed.toString(), unique);
        assertNothingNames(blind.toString(), forbidden);
        assertThat(get("kz-cert", "/api/v1/incidents/" + incident + "/status").statusCode()).isEqualTo(404);

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(api("kz-cert", "/api/v1/notifications?limit=500").path("notifications")
                .findValuesAsString("notification_id")).contains(kzNotification));
        JsonNode inbox = api("kz-cert", "/api/v1/notifications?limit=500");
        JsonNode notice = stream(inbox.path("notifications")).filter(n -> n.path("notification_id").asString().equals(kzNotification))
                .findFirst().orElseThrow();
        assertThat(notice.path("blind").asBoolean()).isTrue();
        assertThat(notice.path("cert").asString()).isEqualTo("uz-cert");
        assertThat(notice.path("subject").asString()).contains(contact).contains("TLP:RED");
        assertThat(notice.has("run_id") || notice.has("playbook_id") || notice.has("step_id") || notice.has("subject_id")).isFalse();
        assertNothingNames(inbox.toString(), unique);
        assertNothingNames(notice.toString(), forbidden);
        assertThat(send("POST", "/api/v1/notifications/" + kzNotification + "/ack", "kz-cert").statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> !receiver.received().stream().filter(r -> r.path().equals("/member")).toList().isEmpty());
        for (WebhookReceiver.Received post : receiver.received()) {
            assertNothingNames(new String(post.body(), StandardCharsets.UTF_8), forbidden);
        }
        JsonNode webhook = NotifyHub.read(new String(receiver.received().stream().filter(r -> r.path().equals("/member"))
                .findFirst().orElseThrow().body(), StandardCharsets.UTF_8));
        assertThat(webhook.path("blind").asBoolean()).isTrue();
        assertThat(webhook.path("contact").asString()).isEqualTo(contact);

        String console = signIn("kz-responder");
        for (String path : List.of("/console", "/console/runs", "/console/notifications?acknowledged=all")) {
            HttpResponse<String> shown = page(path, console);
            assertThat(shown.statusCode()).as(path).isEqualTo(200);
            assertNothingNames(shown.body(), unique);
        }
        HttpResponse<String> runPage = page("/console/runs/" + runId, console);
        assertThat(runPage.statusCode()).isEqualTo(200);
        assertThat(runPage.body()).contains(contact).contains(kzNotification);
        assertNothingNames(runPage.body().replace("/console/runs/" + runId, ""), forbidden);
        assertThat(page("/console/runs", console).body()).contains(contact);

        assertPartnerHearsNothing(runId, incident);
        assertThat(get("admin", "/api/v1/playbook-runs/" + runId).statusCode()).as("an admin may not see TLP:RED").isEqualTo(404);
    }

    @Test
    void anAmberIncidentReachesTheMembersWholeAndThePartnerNotAtAll() throws Exception {
        String secret = "Deputy-" + UUID.randomUUID();
        String incident = submitIncident("uz-cert", Tlp.AMBER, secret);
        String runId = runOf(incident);

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(api("kz-cert", "/api/v1/playbook-runs/" + runId).path("subject")
                .path("title").asString()).isEqualTo(secret));
        await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(r -> r.path().equals("/member")
                && new String(r.body(), StandardCharsets.UTF_8).contains(secret)));
        assertPartnerHearsNothing(runId, incident);
    }

    @Test
    void aCorrelationHeldOnlyAtRedByTwoCertsIsNotVisibleToAThird() throws Exception {
        String value = "AS" + java.util.concurrent.ThreadLocalRandom.current().nextInt(4_200_000, 4_290_000);
        Instant now = Instant.now();
        CorrelationFound found = new CorrelationFound(CorrelationFound.SCHEMA_VERSION, UUID.randomUUID().toString().replace("-", ""),
                "asn", value, "shared-value", 2, List.of("kz-cert", "tj-cert"), 70, now, now,
                List.of(new CorrelationFound.Holder("kz-cert", "TLP:RED", true), new CorrelationFound.Holder("tj-cert", "TLP:RED", true)));
        kafka.correlation(properties.topics().correlations(), found);
        String runId = runIds.of(CORRELATION_PLAYBOOK, 1, SubjectKind.CORRELATION, found.id());

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(api("kz-cert", "/api/v1/playbook-runs/" + runId).path("status")
                .asString()).isEqualTo("completed"));
        assertThat(api("tj-cert", "/api/v1/playbook-runs/" + runId).path("subject").path("value").asString()).isEqualTo(value);
        JsonNode third = api("uz-cert", "/api/v1/playbook-runs/" + runId);
        assertThat(third.path("blind").asBoolean()).isTrue();
        assertThat(third.path("tlp").asString()).isEqualTo("TLP:RED");
        assertThat(third.path("cert").asString()).isEqualTo("kz-cert");
        List<String> forbidden = List.of(value, found.id(), runId, CORRELATION_PLAYBOOK);
        assertNothingNames(third.toString(), forbidden);
        assertThat(api("uz-cert", "/api/v1/playbook-runs?correlation=" + found.id()).path("runs")).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.requests(runId)).extracting(NotificationRequested::recipient)
                .contains("uz-cert", "kz-cert"));
        for (NotificationRequested request : kafka.requests(runId)) {
            if (!List.of("kz-cert", "tj-cert").contains(request.recipient())) {
                assertThat(request.blindNotice()).as(request.recipient()).isTrue();
                assertNothingNames(request.subject() + request.text(), forbidden);
            }
        }
        assertThat(kafka.requests(runId)).extracting(NotificationRequested::recipient).doesNotContain("regional-soc");
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.readAll(notify.notificationsTopic()).stream()
                .filter(record -> "uz-cert".equals(record.key()))
                .anyMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains("\"blind\":true"))).isTrue());
        for (var record : kafka.readAll(notify.notificationsTopic())) {
            if (!List.of("kz-cert", "tj-cert").contains(record.key())) {
                assertNothingNames(new String(record.value(), StandardCharsets.UTF_8), forbidden);
            }
        }
        assertThat(get("regional-soc", "/api/v1/playbook-runs/" + runId).statusCode()).isIn(403, 404);
    }

    /** The partner's inbox, runs, webhook and Kafka records never name the incident (nor does the demo partner's). */
    private void assertPartnerHearsNothing(String runId, String incident) throws Exception {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(receiver.received()).noneMatch(post -> post.path().equals("/partner"));
            assertThat(apiWith(partner.apiKey(), "/api/v1/notifications?limit=500").path("notifications").toString())
                    .doesNotContain(incident).doesNotContain(runId);
        });
        HttpResponse<String> runs = sendWith("GET", "/api/v1/playbook-runs?limit=500", partner.apiKey());
        assertThat(runs.body()).doesNotContain(incident).doesNotContain(runId);
        HttpResponse<String> run = sendWith("GET", "/api/v1/playbook-runs/" + runId, partner.apiKey());
        assertThat(run.statusCode()).as("a feed reader follows no runs, and this one does not exist for it").isIn(403, 404);
        assertThat(run.body()).doesNotContain(incident);
        assertThat(api("regional-soc", "/api/v1/notifications?limit=500").toString()).doesNotContain(incident);
        for (var record : kafka.readAll(notify.notificationsTopic())) {
            if (partner.id().equals(record.key()) || "regional-soc".equals(record.key())) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(incident);
            }
        }
    }

    private String runOf(String incident) {
        int version = registry.versions(PHISHING).size();
        return runIds.of(PHISHING, version, SubjectKind.INCIDENT, incident);
    }

    /** Submits a phishing-by-impersonation incident of {@code cert} at {@code tlp}, named {@code name}; answers its id. */
    private String submitIncident(String cert, Tlp tlp, String name) {
        String incident = "incident--" + UUID.randomUUID();
        String bundle = """
                {"type": "bundle", "id": "bundle--%s", "objects": [{"type": "incident", "spec_version": "2.1", "id": "%s",
                 "created": "2026-11-29T00:00:00.000Z", "modified": "2026-11-29T00:00:00.000Z", "name": "%s",
                 "description": "Fake site of the %s harvests credentials", "object_marking_refs": ["%s"],
                 "extensions": {"extension-definition--ef765651-680c-498d-9894-99799f2fa126": {"extension_type": "property-extension",
                   "determination": "confirmed", "investigation_status": "open", "criticality": 60, "incident_types": ["impersonation"]}}}]}
                """.formatted(UUID.randomUUID(), incident, name, name, tlp.markingDefinitionId());
        HttpResponse<String> accepted = hub.send("POST", "/api/v1/bundles", keys.of(cert), NotifyHub.read(bundle));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return incident;
    }

    private NotifyHub.Recipient partner(URI webhook) {
        String id = "soc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = hub.send("POST", "/api/v1/admin/principals", keys.of("admin"),
                Map.of("id", id, "kind", "partner", "roles", List.of("feed-reader"), "name", id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> set = hub.send("PUT", "/api/v1/admin/principals/" + id + "/contacts", keys.of("admin"),
                Map.of("emails", List.of("desk@" + id + ".example"), "webhook", Map.of("url", webhook.toString(), "secret", "whsec-" + id),
                        "roles", Map.of("takedown-desk", Map.of("emails", List.of("takedown@" + id + ".example")))));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        return new NotifyHub.Recipient(id, NotifyHub.read(created.body()).path("apiKey").asString(), "whsec-" + id);
    }

    private static void assertNothingNames(String shown, List<String> forbidden) {
        for (String word : forbidden) {
            assertThat(shown).doesNotContain(word);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private JsonNode api(String principal, String path) {
        return apiWith(keys.of(principal), path);
    }

    private JsonNode apiWith(String key, String path) {
        return hub.get(path, key);
    }

    private HttpResponse<String> get(String principal, String path) {
        return send("GET", path, principal);
    }

    private HttpResponse<String> send(String method, String path, String principal) {
        return sendWith(method, path, keys.of(principal));
    }

    private HttpResponse<String> sendWith(String method, String path, String key) {
        return hub.send(method, path, key, null);
    }

    /** Signs a demo console user in through the form; answers the session cookie. */
    private String signIn(String username) throws Exception {
        String password = null;
        for (JsonNode user : JsonMapper.builder().build().readTree(Files.readString(tenancy.demo().usersFile()))) {
            if (user.path("username").asString().equals(username)) {
                password = user.path("password").asString();
            }
        }
        HttpResponse<String> form = page("/console/login", null);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String cookie = cookie(form);
        HttpResponse<String> signedIn = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
        return cookie(signedIn);
    }

    private HttpResponse<String> page(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
