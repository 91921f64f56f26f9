package org.certhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.certhub.HubIntegrationTest;
import org.certhub.tenancy.DemoCredentials;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any controller sees them, and ids no document can have: each gets the
 * hub's error format (problem+json, or TAXII's error resource under {@code /taxii2/}), never an
 * HTML page and never a 500. Sent with a plain HTTP client, byte for byte as a hostile client would.
 */
@HubIntegrationTest
class MalformedRequestsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TAXII = "application/taxii+json;version=2.1";

    @LocalServerPort
    int port;

    @Autowired
    TenancyProperties properties;

    private final HttpClient client = HttpClient.newHttpClient();
    private String key;

    @BeforeEach
    void readDemoKey() throws IOException {
        Map<String, String> keys = DemoCredentials.keys(properties.demo().credentialsFile());
        key = keys.get("kz-cert");
    }

    @Test
    void aPathTheFirewallRefusesGetsAProblemNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = get("/api/v1/objects/%00", "Bearer " + key, "application/json");

        assertProblem(response, 400, "application/problem+json");
    }

    @Test
    void underTaxiiTheSameRefusalIsATaxiiErrorResource() throws Exception {
        HttpResponse<String> response = get("/taxii2/api/status/%00/", "Bearer " + key, TAXII);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("application/taxii+json");
        assertThat(JSON.readTree(response.body()).path("http_status").asString()).isEqualTo("400");
    }

    @Test
    void headersLargerThanTheContainerTakesGetAProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "Bearer " + "x".repeat(20_000), "application/json");

        assertProblem(response, 400, "application/problem+json");
    }

    @Test
    void anIdLongerThanAnyDocumentCanHaveIsNotFoundOnEveryLookup() throws Exception {
        String id = "a".repeat(5_000);
        for (String path : new String[] {"/api/v1/status/" + id, "/api/v1/objects/indicator--" + id,
                "/api/v1/correlations/" + id, "/api/v1/notifications/" + id}) {
            assertProblem(get(path, "Bearer " + key, "application/json"), 404, "application/problem+json");
        }
        HttpResponse<String> taxii = get("/taxii2/api/status/" + id + "/", "Bearer " + key, TAXII);
        assertThat(taxii.statusCode()).as("TAXII status").isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String authorization, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization).header("Accept", accept).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String mediaType) {
        assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith(mediaType);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith(Problems.TYPE_BASE);
    }
}
