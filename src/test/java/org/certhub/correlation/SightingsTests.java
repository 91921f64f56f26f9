package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.certhub.intake.BundleAccepted;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SightingsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSightingIsAsRestrictedAsTheIncidentItBelongsTo() {
        JsonNode bundle = JSON.readTree("""
                {"type":"bundle","id":"bundle--6a3f6a3f-0000-4000-8000-000000000001","objects":[
                 {"type":"incident","spec_version":"2.1","id":"incident--6a3f6a3f-0000-4000-8000-000000000002",
                  "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"Restricted",
                  "object_marking_refs":["%s"]},
                 {"type":"indicator","spec_version":"2.1","id":"indicator--6a3f6a3f-0000-4000-8000-000000000003",
                  "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"Shared",
                  "pattern_type":"stix","pattern":"[ipv4-addr:value = '203.0.113.9']","valid_from":"2026-11-01T10:00:00Z",
                  "object_marking_refs":["%s"]},
                 {"type":"relationship","spec_version":"2.1","id":"relationship--6a3f6a3f-0000-4000-8000-000000000004",
                  "created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","relationship_type":"indicates",
                  "source_ref":"indicator--6a3f6a3f-0000-4000-8000-000000000003",
                  "target_ref":"incident--6a3f6a3f-0000-4000-8000-000000000002","object_marking_refs":["%s"]}]}
                """.formatted(Tlp.AMBER_STRICT.markingDefinitionId(), Tlp.GREEN.markingDefinitionId(),
                Tlp.GREEN.markingDefinitionId()));
        BundleAccepted accepted = new BundleAccepted(BundleAccepted.SCHEMA_VERSION, "s-1",
                "bundle--6a3f6a3f-0000-4000-8000-000000000001", "uz-cert", Instant.parse("2026-11-01T10:00:00Z"), 3,
                JSON.writeValueAsBytes(bundle));

        assertThat(Sightings.of(accepted, bundle)).filteredOn(o -> o.value().equals("203.0.113.9")).singleElement()
                .satisfies(sighting -> {
                    assertThat(sighting.container()).isEqualTo("incident--6a3f6a3f-0000-4000-8000-000000000002");
                    assertThat(sighting.tlp()).isEqualTo(Tlp.AMBER_STRICT.label());
                });
    }
}
