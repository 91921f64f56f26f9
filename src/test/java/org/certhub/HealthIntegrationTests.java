package org.certhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@HubIntegrationTest
class HealthIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Test
    void healthShowsKafkaAndElasticsearchUpToAnyone() {
        JsonNode health = http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode components = health.path("components");
        assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("elasticsearch").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void healthDetailsAreForAdminsOnly() {
        JsonNode anonymous = http.get().uri("/actuator/health").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode cert = http.get().uri("/actuator/health")
                .header("Authorization", "Bearer " + new DemoKeys(tenancy).of("kz-cert")).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(anonymous.path("components").path("kafka").has("details")).isFalse();
        assertThat(cert.path("components").path("kafka").has("details")).isFalse();

        JsonNode health = http.get().uri("/actuator/health")
                .header("Authorization", "Bearer " + new DemoKeys(tenancy).of("admin")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode components = health.path("components");
        assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("kafka").path("details").path("nodes").asInt()).isEqualTo(1);
        assertThat(components.path("elasticsearch").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIncludesBothEngines() {
        JsonNode readiness = http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").propertyNames()).contains("kafka", "elasticsearch", "readinessState");
    }
}
