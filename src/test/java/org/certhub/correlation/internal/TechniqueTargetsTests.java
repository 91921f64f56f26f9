package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.certhub.correlation.ObservationRecorded;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TechniqueTargetsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    @Test
    void anIncidentUsingATechniqueAgainstASectorAndACountryYieldsOneSightingPerTarget() {
        JsonNode objects = JSON.readTree("""
                [{"type":"incident","id":"incident--1"},
                 {"type":"relationship","id":"relationship--1","relationship_type":"uses","source_ref":"incident--1","target_ref":"attack-pattern--1"},
                 {"type":"attack-pattern","id":"attack-pattern--1","external_references":[{"source_name":"mitre-attack","external_id":"T1486"}]},
                 {"type":"relationship","id":"relationship--2","relationship_type":"targets","source_ref":"incident--1","target_ref":"identity--v"},
                 {"type":"identity","id":"identity--v","sectors":["Energy"],"object_marking_refs":["%s"]},
                 {"type":"relationship","id":"relationship--3","relationship_type":"targets","source_ref":"incident--1","target_ref":"location--kz"},
                 {"type":"location","id":"location--kz","country":"kz"}]""".formatted(RED));

        List<ObservationRecorded> sightings = TechniqueTargets.sightings(objects, Containers.assign(objects, "bundle--1"),
                "kz-cert", Instant.parse("2026-11-25T10:00:00Z"));

        assertThat(sightings).extracting(ObservationRecorded::value)
                .containsExactly("T1486 sector:energy 2026-W48", "T1486 country:KZ 2026-W48");
        assertThat(sightings).extracting(ObservationRecorded::container).containsOnly("incident--1");
        assertThat(sightings.get(0).tlp()).isEqualTo("TLP:RED");
        assertThat(sightings.get(1).tlp()).isEqualTo("TLP:AMBER");
    }

    @Test
    void aSightingIsAsRestrictedAsTheRelationshipThatSaysTheIncidentUsedTheTechnique() {
        JsonNode objects = JSON.readTree("""
                [{"type":"incident","id":"incident--1","object_marking_refs":["%1$s"]},
                 {"type":"relationship","id":"relationship--1","relationship_type":"uses","source_ref":"incident--1","target_ref":"attack-pattern--1","object_marking_refs":["%1$s"]},
                 {"type":"attack-pattern","id":"attack-pattern--1","object_marking_refs":["%2$s"],"external_references":[{"source_name":"mitre-attack","external_id":"T1486"}]},
                 {"type":"relationship","id":"relationship--2","relationship_type":"targets","source_ref":"incident--1","target_ref":"location--kz","object_marking_refs":["%2$s"]},
                 {"type":"location","id":"location--kz","country":"kz","object_marking_refs":["%2$s"]}]""".formatted(RED, GREEN));

        List<ObservationRecorded> sightings = TechniqueTargets.sightings(objects, Containers.assign(objects, "bundle--1"),
                "kz-cert", Instant.parse("2026-11-25T10:00:00Z"));

        assertThat(sightings).extracting(ObservationRecorded::tlp).containsExactly("TLP:RED");
    }

    @Test
    void aTechniqueWithoutATargetSaysNothing() {
        JsonNode objects = JSON.readTree("""
                [{"type":"attack-pattern","id":"attack-pattern--1","external_references":[{"source_name":"mitre-attack","external_id":"T1486"}]}]""");

        assertThat(TechniqueTargets.sightings(objects, Containers.assign(objects, "bundle--1"), "kz-cert", Instant.EPOCH)).isEmpty();
    }

    @Test
    void theWindowIsTheIsoWeek() {
        assertThat(TechniqueTargets.week(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2026-W53");
    }
}
