package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VersionDocumentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void keepsTheFieldsAVersionIsFoundByAndTheObjectByteForByte() {
        String object = "{\"type\":\"malware\",\"id\":\"malware--1\",\"created\":\"2026-11-01T10:00:00Z\","
                + "\"modified\":\"2026-11-02T10:00:00Z\",\"x_score\":1.50}";
        // As an earlier release wrote it: no first_version; search fields the version index does not map.
        String current = "{\"stix_id\":\"malware--1\",\"type\":\"malware\",\"owner\":\"kz-cert\",\"tlp\":\"green\","
                + "\"created\":\"2026-11-01T10:00:00Z\",\"modified\":\"2026-11-02T10:00:00Z\","
                + "\"received_at\":\"2026-11-02T10:00:01Z\",\"date_added\":\"2026-11-02T10:00:01.5Z\","
                + "\"description\":\"Стeппе\",\"labels\":[\"x\"],\"observables\":{\"values\":[\"1.2.3.4\"]},\"object\":" + object + "}";

        VersionDocument version = VersionDocument.of(current.getBytes(StandardCharsets.UTF_8));

        String json = new String(version.json(), StandardCharsets.UTF_8);
        assertThat(json).endsWith(",\"object\":" + object + "}");
        JsonNode fields = JSON.readTree(json);
        assertThat(fields.propertyNames()).containsExactlyInAnyOrder("stix_id", "type", "owner", "tlp", "modified",
                "received_at", "date_added", "first_version", "object");
        assertThat(fields.path("first_version").asBoolean()).isFalse();
        assertThat(version.version()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(version.receivedAt()).isEqualTo(Instant.parse("2026-11-02T10:00:01Z"));
        assertThat(version.id("kz-cert/malware--1")).isEqualTo("kz-cert/malware--1@2026-11-02T10:00:00Z");
    }

    @Test
    void anObjectWithoutTimestampsHasOneVersionItsFirst() {
        String current = "{\"stix_id\":\"ipv4-addr--1\",\"owner\":\"kz-cert\",\"received_at\":\"2026-11-02T10:00:01Z\","
                + "\"object\":{\"type\":\"ipv4-addr\",\"value\":\"1.2.3.4\"}}";

        VersionDocument version = VersionDocument.of(current.getBytes(StandardCharsets.UTF_8));

        assertThat(version.version()).isEmpty();
        assertThat(JSON.readTree(version.json()).path("first_version").asBoolean()).isTrue();
    }

    @Test
    void refusesADocumentWithoutItsObject() {
        assertThatThrownBy(() -> VersionDocument.of("{\"received_at\":\"2026-11-02T10:00:01Z\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
