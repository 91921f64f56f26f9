package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CurrentDocumentsTests {

    @Test
    void readsFoundDocumentsWithTheirSequenceNumberOrderAndSourceAsStored() {
        String source = "{\"owner\":\"kz-cert\",\"created\":\"2026-11-01T10:00:00Z\",\"modified\":\"2026-11-02T10:00:00.000001Z\","
                + "\"object\":{\"x\":1.50}}";
        String answer = "{\"docs\":[{\"_index\":\"certhub-objects-v1\",\"_id\":\"kz-cert/malware--1\",\"_version\":3,"
                + "\"_seq_no\":41,\"_primary_term\":2,\"found\":true,\"_source\":" + source + "},"
                + "{\"_index\":\"certhub-objects-v1\",\"_id\":\"kz-cert/malware--2\",\"found\":false}]}";

        Map<String, CurrentDocuments.Stored> found = CurrentDocuments.read(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(found).containsOnlyKeys("kz-cert/malware--1");
        CurrentDocuments.Stored stored = found.get("kz-cert/malware--1");
        assertThat(stored.seqNo()).isEqualTo(41);
        assertThat(stored.primaryTerm()).isEqualTo(2);
        assertThat(stored.order()).isEqualTo(ObjectDocuments.order("2026-11-02T10:00:00.000001Z"));
        assertThat(new String(stored.source(), StandardCharsets.UTF_8)).isEqualTo(source);
    }

    @Test
    void anIdElasticsearchCouldNotReadFailsTheBatchForARetry() {
        String answer = "{\"docs\":[{\"_index\":\"certhub-objects\",\"_id\":\"kz-cert/malware--1\","
                + "\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index\"}}]}";

        assertThatThrownBy(() -> CurrentDocuments.read(answer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TransientIndexingException.class).hasMessageContaining("index_not_found_exception");
    }
}
