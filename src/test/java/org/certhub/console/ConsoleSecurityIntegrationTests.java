package org.certhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's session chain at the HTTP level: a strict Content-Security-Policy, a session cookie
 * scripts cannot read and other sites cannot send, CSRF tokens on every form, and an API chain that
 * still knows nothing of sessions; sign-in locked after repeated wrong passwords; console accounts
 * made and disabled through the admin API; unknown console pages answered as pages.
 */
@HubIntegrationTest
class ConsoleSecurityIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TenancyProperties tenancy;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndCannotBeFramed() throws Exception {
        HttpResponse<String> login = get("/console/login", null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.body()).doesNotContain("<script>");
    }

    @Test
    void aPageWithoutASessionSendsToTheSignInPage() throws Exception {
        HttpResponse<String> dashboard = get("/console", null);

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login"));
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> forged = post("/console/login", "username=kz-responder&password=" + password("kz-responder"), null);

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteStrictSessionCookie() throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        String session = cookie(form);
        HttpResponse<String> signedIn = post("/console/login", "username=kz-responder&password="
                + URLEncoder.encode(password("kz-responder"), StandardCharsets.UTF_8) + "&_csrf=" + token(form), session);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(setCookie.substring(0, setCookie.indexOf(';'))).as("a new session id after sign-in").isNotEqualTo(session);
        HttpResponse<String> dashboard = get("/console", setCookie.substring(0, setCookie.indexOf(';')));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("kz-responder");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        HttpResponse<String> refused = post("/console/login", "username=kz-responder&password=wrong&_csrf=" + token(form),
                cookie(form));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?error"));
    }

    @Test
    void theApiStaysStatelessAndAnswersProblemJson() throws Exception {
        HttpResponse<String> me = get("/api/v1/me", null);

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anUnknownConsolePageAnswersAnHtmlPageNotProblemJson() throws Exception {
        String session = signIn("kz-responder", password("kz-responder"));

        HttpResponse<String> missing = get("/console/no-such-page", session);
        HttpResponse<String> badParameter = get("/console/playbooks/none/diff?from=one&to=2", session);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).contains("<h1>Not found</h1>").contains("kz-responder");
        assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(badParameter.statusCode()).isEqualTo(400);
        assertThat(badParameter.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(get("/api/v1/no-such-resource", null).headers().firstValue("Content-Type"))
                .as("the API keeps its format").hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anAdminCreatesAConsoleAccountThatSignsInUntilItIsDisabled() throws Exception {
        String username = "kz-analyst-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long enough password " + UUID.randomUUID();
        HttpResponse<String> created = createUser(username, password, adminKey());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/admin/users/" + username);
        JsonNode account = JsonMapper.builder().build().readTree(created.body());
        assertThat(account.path("principal").asString()).isEqualTo("kz-cert");
        assertThat(account.path("roles").toString()).isEqualTo("[\"responder\"]");
        assertThat(account.path("disabled").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain(password).doesNotContain("$2a$").doesNotContain("password");
        assertThat(createUser(username, password, adminKey()).statusCode()).as("the same username again").isEqualTo(409);
        String session = signIn(username, password);
        assertThat(get("/console", session).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = send(HttpRequest.newBuilder(uri("/api/v1/admin/users/" + username + "/disable"))
                .header("Authorization", "Bearer " + adminKey()).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(disabled.body()).path("disabled").asBoolean()).isTrue();
        assertThat(get("/console", session).statusCode()).as("the open session sees no page").isEqualTo(403);
        HttpResponse<String> form = get("/console/login", null);
        HttpResponse<String> refused = post("/console/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token(form), cookie(form));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?error"));
    }

    @Test
    void theUsersApiIsForAdminsAndNamesEveryWrongField() throws Exception {
        String username = "kz-x-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> notAdmin = createUser(username, "a long enough password", new DemoKeys(tenancy).of("kz-cert"));
        HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("/api/v1/admin/users"))
                .header("Authorization", "Bearer " + adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"principal\":\"kz-cert\",\"username\":\"<script>\",\"password\":\"short\",\"roles\":[\"admin\"]}")));
        HttpResponse<String> unknownPrincipal = send(HttpRequest.newBuilder(uri("/api/v1/admin/users"))
                .header("Authorization", "Bearer " + adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"principal\":\"no-such-cert\",\"username\":\"" + username
                        + "\",\"password\":\"a long enough password\",\"roles\":[\"responder\"]}")));

        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(invalid.body());
        assertThat(problem.path("errors").findValuesAsString("pointer")).containsExactly("/username", "/password", "/roles/0");
        assertThat(invalid.body()).doesNotContain("short");
        assertThat(unknownPrincipal.statusCode()).isEqualTo(422);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/admin/users/" + username)).header("Authorization", "Bearer " + adminKey()).GET())
                .statusCode()).as("nothing was created").isEqualTo(404);
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameFromThatAddressEvenForTheRightPassword() throws Exception {
        String username = "uz-analyst-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long enough password " + UUID.randomUUID();
        assertThat(createUser(username, password, adminKey()).statusCode()).isEqualTo(201);

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> form = get("/console/login", null);
            HttpResponse<String> wrong = post("/console/login", "username=" + username + "&password=wrong" + attempt + "&_csrf="
                    + token(form), cookie(form));
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?error"));
        }
        HttpResponse<String> form = get("/console/login", null);
        HttpResponse<String> locked = post("/console/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token(form), cookie(form));

        assertThat(locked.statusCode()).isEqualTo(302);
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?throttled"));
        assertThat(get("/console/login?throttled", null).body()).contains("Too many failed sign-ins");
        assertThat(signIn("kz-responder", password("kz-responder"))).as("other usernames are not locked").isNotNull();
    }

    private HttpResponse<String> createUser(String username, String password, String key) throws Exception {
        String body = "{\"principal\":\"" + (username.startsWith("uz-") ? "uz-cert" : "kz-cert") + "\",\"username\":\""
                + username + "\",\"password\":\"" + password + "\",\"roles\":[\"responder\"]}";
        return send(HttpRequest.newBuilder(uri("/api/v1/admin/users")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String adminKey() {
        return new DemoKeys(tenancy).of("admin");
    }

    /** Signs in through the form and answers the new session's cookie. */
    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        HttpResponse<String> signedIn = post("/console/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token(form), cookie(form));
        assertThat(signedIn.headers().firstValue("Location")).as("signed in").hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String password(String username) throws IOException {
        for (JsonNode user : JsonMapper.builder().build().readTree(Files.readString(tenancy.demo().usersFile()))) {
            if (user.path("username").asString().equals(username)) {
                return user.path("password").asString();
            }
        }
        throw new IllegalArgumentException(username);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String token(HttpResponse<String> form) {
        Matcher matcher = CSRF.matcher(form.body());
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
