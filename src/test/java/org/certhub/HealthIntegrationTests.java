package org.certhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@HubIntegrationTest
class HealthIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void healthShowsKafkaAndElasticsearchUp() {
        JsonNode health = http.get().uri("/actuator/health").exchange()
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
