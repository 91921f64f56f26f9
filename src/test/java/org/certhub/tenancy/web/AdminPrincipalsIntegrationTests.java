package org.certhub.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.certhub.HubIntegrationTest;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.DemoCredentials;
import org.certhub.tenancy.StixIdentity;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@HubIntegrationTest
class AdminPrincipalsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties properties;

    @Autowired
    Community contactsStore;

    String admin;

    @BeforeEach
    void readAdminKey() throws IOException {
        admin = "Bearer " + DemoCredentials.keys(properties.demo().credentialsFile()).get("admin");
    }

    @Test
    void adminCreatesACertWhoseKeyWorksAtOnce() {
        String id = uniqueId("ge-cert");

        JsonNode created = create(Map.of("id", id, "kind", "cert", "roles", new String[] {"submitter"},
                "name", "GE-CERT", "country", "GE"));

        assertThat(created.path("principal").asString()).isEqualTo(id);
        assertThat(created.path("member").asBoolean()).isTrue();
        assertThat(created.path("defaultTlp").asString()).isEqualTo("TLP:AMBER");
        assertThat(created.path("identity").path("id").asString()).isEqualTo(StixIdentity.idFor(id));
        assertThat(created.path("apiKey").asString()).startsWith("chk_" + created.path("keyId").asString() + "_");
        assertThat(me(created.path("apiKey").asString())).isEqualTo(HttpStatus.OK);
    }

    @Test
    void rotationIssuesANewKeyAndRevokesTheOldOne() {
        String id = uniqueId("am-cert");
        String oldKey = create(Map.of("id", id, "kind", "cert", "roles", new String[] {"submitter"},
                "name", "CERT-AM", "country", "AM")).path("apiKey").asString();

        JsonNode rotated = http.post().uri("/api/v1/admin/principals/{id}/keys", id)
                .header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String newKey = rotated.path("apiKey").asString();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(me(newKey)).isEqualTo(HttpStatus.OK);
        assertThat(me(oldKey)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void listShowsEveryPrincipalWithKeyIdsButNoKeyMaterial() {
        String id = uniqueId("soc");
        JsonNode created = create(Map.of("id", id, "kind", "partner", "roles", new String[] {"feed-reader"},
                "name", "A SOC"));

        String list = http.get().uri("/api/v1/admin/principals").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(list).contains("\"principal\":\"kz-cert\"", "\"principal\":\"" + id + "\"",
                "\"keyId\":\"" + created.path("keyId").asString() + "\"");
        assertThat(list).doesNotContain("sha256", created.path("apiKey").asString());
    }

    @Test
    void invalidPrincipalIsABadRequestListingEachError() {
        JsonNode problem = http.post().uri("/api/v1/admin/principals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "Not Valid", "kind", "cert", "roles", new String[] {"submitter"},
                        "name", "X", "country", "KZ"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.path("type").asString()).endsWith("/invalid-principal");
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/id");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("pattern");
    }

    @Test
    void creatingAnExistingIdIsAConflict() {
        http.post().uri("/api/v1/admin/principals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "kz-cert", "kind", "cert", "roles", new String[] {"submitter"},
                        "name", "KZ-CERT", "country", "KZ"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .value(problem -> assertThat(problem.path("type").asString()).endsWith("/principal-exists"));
    }

    @Test
    void rotatingTheKeyOfAnUnknownPrincipalIsNotFound() {
        http.post().uri("/api/v1/admin/principals/{id}/keys", uniqueId("nobody"))
                .header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void contactsAreSetWithAWebhookWhoseSecretIsNeverShownAndKeptWhenLeftOut() {
        String id = uniqueId("ua-cert");
        create(Map.of("id", id, "kind", "cert", "roles", new String[] {"submitter"}, "name", "CERT-UA", "country", "UA"));
        String secret = "s3cret-" + UUID.randomUUID();

        String shown = putContacts(id, Map.of("emails", List.of("incident@ua.example"),
                "webhook", Map.of("url", "https://203.0.113.20/certhub", "secret", secret),
                "roles", Map.of("duty-officer", Map.of("emails", List.of("duty@ua.example")))))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String again = putContacts(id, Map.of("emails", List.of("incident@ua.example"),
                "webhook", Map.of("url", "https://203.0.113.20/v2")))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String listed = http.get().uri("/api/v1/admin/principals/{id}", id).header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(shown).contains("duty@ua.example", "\"secretSet\":true").doesNotContain(secret);
        assertThat(again + listed).contains("https://203.0.113.20/v2").doesNotContain(secret);
        assertThat(contactsStore.contacts(id)).get().extracting(contacts -> contacts.webhook().orElseThrow().secret())
                .isEqualTo(secret);
    }

    @Test
    void invalidContactsAreABadRequestNamingEachField() {
        String id = uniqueId("md-cert");
        create(Map.of("id", id, "kind", "cert", "roles", new String[] {"submitter"}, "name", "CERT-MD", "country", "MD"));

        JsonNode problem = putContacts(id, Map.of("emails", List.of("not an address"),
                "webhook", Map.of("url", "ftp://hooks.example/x"),
                "roles", Map.of("Duty Officer", Map.of("emails", List.of()))))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.path("type").asString()).endsWith("/invalid-contacts");
        assertThat(problem.path("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/emails/0", "/webhook/url", "/webhook/secret", "/roles/Duty Officer");
        putContacts(uniqueId("nobody"), Map.of()).expectStatus().isNotFound();
    }

    @Test
    void demoCertsHaveADutyOfficerAndAHeadButNoWebhook() {
        assertThat(contactsStore.contacts("kz-cert")).get().satisfies(contacts -> {
            assertThat(contacts.roles()).containsKeys("duty-officer", "head");
            assertThat(contacts.reach(Optional.of("duty-officer")).emails()).containsExactly("duty@kz-cert.example");
            assertThat(contacts.webhook()).isEmpty();
        });
    }

    private RestTestClient.ResponseSpec putContacts(String id, Map<String, Object> contacts) {
        return http.put().uri("/api/v1/admin/principals/{id}/contacts", id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).body(contacts).exchange();
    }

    private JsonNode create(Map<String, Object> principal) {
        return http.post().uri("/api/v1/admin/principals").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).body(principal)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/admin/principals/" + principal.get("id"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private HttpStatus me(String apiKey) {
        return HttpStatus.valueOf(http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .exchange().returnResult().getStatus().value());
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
