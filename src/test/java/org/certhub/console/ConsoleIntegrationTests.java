package org.certhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (Debian's headless Chromium) against the hub on real engines: what
 * a responder does, what a hostile description cannot do, and what another CERT never gets to see.
 * The tests save screenshots of the main pages to {@code src/docs/screenshots/} for the README.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    KafkaTemplate<String, byte[]> intakeKafkaTemplate;

    @Autowired
    PlaybookProperties playbooks;

    private Browser browser;
    private DemoKeys keys;
    private Map<String, String> passwords;
    private final String ip = "198." + ThreadLocalRandom.current().nextInt(18, 20) + "."
            + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    private final String secret = "secret" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> restrictedIds = new ArrayList<>();
    private String hostileIncidentId;
    private String correlationId;
    private String runId;

    @BeforeAll
    void shareIncidentsAndStartTheBrowser() throws IOException {
        keys = new DemoKeys(tenancy);
        passwords = new HashMap<>();
        for (JsonNode user : JSON.readTree(Files.readString(tenancy.demo().usersFile()))) {
            passwords.put(user.path("username").asString(), user.path("password").asString());
        }
        // Two versions of a playbook that runs on the shared C2 server's correlation, released before it is found.
        ConsolePlaybook.write(playbooks.directory(), 1, "PT8H");
        ConsolePlaybook.write(playbooks.directory(), 2, "PT4H");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api("kz-cert", "/api/v1/playbooks/" + ConsolePlaybook.ID)
                .path("newest_version").asInt()).isEqualTo(2));
        submit("kz-cert", report(Tlp.GREEN, "KZ sighting of a C2 server", indicator(Tlp.GREEN, "C2 server", ip)));
        submit("uz-cert", report(Tlp.GREEN, "UZ sighting of a C2 server", indicator(Tlp.GREEN, "C2 server", ip)));
        for (Tlp restricted : List.of(Tlp.RED, Tlp.AMBER_STRICT)) {
            String indicator = indicator(restricted, "Indicator " + secret, ip);
            String report = report(restricted, "Report " + secret, indicator);
            restrictedIds.add(idOf(indicator));
            restrictedIds.add(reportIdOf(report));
            submit("kz-cert", report);
        }
        String incident = "{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":\"incident--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-02T10:00:00.000Z\",\"modified\":\"2026-11-02T10:00:00.000Z\","
                + "\"name\":\"Defacement <b>of</b> a ministry site\",\"description\":\"<script>window.certhubPwned = 1; alert('pwned')</script>"
                + "<img src=x onerror=\\\"window.certhubPwned = 2\\\">\",\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}";
        hostileIncidentId = idOf(incident);
        submit("kz-cert", "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + incident + "]}");
        submit("uz-cert", "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":\"attack-pattern\","
                + "\"spec_version\":\"2.1\",\"id\":\"attack-pattern--" + UUID.randomUUID() + "\",\"created\":\"2026-11-20T10:00:00.000Z\","
                + "\"modified\":\"2026-11-20T10:00:00.000Z\",\"name\":\"Web protocols\",\"external_references\":[{\"source_name\":"
                + "\"mitre-attack\",\"external_id\":\"T1071.001\"}],\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}]}");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = api("kz-cert", "/api/v1/correlations?value=" + ip).path("correlations");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("member_count").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(api("kz-cert", "/api/v1/objects/" + hostileIncidentId).path("object").path("id").asString()).isEqualTo(hostileIncidentId);
            // A correlation can be complete before the objects behind it are searchable (another stage, another index).
            assertThat(api("kz-cert", "/api/v1/objects?q=" + secret).toString()).contains(secret);
        });
        correlationId = api("uz-cert", "/api/v1/correlations?value=" + ip).path("correlations").get(0).path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode runs = api("uz-cert", "/api/v1/playbook-runs?playbook=" + ConsolePlaybook.ID + "&correlation=" + correlationId);
            assertThat(runs.path("runs")).hasSize(1);
            assertThat(runs.path("runs").get(0).path("status").asString()).isEqualTo("waiting");
            runId = runs.path("runs").get(0).path("run_id").asString();
            assertThat(api("uz-cert", "/api/v1/playbook-runs/" + runId).path("timeline").findValuesAsString("kind")).contains("delivered");
        });
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResponderFindsACorrelationFromASearchAndOpensItsGraph() {
        browser.signIn("uz-responder", passwords.get("uz-responder"));
        browser.screenshot("dashboard");
        browser.open("/console/search");
        browser.driver.findElement(By.id("values")).sendKeys("8.8.8.8\n" + ip + "\nnot-seen.example.org");
        browser.driver.findElement(By.id("lookup")).click();
        WebElement link = browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".sighting a.correlation-link")));
        assertThat(browser.driver.findElement(By.cssSelector(".sightings")).getText())
                .contains("A restricted report of kz-cert matches this value: contact KZ-CERT.");
        browser.screenshot("search");
        link.click();

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph svg")));
        assertThat(browser.driver.findElement(By.id("correlation-value")).getText()).isEqualTo(ip);
        WebElement graph = browser.driver.findElement(By.cssSelector("#graph svg"));
        assertThat(Integer.parseInt(graph.getDomAttribute("data-nodes"))).isGreaterThanOrEqualTo(6);
        assertThat(graph.findElements(By.cssSelector(".node-blind"))).hasSize(2);
        assertThat(graph.findElements(By.cssSelector(".node-cert"))).hasSize(2);
        browser.screenshot("correlation");
    }

    @Test
    void aResponderAcknowledgesItsCertsNotificationFromThePage() throws Exception {
        String subject = "Shared C2 server " + UUID.randomUUID();
        NotificationRequested request = new NotificationRequested(NotificationRequested.SCHEMA_VERSION,
                "notification-" + UUID.randomUUID(), "run-" + UUID.randomUUID(), "cross-border-c2", 1, "tell-affected",
                "uz-cert", null, List.of("kafka"), subject, "KZ-CERT and UZCERT both report " + ip + ". Please confirm.",
                "correlation", "correlation--" + UUID.randomUUID(), Tlp.GREEN, true, Instant.now().plus(Duration.ofHours(4)),
                Instant.now());
        intakeKafkaTemplate.send(NotificationRequested.DEFAULT_TOPIC, request.notificationId(), request.toJson()).get();
        String path = "/api/v1/notifications/" + request.notificationId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(api("uz-cert", path).path("subject").asString()).isEqualTo(subject));

        browser.signIn("kz-responder", passwords.get("kz-responder"));
        browser.open("/console/notifications?acknowledged=all");
        assertThat(browser.driver.getPageSource()).as("another CERT's inbox").doesNotContain(subject);

        browser.signIn("uz-responder", passwords.get("uz-responder"));
        browser.open("/console/notifications");
        By notification = By.cssSelector("article[data-id='" + request.notificationId() + "']");
        assertThat(browser.driver.findElement(notification).getText()).contains(subject);
        browser.screenshot("notifications");
        WebElement ack = browser.driver.findElement(notification).findElement(By.cssSelector("button.ack"));
        ack.click();
        browser.wait.until(ExpectedConditions.stalenessOf(ack));

        assertThat(api("uz-cert", path).path("acknowledged").asBoolean()).isTrue();
        // The inbox is a search index: the acknowledgement shows in listings once it is refreshed (about a second).
        await().atMost(WAIT).untilAsserted(() -> {
            browser.open("/console/notifications?acknowledged=true");
            assertThat(browser.driver.findElements(notification)).singleElement()
                    .satisfies(shown -> assertThat(shown.findElements(By.cssSelector(".acknowledged"))).hasSize(1));
        });
    }

    @Test
    void anInvalidBundleShowsEachErrorAtTheFieldItConcerns() {
        browser.signIn("kg-responder", passwords.get("kg-responder"));
        browser.open("/console/submit");
        String invalid = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":\"indicator\","
                + "\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID() + "\",\"created\":\"yesterday\","
                + "\"modified\":\"2026-11-01T10:00:00.000Z\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-01T10:00:00Z\"}]}";
        WebElement paste = browser.driver.findElement(By.id("bundle"));
        browser.driver.executeScript("arguments[0].value = arguments[1];", paste, invalid);
        browser.driver.findElement(By.id("submit-bundle")).click();

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        List<WebElement> errors = browser.driver.findElements(By.cssSelector(".field-error"));
        assertThat(errors).extracting(error -> error.getDomAttribute("data-pointer"))
                .contains("/objects/0/created", "/objects/0/pattern");
        assertThat(browser.driver.findElement(By.cssSelector(".object-errors h3")).getText()).startsWith("Object 0: indicator");
        browser.screenshot("submit-errors");
    }

    @Test
    void theLanguageIsChosenPerUserAndKeptAcrossSessions() {
        browser.signIn("tj-responder", passwords.get("tj-responder"));
        browser.open("/console/correlations");
        browser.driver.findElement(By.id("lang-ru")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Корреляции"));
        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");

        browser.signIn("tj-responder", passwords.get("tj-responder"));
        assertThat(browser.driver.findElement(By.id("sign-out")).getText()).isEqualTo("Выйти");
        browser.screenshot("dashboard-ru");
        browser.driver.findElement(By.id("lang-en")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("sign-out"), "Sign out"));
    }

    @Test
    void aScriptInAnIncidentDescriptionIsShownAsTextAndNeverRuns() {
        browser.signIn("uz-responder", passwords.get("uz-responder"));
        browser.open("/console/objects/" + hostileIncidentId);
        WebElement description = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.description")));

        assertThat(description.getText()).contains("<script>window.certhubPwned = 1; alert('pwned')</script>");
        assertThat(browser.driver.findElement(By.id("object-name")).getText()).isEqualTo("Defacement <b>of</b> a ministry site");
        assertThat(browser.driver.findElements(By.cssSelector("main script:not([src]), main img"))).isEmpty();
        assertThat(browser.driver.executeScript("return typeof window.certhubPwned")).isEqualTo("undefined");
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver.findElement(By.cssSelector(".tlp")).getText()).isEqualTo("TLP:GREEN");
        assertThat(browser.driver.findElement(By.id("related-runs")).getText()).as("no playbook runs on incidents here")
                .contains("Playbook runs", "Nothing yet.");
        browser.screenshot("incident");
    }

    @Test
    void aResponderFollowsARunsTimelineAndAcknowledgesFromTheRunPage() {
        browser.signIn("uz-responder", passwords.get("uz-responder"));
        assertThat(browser.driver.findElement(By.id("waiting-runs")).findElements(By.cssSelector("tr.run[data-id='" + runId + "']")))
                .as("the dashboard lists the run waiting for acknowledgement").hasSize(1);
        browser.open("/console/runs?playbook=" + ConsolePlaybook.ID + "&status=waiting");
        WebElement listed = browser.driver.findElement(By.cssSelector("tr.run[data-id='" + runId + "']"));
        assertThat(listed.getText()).contains(ConsolePlaybook.ID + " v2", "waiting for acknowledgement", ip);
        browser.screenshot("runs");
        listed.findElement(By.cssSelector("a.run-link")).click();

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertThat(browser.driver.findElements(By.cssSelector("#timeline li")).stream().map(e -> e.getDomAttribute("data-kind")))
                .contains("run-started", "notification-requested", "delivered", "awaiting-ack");
        assertThat(browser.driver.findElement(By.id("run-waiting")).getText()).contains("kz-cert", "uz-cert");
        browser.screenshot("run");
        WebElement ack = browser.driver.findElement(By.cssSelector("#acknowledge button.ack"));
        ack.click();
        browser.wait.until(ExpectedConditions.stalenessOf(ack));

        // The acknowledgement reaches the run through the notify module's events topic: the timeline shows it then.
        await().atMost(WAIT).untilAsserted(() -> {
            browser.open("/console/runs/" + runId);
            assertThat(browser.driver.findElements(By.cssSelector("#timeline li[data-kind='acknowledged']"))).singleElement()
                    .satisfies(entry -> assertThat(entry.getText()).contains("uz-cert"));
            assertThat(browser.driver.findElements(By.cssSelector("#acknowledge button.ack"))).isEmpty();
        });
        JsonNode run = api("uz-cert", "/api/v1/playbook-runs/" + runId);
        assertThat(run.path("waiting").path("acknowledged").toString()).contains("uz-cert");
        assertThat(run.path("status").asString()).as("kz-cert must acknowledge too").isEqualTo("waiting");
    }

    @Test
    void aResponderComparesTwoVersionsOfAPlaybook() {
        browser.signIn("kz-responder", passwords.get("kz-responder"));
        browser.open("/console/playbooks");
        WebElement playbook = browser.driver.findElement(By.cssSelector("section.playbook[data-id='" + ConsolePlaybook.ID + "']"));
        assertThat(playbook.findElements(By.cssSelector("table.versions tbody tr"))).hasSize(2);
        browser.screenshot("playbooks");
        playbook.findElement(By.cssSelector("button.compare")).click();

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff")));
        assertThat(browser.driver.findElement(By.id("diff-title")).getText()).isEqualTo(ConsolePlaybook.ID + ": v1 → v2");
        assertThat(browser.driver.findElements(By.cssSelector("#diff tr.diff-removed code")).stream().map(e -> e.getText().strip()))
                .containsExactly("version: 1", "within: PT8H");
        assertThat(browser.driver.findElements(By.cssSelector("#diff tr.diff-added code")).stream().map(e -> e.getText().strip()))
                .containsExactly("version: 2", "within: PT4H");
        assertThat(browser.driver.findElements(By.cssSelector("#diff tr.diff-same"))).hasSizeGreaterThan(10);
        browser.screenshot("playbook-diff");

        browser.open("/console/playbooks/" + ConsolePlaybook.ID + "/versions/2");
        assertThat(browser.driver.findElement(By.id("yaml")).getText()).contains(ConsolePlaybook.HOSTILE_DESCRIPTION);
        assertThat(browser.driver.findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(browser.driver.executeScript("return typeof window.certhubPwned")).isEqualTo("undefined");
    }

    @Test
    void anotherCertsResponderGetsNoneOfItsRedOrStrictContentInAnyPageOrDataRequest() {
        browser.signIn("kz-responder", passwords.get("kz-responder"));
        browser.open("/console/search?q=" + secret + "&cert=kz-cert");
        assertThat(browser.driver.getPageSource()).as("the owner finds its own restricted reports and indicators")
                .contains(restrictedIds.toArray(String[]::new));

        browser.signIn("uz-responder", passwords.get("uz-responder"));
        List<String> pages = List.of("/console", "/console/search?q=Report", "/console/search?cert=kz-cert",
                "/console/search?value=" + ip, "/console/correlations", "/console/correlations?value=" + ip,
                "/console/correlations/" + correlationId, "/console/correlations/" + correlationId + "/graph",
                "/console/runs", "/console/runs?playbook=" + ConsolePlaybook.ID, "/console/runs/" + runId,
                "/console/playbooks", "/console/notifications?acknowledged=all");
        for (String page : pages) {
            browser.open(page);
            assertThat(browser.driver.getPageSource()).as(page).doesNotContain(secret);
            restrictedIds.forEach(id -> assertThat(browser.driver.getPageSource()).as(page).doesNotContain(id));
        }
        for (String id : restrictedIds) {
            browser.open("/console/objects/" + id);
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(browser.driver.getPageSource()).doesNotContain(secret);
        }
        browser.open("/console/search");
        browser.driver.findElement(By.id("values")).sendKeys(ip);
        browser.driver.findElement(By.id("lookup")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sightings")));
        assertThat(browser.driver.getPageSource()).doesNotContain(secret);
        restrictedIds.forEach(id -> assertThat(browser.driver.getPageSource()).doesNotContain(id));

        // A CERT outside the correlation follows none of its runs: the run does not exist for it.
        browser.signIn("kg-responder", passwords.get("kg-responder"));
        browser.open("/console/runs?playbook=" + ConsolePlaybook.ID);
        assertThat(browser.driver.findElements(By.cssSelector("tr.run[data-id='" + runId + "']"))).isEmpty();
        browser.open("/console/runs/" + runId);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.driver.getPageSource()).doesNotContain(ip).doesNotContain(secret);
    }

    private void submit(String cert, String bundle) {
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + keys.of(cert))
                .body(bundle).exchange().expectStatus().isAccepted();
    }

    private JsonNode api(String cert, String path) {
        byte[] body = http.get().uri(path).header("Authorization", "Bearer " + keys.of(cert)).exchange()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body == null ? new byte[0] : body);
    }

    private static String report(Tlp tlp, String name, String... objects) {
        List<String> refs = new ArrayList<>();
        for (String object : objects) {
            refs.add("\"" + idOf(object) + "\"");
        }
        String report = "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"report--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"" + name + "\","
                + "\"published\":\"2026-11-01T10:00:00Z\",\"object_refs\":[" + String.join(",", refs) + "],"
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + String.join(",", objects)
                + "," + report + "]}";
    }

    private static String indicator(Tlp tlp, String name, String ip) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"" + name
                + "\",\"pattern_type\":\"stix\",\"pattern\":\"[ipv4-addr:value = '" + ip + "']\",\"valid_from\":\"2026-11-01T10:00:00Z\","
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    private static String idOf(String object) {
        int start = object.indexOf("\"id\":\"") + 6;
        return object.substring(start, object.indexOf('"', start));
    }

    private static String reportIdOf(String bundle) {
        return idOf(bundle.substring(bundle.indexOf("{\"type\":\"report\"")));
    }
}
