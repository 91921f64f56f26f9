package org.certhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One regression test per finding of the hostile-input run against a default hub: each request
 * that answered 500 (or more than its caller may know) now gets the 4xx problem its input deserves.
 * Sent byte for byte with a plain HTTP client.
 */
@HubIntegrationTest
class HardeningIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PLAYBOOK = "it-hardening";

    @LocalServerPort
    int port;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    PlaybookProperties playbooks;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DemoKeys keys;

    @BeforeEach
    void readKeys() {
        keys = new DemoKeys(tenancy);
    }

    @Test
    void aQueryValueThatIsNotUtf8IsA400NamingTheParameterOnEveryRoute() throws Exception {
        for (String path : List.of("/api/v1/objects?type=%ED%A0%80", "/api/v1/correlations?value=%ED%A0%80",
                "/api/v1/stats?cert=%ED%A0%80", "/api/v1/observables?value=%C0%AF", "/api/v1/playbook-runs?playbook=%ED%A0%80",
                "/api/v1/notifications?state=%FF", "/api/v1/objects?q=%E2%82")) {
            HttpResponse<String> response = send("GET", path, "Bearer " + keys.of("kz-cert"), null);
            JsonNode problem = assertProblem(response, 400, "application/problem+json");
            assertThat(problem.path("errors").path(0).path("rule").asString()).as(path).isEqualTo("utf-8");
            assertThat(problem.path("errors").path(0).path("pointer").asString()).as(path)
                    .isEqualTo(path.substring(path.indexOf('?') + 1, path.indexOf('=')));
        }
        HttpResponse<String> taxii = send("GET", "/taxii2/api/collections/?match%5Btype%5D=%ED%A0%80", "Bearer " + keys.of("kz-cert"),
                TAXII);
        assertThat(taxii.statusCode()).isEqualTo(400);
        assertThat(taxii.headers().firstValue("content-type")).get().asString().startsWith("application/taxii+json");
        assertThat(JSON.readTree(taxii.body()).path("http_status").asString()).isEqualTo("400");
        assertThat(send("GET", "/console/search?q=%ED%A0%80", null, null).statusCode()).as("console").isEqualTo(400);
    }

    @Test
    void anInstantThatParsesButOverflowsIsA400NamingTheParameter() throws Exception {
        String key = "Bearer " + keys.of("kz-cert");
        JsonNode since = assertProblem(send("GET", "/api/v1/objects?since=%2B999999999-12-31T23:59:59Z", key, null), 400,
                "application/problem+json");
        JsonNode until = assertProblem(send("GET", "/api/v1/correlations?until=0000-01-01T00:00:00Z", key, null), 400,
                "application/problem+json");
        assertProblem(send("GET", "/api/v1/stats?since=%2B999999999-12-31T23:59:59Z", key, null), 400, "application/problem+json");

        assertThat(since.path("errors").path(0).path("pointer").asString()).isEqualTo("since");
        assertThat(until.path("errors").path(0).path("pointer").asString()).isEqualTo("until");
        String collection = publicCollection();
        HttpResponse<String> taxii = send("GET", "/taxii2/api/collections/" + collection
                + "/objects/?added_after=-999999999-01-01T00:00:00Z", key, TAXII);
        assertThat(taxii.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(taxii.body());
        assertThat(error.path("http_status").asString()).isEqualTo("400");
        assertThat(error.toString()).contains("added_after");
    }

    @Test
    void aCriticalityBeyondAnIntegerIsA400NamingIt() throws Exception {
        releaseNeverTriggeredPlaybook();
        String incident = "{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":\"incident--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"x\","
                + "\"extensions\":{\"extension-definition--ef765651-680c-498d-9894-99799f2fa126\":{\"extension_type\":"
                + "\"property-extension\",\"criticality\":2147483648}}}";

        HttpResponse<String> response = send("POST", "/api/v1/playbooks/" + PLAYBOOK + "/versions/1/simulate",
                "Bearer " + keys.of("kz-cert"), "application/json", "application/json", incident);

        JsonNode problem = assertProblem(response, 400, "application/problem+json");
        assertThat(problem.path("errors").path(0).path("pointer").asString()).endsWith("/criticality");
    }

    @Test
    void aBodyOfAMediaTypeNothingCanReadIsRefusedNotA500() throws Exception {
        String key = "Bearer " + keys.of("kz-cert");
        assertProblem(send("POST", "/api/v1/bundles", key, null, "*/*", "{}"), 415, "application/problem+json");
        assertProblem(send("POST", "/api/v1/subscriptions", key, null, "multipart/form-data", "{}"), 400, "application/problem+json");
        assertProblem(send("POST", "/api/v1/observables/lookup", key, null, "multipart/form-data; boundary=xyz", "--xyz\r\ncut"),
                400, "application/problem+json");
    }

    @Test
    void errorAskedForDirectlyIsNotFound() throws Exception {
        assertProblem(send("GET", "/error", null, null), 404, "application/problem+json");
        assertProblem(send("GET", "/error", "Bearer " + keys.of("kz-cert"), null), 404, "application/problem+json");
    }

    @Test
    void aPlaybookOfNestedAliasesIsRefusedAt422WithinASecond() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int level = 1; level <= 20; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1).append(", *a")
                    .append(level - 1).append("]\n");
        }
        long started = System.nanoTime();
        HttpResponse<String> response = send("POST", "/api/v1/playbooks/validate", "Bearer " + keys.of("kz-cert"),
                "application/json", "application/yaml", bomb.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;

        JsonNode problem = assertProblem(response, 422, "application/problem+json");
        assertThat(problem.path("errors").path(0).path("rule").asString()).isEqualTo("yaml-aliases");
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void headMeetsExactlyGetsRoleRules() throws Exception {
        String partner = "Bearer " + keys.of("regional-soc");
        for (String path : List.of("/api/v1/objects", "/api/v1/correlations", "/api/v1/stats", "/api/v1/observables?value=1.2.3.4",
                "/api/v1/objects/indicator--" + UUID.randomUUID(), "/api/v1/incidents/incident--" + UUID.randomUUID() + "/status")) {
            HttpResponse<String> get = send("GET", path, partner, null);
            HttpResponse<String> head = send("HEAD", path, partner, null);
            assertThat(get.statusCode()).as("GET " + path).isEqualTo(403);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(403);
            assertThat(head.headers().firstValue("content-length")).as("HEAD " + path)
                    .isEqualTo(get.headers().firstValue("content-length"));
        }
        String cert = "Bearer " + keys.of("kz-cert");
        HttpResponse<String> get = send("GET", "/api/v1/me", cert, null);
        HttpResponse<String> head = send("HEAD", "/api/v1/me", cert, null);
        assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-type")).isEqualTo(get.headers().firstValue("content-type"));
        assertThat(send("HEAD", "/api/v1/objects", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theActuatorIsForAdminsExceptHealthWithoutDetails() throws Exception {
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/actuator/health", null, null).body()).path("components").path("kafka").has("details"))
                .isFalse();
        for (String path : List.of("/actuator", "/actuator/sbom", "/actuator/sbom/application", "/actuator/info")) {
            assertThat(send("GET", path, null, null).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(send("GET", path, "Bearer " + keys.of("kz-cert"), null).statusCode()).as("CERT " + path).isEqualTo(403);
            assertThat(send("GET", path, "Bearer " + keys.of("regional-soc"), null).statusCode()).as("partner " + path)
                    .isEqualTo(403);
        }
        assertThat(send("GET", "/actuator", "Bearer " + keys.of("admin"), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/sbom", "Bearer " + keys.of("admin"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSubmissionsStatusIsForSubmittersOnly() throws Exception {
        String path = "/api/v1/status/" + UUID.randomUUID();

        assertProblem(send("GET", path, "Bearer " + keys.of("regional-soc"), null), 403, "application/problem+json");
        assertThat(send("HEAD", path, "Bearer " + keys.of("regional-soc"), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", path, "Bearer " + keys.of("kz-cert"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aConsoleUserForAPartnerOrWithARoleItsPrincipalLacksIsRefused() throws Exception {
        String username = "soc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> partner = createUser("regional-soc", username, List.of("submitter"));

        JsonNode problem = assertProblem(partner, 422, "application/problem+json");
        assertThat(problem.path("type").asString()).endsWith("/role-not-held");
        assertThat(problem.path("errors").findValuesAsString("pointer")).contains("/principal", "/roles/0");
        assertThat(problem.path("errors").findValuesAsString("rule")).contains("cert-required", "principal-role");
        assertThat(send("GET", "/api/v1/admin/users/" + username, "Bearer " + keys.of("admin"), null).statusCode())
                .as("nothing was created").isEqualTo(404);
    }

    @Test
    void aDisabledUsersOpenSessionSeesNeitherTheSubmitNorThePlaybookPages() throws Exception {
        String username = "kz-duty-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long enough password " + UUID.randomUUID();
        assertThat(createUser("kz-cert", username, List.of("submitter", "responder"), password).statusCode()).isEqualTo(201);
        String session = signIn(username, password);
        assertThat(send("GET", "/console/submit", null, null, session).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/console/playbooks", null, null, session).statusCode()).isEqualTo(200);

        assertThat(send("POST", "/api/v1/admin/users/" + username + "/disable", "Bearer " + keys.of("admin"), null).statusCode())
                .isEqualTo(200);

        for (String page : List.of("/console/submit", "/console/playbooks", "/console/runs", "/console")) {
            assertThat(send("GET", page, null, null, session).statusCode()).as(page).isEqualTo(403);
        }
    }

    private String publicCollection() throws Exception {
        JsonNode collections = JSON.readTree(send("GET", "/taxii2/api/collections/", "Bearer " + keys.of("kz-cert"), TAXII).body());
        for (JsonNode collection : collections.path("collections")) {
            if (collection.path("alias").asString().equals("public")) {
                return collection.path("id").asString();
            }
        }
        throw new IllegalStateException("no public collection");
    }

    /** A playbook on an incident type no incident has: it can be simulated, and never runs. */
    private void releaseNeverTriggeredPlaybook() throws Exception {
        Path directory = Files.createDirectories(playbooks.directory().resolve(PLAYBOOK));
        Path file = directory.resolve("v1.yaml");
        if (!Files.exists(file)) {
            String yaml = Files.readString(Path.of("playbooks", "government-ddos", "v1.yaml"))
                    .replace("id: government-ddos", "id: " + PLAYBOOK)
                    .replace("types: [denial-of-service]", "types: [hardening-test-never-submitted]");
            Path temporary = Files.createTempFile(directory, "v1", ".tmp");
            Files.writeString(temporary, yaml);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/v1/playbooks/" + PLAYBOOK + "/versions/1",
                "Bearer " + keys.of("kz-cert"), null).statusCode() == 200);
    }

    private HttpResponse<String> createUser(String principal, String username, List<String> roles) throws Exception {
        return createUser(principal, username, roles, "a long enough password");
    }

    private HttpResponse<String> createUser(String principal, String username, List<String> roles, String password)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("principal", principal, "username", username, "password", password,
                "roles", roles));
        return send("POST", "/api/v1/admin/users", "Bearer " + keys.of("admin"), "application/json", "application/json", body);
    }

    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> form = send("GET", "/console/login", null, null);
        String formCookie = cookie(form);
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpRequest request = HttpRequest.newBuilder(uri("/console/login")).header("Cookie", formCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))).build();
        HttpResponse<String> signedIn = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> send(String method, String path, String authorization, String accept) throws Exception {
        return send(method, path, authorization, accept, null, null, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String accept, String cookie)
            throws Exception {
        return send(method, path, authorization, accept, null, null, cookie);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String accept, String contentType,
            String body) throws Exception {
        return send(method, path, authorization, accept, contentType, body, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String accept, String contentType,
            String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String mediaType) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith(mediaType);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith(Problems.TYPE_BASE);
        return problem;
    }
}
