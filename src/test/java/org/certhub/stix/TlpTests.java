package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlpTests {

    @ParameterizedTest
    @CsvSource({
        "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487, CLEAR",
        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb, GREEN",
        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421, AMBER",
        "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003, AMBER_STRICT",
        "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1, RED",
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9, CLEAR",
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da, GREEN",
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82, AMBER",
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed, RED"
    })
    void recognisesTlp2AndTlp1MarkingDefinitions(String id, Tlp expected) {
        assertThat(Tlp.fromMarkingRef(id)).contains(expected);
    }

    @Test
    void ignoresOtherMarkingsAndNull() {
        assertThat(Tlp.fromMarkingRef("marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168")).isEmpty();
        assertThat(Tlp.fromMarkingRef("")).isEmpty();
        assertThat(Tlp.fromMarkingRef(null)).isEmpty();
    }

    @Test
    void markingDefinitionIdIsTheTlp2Id() {
        assertThat(Tlp.AMBER_STRICT.markingDefinitionId())
                .isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        assertThat(Tlp.CLEAR.markingDefinitionId())
                .isEqualTo("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    }

    @Test
    void strictestPicksTheMostRestrictiveLevelAcrossTlpVersions() {
        List<String> refs = List.of(
                "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
                "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168",
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
                "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");

        assertThat(Tlp.strictest(refs)).contains(Tlp.AMBER_STRICT);
    }

    @Test
    void strictestIsEmptyWithoutTlpMarkings() {
        assertThat(Tlp.strictest(List.of("marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"))).isEmpty();
        assertThat(Tlp.strictest(List.of())).isEmpty();
        assertThat(Tlp.strictest(null)).isEmpty();
        assertThat(Tlp.strictest(Arrays.asList(null, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed")))
                .contains(Tlp.RED);
    }
}
