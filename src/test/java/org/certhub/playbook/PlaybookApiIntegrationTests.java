package org.certhub.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The playbook API: listing, versions, validation with positions, simulation, and who may call it. */
@HubIntegrationTest
class PlaybookApiIntegrationTests {

    private static final String ID = "it-api";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    PlaybookProperties properties;

    @Autowired
    PlaybookRegistry registry;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    RestTestClient http;

    private DemoKeys keys;

    @BeforeEach
    void releasePlaybook() throws Exception {
        keys = new DemoKeys(tenancy);
        if (registry.version(ID, 1).isEmpty()) {
            TestPlaybooks.write(properties.directory(), ID, 1, TestPlaybooks.crossBorder(ID, 1, "sha512", "PT1H"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.version(ID, 1).isPresent());
    }

    @Test
    void validationAnswersEachErrorWithItsLineAndColumn() {
        String broken = TestPlaybooks.crossBorder(ID, 1, "sha512", "PT1H").replace("from: alert", "from: nowhere")
                .replace("owner: kz-cert", "owner: kz-cert\nsla: 4h");
        http.post().uri("/api/v1/playbooks/validate").header("Authorization", bearer("kz-cert")).contentType(YAML).body(broken)
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://certhub.org/problems/playbook-invalid")
                .jsonPath("$.errors[0].pointer").isEqualTo("/sla")
                .jsonPath("$.errors[0].line").isEqualTo(5)
                .jsonPath("$.errors[0].column").isEqualTo(1);
        http.post().uri("/api/v1/playbooks/validate").header("Authorization", bearer("kz-cert")).contentType(YAML)
                .body(TestPlaybooks.crossBorder(ID, 1, "sha512", "PT1H").replace("from: alert", "from: nowhere"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("ack-unknown-step")
                .jsonPath("$.errors[0].line").isEqualTo(21);
    }

    @Test
    void validationAcceptsAValidPlaybookAndRefusesHostileInput() {
        http.post().uri("/api/v1/playbooks/validate").header("Authorization", bearer("kz-cert")).contentType(YAML)
                .body(TestPlaybooks.crossBorder("new-one", 3, "ipv4", "PT4H")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true).jsonPath("$.version").isEqualTo(3);
        http.post().uri("/api/v1/playbooks/validate").header("Authorization", bearer("kz-cert")).contentType(YAML)
                .body("x".repeat((int) properties.maxFileSize().toBytes() + 1)).exchange().expectStatus().isEqualTo(413);
        http.post().uri("/api/v1/playbooks/validate").header("Authorization", bearer("kz-cert")).contentType(YAML)
                .body("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n")
                .exchange().expectStatus().isEqualTo(422);
        http.post().uri("/api/v1/playbooks/validate").contentType(YAML).body("id: x").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/playbooks/validate").header("Authorization", bearer("regional-soc")).contentType(YAML)
                .body("id: x").exchange().expectStatus().isForbidden();
    }

    @Test
    void listsPlaybooksAndTheirVersionsWithTheirHashes() {
        JsonNode listed = get("/api/v1/playbooks");
        assertThat(listed.path("playbooks").findValuesAsString("id")).contains(ID);
        JsonNode playbook = get("/api/v1/playbooks/" + ID);
        assertThat(playbook.path("versions").get(0).path("sha256").asString()).isEqualTo(registry.version(ID, 1).orElseThrow().sha256());
        JsonNode version = get("/api/v1/playbooks/" + ID + "/versions/1");
        assertThat(version.path("yaml").asString()).contains("id: " + ID);
        http.get().uri("/api/v1/playbooks/none-such").header("Authorization", bearer("kz-cert")).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/playbooks/" + ID + "/versions/9").header("Authorization", bearer("kz-cert")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void simulationSaysWhichStepsWouldFireToWhomWithoutSendingAnything() {
        String correlation = new String(TestPlaybooks.correlation("sha512", List.of("kz-cert", "uz-cert")).toJson(),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode simulated = http.post().uri("/api/v1/playbooks/" + ID + "/versions/1/simulate").header("Authorization", bearer("kz-cert"))
                .contentType(MediaType.APPLICATION_JSON).body(correlation).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(simulated.path("triggers").asBoolean()).isTrue();
        JsonNode steps = simulated.path("steps");
        assertThat(steps.get(0).path("notifications").findValuesAsString("recipient")).containsExactly("kz-cert", "uz-cert");
        assertThat(steps.get(0).path("notifications").get(0).path("channels").toString()).isEqualTo("[\"webhook\",\"email\"]");
        assertThat(steps.get(2).path("fires").asString()).isEqualTo("when-ack-missing-at-deadline");
        assertThat(steps.get(2).path("notifications").get(0).path("recipient").asString()).isEqualTo("regional-soc");
        // Held at TLP:GREEN by both CERTs, the correlation is GREEN: published at the step's level.
        assertThat(steps.get(3).path("tlp").asString()).isEqualTo("TLP:GREEN");
        assertThat(get("/api/v1/playbook-runs?correlation=" + simulated.path("subject").path("id").asString()).path("runs")).isEmpty();

        String incident = """
                {"type": "incident", "spec_version": "2.1", "id": "incident--0b5a3e1c-6f0e-4f55-9f6e-2f0b8f9a4c11",
                 "created": "2026-11-29T00:00:00.000Z", "modified": "2026-11-29T00:00:00.000Z", "name": "Grid outage"}
                """;
        JsonNode untriggered = http.post().uri("/api/v1/playbooks/" + ID + "/versions/1/simulate").header("Authorization", bearer("kz-cert"))
                .contentType(MediaType.APPLICATION_JSON).body(incident).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(untriggered.path("triggers").asBoolean()).isFalse();
        http.post().uri("/api/v1/playbooks/" + ID + "/versions/1/simulate").header("Authorization", bearer("kz-cert"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"type\": \"malware\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("simulation-subject");
        http.post().uri("/api/v1/playbooks/" + ID + "/versions/1/simulate").header("Authorization", bearer("kz-cert"))
                .contentType(MediaType.APPLICATION_JSON).body("{not json").exchange().expectStatus().isBadRequest();
    }

    private String bearer(String principal) {
        return "Bearer " + keys.of(principal);
    }

    private JsonNode get(String path) {
        return http.get().uri(path).header("Authorization", bearer("kz-cert")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
