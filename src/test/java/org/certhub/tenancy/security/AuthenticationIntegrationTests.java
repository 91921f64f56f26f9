package org.certhub.tenancy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.certhub.HubIntegrationTest;
import org.certhub.tenancy.DemoCredentials;
import org.certhub.tenancy.StixIdentity;
import org.certhub.tenancy.TenancyProperties;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@HubIntegrationTest
class AuthenticationIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties properties;

    Map<String, String> keys;

    @BeforeEach
    void readDemoKeys() throws IOException {
        keys = DemoCredentials.keys(properties.demo().credentialsFile());
    }

    @ParameterizedTest
    @CsvSource({
            "kz-cert, cert, KZ-CERT, KZ", "uz-cert, cert, UZCERT, UZ", "kg-cert, cert, KG-CERT, KG",
            "tj-cert, cert, TJ-CERT, TJ", "tm-cert, cert, TM-CERT, TM", "cn-cert, cert, CNCERT/CC, CN"})
    void eachDemoCertKeyAnswersForItsCertAndIdentity(String id, String kind, String name, String country) {
        JsonNode me = me("Bearer " + keys.get(id));

        assertThat(me.path("principal").asString()).isEqualTo(id);
        assertThat(me.path("kind").asString()).isEqualTo(kind);
        assertThat(me.path("roles").toString()).isEqualTo("[\"submitter\",\"responder\"]");
        assertThat(me.path("member").asBoolean()).isTrue();
        assertThat(me.path("defaultTlp").asString()).isEqualTo("TLP:AMBER");
        JsonNode identity = me.path("identity");
        assertThat(identity.path("type").asString()).isEqualTo("identity");
        assertThat(identity.path("spec_version").asString()).isEqualTo("2.1");
        assertThat(identity.path("id").asString()).isEqualTo(StixIdentity.idFor(id));
        assertThat(identity.path("name").asString()).isEqualTo(name);
        assertThat(identity.path("identity_class").asString()).isEqualTo("organization");
        assertThat(identity.path("sectors").toString()).isEqualTo("[\"government\"]");
        assertThat(identity.path("x_certhub_country").asString()).isEqualTo(country);
    }

    @Test
    void partnerAndAdminKeysAnswerForThem() {
        JsonNode partner = me("Bearer " + keys.get("regional-soc"));
        JsonNode admin = me("Bearer " + keys.get("admin"));

        assertThat(partner.path("kind").asString()).isEqualTo("partner");
        assertThat(partner.path("roles").toString()).isEqualTo("[\"feed-reader\"]");
        assertThat(partner.path("member").asBoolean()).isFalse();
        assertThat(admin.path("kind").asString()).isEqualTo("admin");
        assertThat(admin.path("roles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void httpBasicWithThePrincipalIdAndTheKeyAuthenticates() {
        assertThat(me("Basic " + basic("kg-cert", keys.get("kg-cert"))).path("principal").asString())
                .isEqualTo("kg-cert");
    }

    @Test
    void httpBasicWithAnotherPrincipalsIdIsUnauthorized() {
        expectUnauthorized("Basic " + basic("uz-cert", keys.get("kg-cert")));
    }

    @Test
    void requestWithoutKeyIsUnauthorizedWithABearerChallenge() {
        http.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"certhub\"")
                .expectBody(JsonNode.class)
                .value(problem -> assertThat(problem.path("type").asString()).endsWith("/unauthorized"));
    }

    @Test
    void malformedAuthorizationHeaderIsUnauthorized() {
        expectUnauthorized("Bearer not-an-api-key");
        expectUnauthorized("Token " + keys.get("kz-cert"));
        expectUnauthorized("Bearer");
    }

    @Test
    void unknownKeyIsUnauthorized() {
        expectUnauthorized("Bearer " + ApiKeys.generate().value());
    }

    @Test
    void knownKeyIdWithAWrongSecretIsUnauthorized() {
        String real = keys.get("tj-cert");
        String forged = real.substring(0, real.lastIndexOf('_') + 1) + ApiKeys.generate().secret();
        expectUnauthorized("Bearer " + forged);
    }

    @Test
    void certKeyOnTheAdminApiIsForbidden() {
        http.get().uri("/api/v1/admin/principals").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.get("kz-cert"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .value(problem -> assertThat(problem.path("type").asString()).endsWith("/forbidden"));
    }

    @Test
    void feedReaderMayNotSubmitBundles() {
        http.post().uri("/api/v1/bundles").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.get("regional-soc"))
                .contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthStaysPublic() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    private JsonNode me(String authorization) {
        return http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void expectUnauthorized(String authorization) {
        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*error=\"invalid_token\".*")
                .expectBody(JsonNode.class)
                .value(problem -> assertThat(problem.path("type").asString()).endsWith("/unauthorized"));
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
