package org.certhub.playbook.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TriggerStageTests {

    @Test
    void aBundleWithAnIncidentIsReadAndOneWithoutIsNot() {
        assertThat(TriggerStage.mayHoldAnIncident(bytes("{\"type\":\"bundle\",\"objects\":[{\"type\":\"incident\",\"id\":\"incident--1\"}]}")))
                .isTrue();
        assertThat(TriggerStage.mayHoldAnIncident(bytes("{\"type\":\"bundle\",\"objects\":[{\"type\":\"indicator\","
                + "\"id\":\"indicator--1\",\"object_refs\":[\"incident--2\"],\"description\":\"an incident\"}]}"))).isFalse();
        assertThat(TriggerStage.mayHoldAnIncident(bytes(""))).isFalse();
        assertThat(TriggerStage.mayHoldAnIncident(bytes("\"incident\""))).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
