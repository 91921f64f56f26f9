package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RunIdsTests {

    private static final String CORRELATION = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @Test
    void aRunIdIsStablePerVersionAndSubjectButCannotBeComputedWithoutTheHubsSecret() {
        RunIds hub = new RunIds("the hub's secret, 32 bytes long!".getBytes(StandardCharsets.UTF_8));
        RunIds guess = new RunIds("somebody else's guess of a secret".getBytes(StandardCharsets.UTF_8));

        String id = hub.of("cross-border-energy-campaign", 2, SubjectKind.CORRELATION, CORRELATION);

        assertThat(id).matches("run-[0-9a-f]{32}");
        assertThat(hub.of("cross-border-energy-campaign", 2, SubjectKind.CORRELATION, CORRELATION)).isEqualTo(id);
        assertThat(hub.of("cross-border-energy-campaign", 1, SubjectKind.CORRELATION, CORRELATION)).isNotEqualTo(id);
        assertThat(guess.of("cross-border-energy-campaign", 2, SubjectKind.CORRELATION, CORRELATION)).isNotEqualTo(id);
        assertThat(id).as("not the unkeyed hash of the subject")
                .isNotEqualTo(Hashes.id("run-", "cross-border-energy-campaign", "2", "correlation", CORRELATION));
    }
}
