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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * still knows nothing of sessions.
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
