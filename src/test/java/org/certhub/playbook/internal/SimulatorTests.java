package org.certhub.playbook.internal;

import org.certhub.TestHolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.certhub.correlation.CorrelationFound;
import org.certhub.tenancy.SharingPolicy;
import org.junit.jupiter.api.Test;

class SimulatorTests {

    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");
    private final TestCommunity community = new TestCommunity();
    private final Simulator simulator = new Simulator(new Deliveries(community, new SharingPolicy()),
            new RunIds("a test secret of the run ids".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    private final Subject correlation = new Subjects(community, new SharingPolicy()).correlation(new CorrelationFound(1, "c0ffee",
            "ipv4", "203.0.113.7", "shared-value", 2, List.of("kz-cert", "tj-cert"), 60, T0, T0,
            TestHolders.green("kz-cert", "tj-cert")));

    @Test
    @SuppressWarnings("unchecked")
    void anEscalationToTheUnacknowledgedIsSimulatedAsIfNobodyAcknowledged() {
        String yaml = PlaybookValidatorTests.VALID.replace("recipients: [kz-cert]", "recipients: [{to: unacknowledged, role: head}]");
        ReleasedVersion version = new ReleasedVersion(PlaybookValidator.validate(yaml).playbook().orElseThrow(), yaml,
                Hashes.sha256(yaml), "test-playbook/v1.yaml", T0);

        List<Map<String, Object>> steps = (List<Map<String, Object>>) simulator.simulate(version, correlation, T0).get("steps");

        Map<String, Object> escalation = steps.get(2);
        assertThat(escalation.get("fires")).isEqualTo("when-ack-missing-at-deadline");
        assertThat((List<Map<String, Object>>) escalation.get("notifications")).extracting(n -> n.get("recipient"))
                .containsExactly("kz-cert", "tj-cert", "regional-soc");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSimulationSaysPerRecipientWhetherItGetsTheTextTheBlindNoticeOrNothing() {
        String yaml = PlaybookValidatorTests.VALID.replace("recipients: [affected-certs, {to: regional-soc, role: duty-officer}]",
                "recipients: [all-members, regional-soc]");
        ReleasedVersion version = new ReleasedVersion(PlaybookValidator.validate(yaml).playbook().orElseThrow(), yaml,
                Hashes.sha256(yaml), "test-playbook/v1.yaml", T0);
        Subject red = new Subjects(community, new SharingPolicy()).correlation(new CorrelationFound(2, "c0ffee", "ipv4",
                "203.0.113.7", "shared-value", 2, List.of("kz-cert", "tj-cert"), 60, T0, T0,
                List.of(new CorrelationFound.Holder("kz-cert", "TLP:RED", true), new CorrelationFound.Holder("tj-cert", "TLP:RED", true))));

        Map<String, Object> tell = ((List<Map<String, Object>>) simulator.simulate(version, red, T0).get("steps")).get(0);

        assertThat((List<Map<String, Object>>) tell.get("notifications")).extracting(n -> n.get("recipient") + ":" + n.get("delivery"))
                .containsExactly("kz-cert:full", "tj-cert:full", "uz-cert:blind");
        assertThat((List<Map<String, Object>>) tell.get("skipped")).singleElement().satisfies(skipped -> {
            assertThat(skipped.get("recipient")).isEqualTo("regional-soc");
            assertThat(skipped.get("delivery")).isEqualTo("skipped");
            assertThat((String) skipped.get("reason")).contains("may not see");
        });
    }
}
