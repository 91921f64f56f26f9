package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.notify.WebhookSignature;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook subscriptions against a real local receiver: what each kind of principal receives of
 * another CERT's objects at every TLP level, signatures, idempotency keys, retries, pause and
 * resume with a visible backlog, the failing state, and the API's own rules.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "a-receiver-secret-of-enough-length-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    private DemoKeys keys;
    private WebhookReceiver receiver;

    @BeforeAll
    void startReceiver() throws IOException {
        keys = new DemoKeys(tenancy);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachSubscriberReceivesWhatTheSharingPolicyAllowsSigned() {
        subscribe("regional-soc", "/matrix/partner", "{}");
        subscribe("uz-cert", "/matrix/member", "{}");
        subscribe("kz-cert", "/matrix/own", "{}");
        FeedBundles bundle = FeedBundles.everyLevel();
        submit("kz-cert", bundle);

        assertThat(receivedIds("/matrix/partner", bundle)).containsExactlyInAnyOrderElementsOf(
                bundle.idsOf(Tlp.CLEAR, Tlp.GREEN));
        assertThat(receivedIds("/matrix/member", bundle)).containsExactlyInAnyOrderElementsOf(
                bundle.idsOf(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
        assertThat(receivedIds("/matrix/own", bundle)).containsExactlyInAnyOrderElementsOf(bundle.allIds());
        for (WebhookReceiver.Received delivery : receiver.at("/matrix/partner")) {
            assertThat(WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8), delivery.signature(), delivery.body()))
                    .isTrue();
            assertThat(WebhookSignature.verify("another-secret".getBytes(StandardCharsets.UTF_8), delivery.signature(),
                    delivery.body())).isFalse();
            assertThat(delivery.idempotencyKey()).isNotBlank();
            assertThat(delivery.contentType()).isEqualTo("application/stix+json;version=2.1");
            assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).doesNotContain(bundle.id(Tlp.AMBER))
                    .doesNotContain(bundle.id(Tlp.AMBER_STRICT)).doesNotContain(bundle.id(Tlp.RED));
        }
    }

    @Test
    void filterByTypeAndMaxTlpNarrowsWhatArrives() {
        subscribe("kg-cert", "/filtered/tlp", "{\"types\":[\"malware\"],\"max_tlp\":\"TLP:GREEN\"}");
        String types = subscribe("kg-cert", "/filtered/type", "{\"types\":[\"indicator\"]}");
        FeedBundles bundle = FeedBundles.everyLevel();
        submit("tj-cert", bundle);
        assertThat(receivedIds("/filtered/tlp", bundle)).containsExactlyInAnyOrderElementsOf(
                bundle.idsOf(Tlp.CLEAR, Tlp.GREEN));
        // Once the indicator subscription has passed the submission, it has had its chance to receive it.
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kg-cert", types).path("backlog").asLong()).isZero());
        assertThat(objectIds("/filtered/type")).doesNotContainAnyElementsOf(bundle.allIds());
    }

    @Test
    void receiverDownThenUpGetsEveryBatchOnceUnderOneKey() {
        receiver.answer("/flaky", 503);
        String id = subscribe("tm-cert", "/flaky", "{}");
        FeedBundles bundle = new FeedBundles(Tlp.GREEN);
        submit("kz-cert", bundle);
        await().atMost(WAIT).until(() -> receiver.at("/flaky").size() >= 3);
        assertThat(get("tm-cert", id).path("last_error").asString()).isEqualTo("HTTP 503");
        receiver.answer("/flaky", 200);

        assertThat(receivedIds("/flaky", bundle)).containsExactlyInAnyOrderElementsOf(bundle.allIds());
        List<WebhookReceiver.Received> attempts = receiver.at("/flaky");
        assertThat(attempts.stream().map(WebhookReceiver.Received::idempotencyKey).distinct()).hasSize(1);
        assertThat(attempts.stream().filter(attempt -> attempt.answered() == 200)).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = get("tm-cert", id);
            assertThat(status.path("state").asString()).isEqualTo("active");
            assertThat(status.path("last_delivery_at").isString()).isTrue();
            assertThat(status.path("backlog").asLong()).isZero();
        });
    }

    @Test
    void pausedSubscriptionShowsItsBacklogAndResumeDeliversIt() {
        String id = subscribe("kg-cert", "/paused", "{}");
        JsonNode paused = post("kg-cert", "/api/v1/subscriptions/" + id + "/pause").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(paused.path("state").asString()).isEqualTo("paused");
        FeedBundles first = new FeedBundles(Tlp.GREEN);
        FeedBundles second = new FeedBundles(Tlp.CLEAR);
        submit("uz-cert", first);
        submit("uz-cert", second);

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kg-cert", id).path("backlog").asLong())
                .isGreaterThanOrEqualTo(2));
        assertThat(objectIds("/paused")).isEmpty();

        post("kg-cert", "/api/v1/subscriptions/" + id + "/resume").expectStatus().isOk();
        // Order is kept per intake partition only: the two submissions may arrive either way round.
        assertThat(receivedIds("/paused", first)).containsExactlyInAnyOrderElementsOf(first.allIds());
        assertThat(receivedIds("/paused", second)).containsExactlyInAnyOrderElementsOf(second.allIds());
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("kg-cert", id).path("backlog").asLong()).isZero());
    }

    @Test
    void deliveryRefusedPastTheRetryAgeTurnsFailingUntilResumed() {
        receiver.answer("/down", 500);
        String id = subscribe("cn-cert", "/down", "{}");
        FeedBundles bundle = new FeedBundles(Tlp.GREEN);
        submit("kz-cert", bundle);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = get("cn-cert", id);
            assertThat(status.path("state").asString()).isEqualTo("failing");
            assertThat(status.path("failing_since").isString()).isTrue();
            assertThat(status.path("last_error").asString()).isEqualTo("HTTP 500");
            assertThat(status.path("backlog").asLong()).isPositive();
        });
        int attempts = receiver.at("/down").size();
        receiver.answer("/down", 200);
        assertThat(receiver.at("/down")).hasSize(attempts);

        JsonNode resumed = post("cn-cert", "/api/v1/subscriptions/" + id + "/resume").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(resumed.path("state").asString()).isEqualTo("active");
        assertThat(receivedIds("/down", bundle)).containsExactlyInAnyOrderElementsOf(bundle.allIds());
    }

    @Test
    void receiverAnsweringGoneTurnsFailingAtOnceWithoutRetries() {
        receiver.answer("/gone", 410);
        String id = subscribe("tj-cert", "/gone", "{}");
        submit("kz-cert", new FeedBundles(Tlp.GREEN));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = get("tj-cert", id);
            assertThat(status.path("state").asString()).isEqualTo("failing");
            assertThat(status.path("last_error").asString()).isEqualTo("HTTP 410");
        });
        assertThat(receiver.at("/gone")).hasSize(1);
    }

    @Test
    void metadataInternalAndNonHttpTargetsAreRefusedWith422() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
                "http://[fe80::1]/hook", "http://0.0.0.0:8080/", "http://127.0.0.2/", "http://[::ffff:127.0.0.2]/",
                "http://10.1.2.3/", "http://0x7f.2/")) {
            assertThat(refused(url)).as(url).isEqualTo("public-target");
        }
        // The tests open 127.0.0.1 as an on-premise receiver: written in octal it is still refused.
        assertThat(refused("http://0177.0.0.1/hook")).isEqualTo("canonical-address");
        assertThat(refused("file:///etc/passwd")).isEqualTo("http-url");
        assertThat(refused("https://user:pw@example.org/hook")).isEqualTo("http-url");
    }

    @Test
    void invalidRequestsNameEveryBrokenRule() {
        JsonNode problem = http.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer("regional-soc"))
                .body("{\"secret\":\"short\",\"filter\":{\"types\":[\"Not A Type\"],\"max_tlp\":\"PURPLE\","
                        + "\"observable_types\":[\"ipv4\",\"dna\"]}}")
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("type").asString()).endsWith("/invalid-subscription");
        Map<String, String> rules = new java.util.HashMap<>();
        problem.path("errors").forEach(error -> rules.put(error.path("pointer").asString(), error.path("rule").asString()));
        assertThat(rules).containsEntry("/url", "required-string").containsEntry("/secret", "secret-length")
                .containsEntry("/filter/types/0", "stix-type").containsEntry("/filter/max_tlp", "tlp-level")
                .containsEntry("/filter/observable_types/1", "observable-type");

        http.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer("regional-soc")).body("{\"url\": ").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").value(type ->
                        assertThat(type.toString()).endsWith("/malformed-json"));
    }

    @Test
    void othersSubscriptionsDoNotExistAndSecretsNeverComeBack() {
        String id = subscribe("kz-cert", "/private", "{}");
        http.get().uri("/api/v1/subscriptions/" + id).header("Authorization", bearer("uz-cert")).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("uz-cert", "/api/v1/subscriptions/" + id + "/pause").expectStatus().isNotFound();
        http.delete().uri("/api/v1/subscriptions/" + id).header("Authorization", bearer("uz-cert")).exchange()
                .expectStatus().isNotFound();
        String theirs = http.get().uri("/api/v1/subscriptions").header("Authorization", bearer("uz-cert")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(theirs).doesNotContain(id);
        String mine = http.get().uri("/api/v1/subscriptions").header("Authorization", bearer("kz-cert")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(mine).contains(id).doesNotContain(SECRET).doesNotContain("secret");
        assertThat(get("kz-cert", id).toString()).doesNotContain(SECRET);
    }

    @Test
    void deletedSubscriptionIsGoneAndReceivesNothingMore() {
        String id = subscribe("kz-cert", "/deleted", "{}");
        http.delete().uri("/api/v1/subscriptions/" + id).header("Authorization", bearer("kz-cert")).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/v1/subscriptions/" + id).header("Authorization", bearer("kz-cert")).exchange()
                .expectStatus().isNotFound();
        FeedBundles bundle = new FeedBundles(Tlp.CLEAR);
        subscribe("kz-cert", "/after-delete", "{}");
        submit("uz-cert", bundle);
        receivedIds("/after-delete", bundle);
        assertThat(receiver.at("/deleted")).isEmpty();
    }

    @Test
    void onlyFeedReadersAndResponderCertsSubscribe() {
        http.get().uri("/api/v1/subscriptions").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer("admin")).body(body("/admin", "{}")).exchange()
                .expectStatus().isForbidden();
    }

    private String refused(String url) {
        JsonNode problem = http.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer("regional-soc"))
                .body("{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}").exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("type").asString()).endsWith("/refused-target");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/url");
        return problem.path("errors").get(0).path("rule").asString();
    }

    private String subscribe(String principal, String path, String filter) {
        JsonNode created = http.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer(principal)).body(body(path, filter)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.toString()).doesNotContain(SECRET);
        assertThat(created.path("state").asString()).isEqualTo("active");
        return created.path("id").asString();
    }

    private String body(String path, String filter) {
        return "{\"url\":\"" + receiver.url(path) + "\",\"secret\":\"" + SECRET + "\",\"filter\":" + filter + "}";
    }

    private void submit(String principal, FeedBundles bundle) {
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(principal))
                .body(bundle.json()).exchange().expectStatus().isAccepted();
    }

    /** Waits for the bundle's sentinel at {@code path}; then the ids of the bundle's objects received there (2xx answered). */
    private List<String> receivedIds(String path, FeedBundles bundle) {
        await().atMost(WAIT).until(() -> objectIds(path).contains(bundle.sentinel()));
        return objectIds(path).stream().filter(bundle.allIds()::contains).toList();
    }

    /** The ids of the objects in every delivery answered 2xx at {@code path}, repeats included. */
    private List<String> objectIds(String path) {
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received delivery : receiver.at(path)) {
            if (delivery.answered() == 200) {
                JSON.readTree(delivery.body()).path("objects").forEach(object -> ids.add(object.path("id").asString()));
            }
        }
        return ids;
    }

    private JsonNode get(String principal, String id) {
        return http.get().uri("/api/v1/subscriptions/" + id).header("Authorization", bearer(principal)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec post(String principal, String path) {
        return http.post().uri(path).header("Authorization", bearer(principal)).exchange();
    }

    private String bearer(String principal) {
        return "Bearer " + keys.of(principal);
    }
}
