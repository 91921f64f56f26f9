package org.certhub.correlation.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.certhub.correlation.ObservationRecorded;
import org.certhub.intake.BundleAccepted;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TreeWithoutDescriptionsTests {

    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    /** Every kind of value the extractor reads, with descriptions at the top and inside references. */
    private static final String BUNDLE = """
            {"type":"bundle","id":"bundle--6f7c1c1e-0000-4000-8000-000000000001","objects":[
             {"type":"incident","spec_version":"2.1","id":"incident--6f7c1c1e-0000-4000-8000-000000000002",
              "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"Шифровальщик",
              "description":"Вредоносная программа \\"[ipv4-addr:value = '203.0.113.99']\\" 勒索软件加密了共享网络驱动器上的文件",
              "object_marking_refs":["%1$s"]},
             {"type":"indicator","spec_version":"2.1","id":"indicator--6f7c1c1e-0000-4000-8000-000000000003",
              "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","pattern_type":"stix",
              "pattern":"[ipv4-addr:value = '203.0.113.7'] OR [domain-name:value = 'C2.Example.KZ']",
              "valid_from":"2026-11-01T10:00:00Z","description":{"unexpected":["object",{"nested":1}]}},
             {"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--6f7c1c1e-0000-4000-8000-000000000004",
              "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"Web Protocols",
              "external_references":[{"source_name":"mitre-attack","external_id":"T1071.001","description":"long text"}]},
             {"type":"file","spec_version":"2.1","id":"file--6f7c1c1e-0000-4000-8000-000000000005","size":40000,
              "hashes":{"SHA-256":"AB%2$s"},"object_marking_refs":["%1$s"]},
             {"type":"autonomous-system","spec_version":"2.1","id":"autonomous-system--6f7c1c1e-0000-4000-8000-000000000006",
              "number":64500,"x_ratio":0.25,"x_flag":true,"x_none":null},
             {"type":"relationship","spec_version":"2.1","id":"relationship--6f7c1c1e-0000-4000-8000-000000000007",
              "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","relationship_type":"related-to",
              "source_ref":"incident--6f7c1c1e-0000-4000-8000-000000000002",
              "target_ref":"indicator--6f7c1c1e-0000-4000-8000-000000000003","description":"why"}
            ]}""".formatted(GREEN, "CD".repeat(31));

    @Test
    void theExtractorFindsTheSameSightingsInTheTreeWithoutDescriptionsAsInTheWholeBundle() {
        byte[] json = BUNDLE.getBytes(StandardCharsets.UTF_8);
        BundleAccepted accepted = new BundleAccepted(BundleAccepted.SCHEMA_VERSION, "submission-1",
                "bundle--6f7c1c1e-0000-4000-8000-000000000001", "kz-cert", Instant.parse("2026-11-01T10:00:00Z"), 6, json);

        var whole = org.certhub.correlation.Sightings.of(accepted, JsonMapper.builder().build().readTree(json));
        var sparse = org.certhub.correlation.Sightings.of(accepted, TreeWithoutDescriptions.read(json));

        assertThat(whole).extracting(ObservationRecorded::valueType)
                .containsExactly("ipv4", "domain", "attack-technique", "sha256", "asn");
        assertThat(sparse).isEqualTo(whole);
    }

    @Test
    void everyDescriptionIsLeftOutAndEverythingElseKept() {
        byte[] json = BUNDLE.getBytes(StandardCharsets.UTF_8);
        JsonNode whole = JsonMapper.builder().build().readTree(json);

        JsonNode sparse = TreeWithoutDescriptions.read(json);

        assertThat(sparse.findValues("description")).isEmpty();
        whole.path("objects").forEach(object -> {
            ((tools.jackson.databind.node.ObjectNode) object).remove("description");
            object.path("external_references").forEach(reference ->
                    ((tools.jackson.databind.node.ObjectNode) reference).remove("description"));
        });
        assertThat(sparse).isEqualTo(whole);
    }

    @Test
    void whatIsNotOneJsonValueIsRefused() {
        assertThatThrownBy(() -> TreeWithoutDescriptions.read("{\"objects\":[".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> TreeWithoutDescriptions.read("{} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeWithoutDescriptions.read(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
