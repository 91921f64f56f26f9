package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certhub.notify.BlindNotice;
import org.certhub.notify.NotificationRequested;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy;
import org.junit.jupiter.api.Test;

class BlindNoticeTests {

    private static final String INCIDENT = "incident--6a1f3b9e-2c4d-4e8f-9a0b-1c2d3e4f5a6b";
    private final TestCommunity community = new TestCommunity();
    private final Deliveries deliveries = new Deliveries(community, new SharingPolicy());

    @Test
    void theBlindNoticeSaysOnlyWhomToContactAndTheLevel() {
        assertThat(BlindNotice.subject("UZ-CERT", Tlp.RED))
                .isEqualTo("[certhub] UZ-CERT asks you to contact it about a restricted matter (TLP:RED)");
        assertThat(BlindNotice.text("uz-cert", "UZ-CERT", Tlp.RED)).isEqualTo("UZ-CERT (uz-cert) asks your CERT to contact it "
                + "about a restricted incident or indicator that concerns you, marked TLP:RED. certhub may not show you what "
                + "it is about: please contact UZ-CERT directly.");
    }

    @Test
    void aMemberThatMayNotSeeTheSubjectGetsTheBlindNoticeAndAPartnerNothing() {
        List<NotificationRequested> sent = plan(Tlp.RED);

        assertThat(sent).extracting(NotificationRequested::recipient).containsExactlyInAnyOrder("kz-cert", "tj-cert", "uz-cert");
        NotificationRequested owner = recipient(sent, "uz-cert");
        assertThat(owner.blindNotice()).isFalse();
        assertThat(owner.text()).contains("Lure of the ministry").contains(INCIDENT);
        NotificationRequested blind = recipient(sent, "kz-cert");
        assertThat(blind.blindNotice()).isTrue();
        assertThat(blind.blind()).isEqualTo(new NotificationRequested.Blind("uz-cert", "UZ-CERT"));
        assertThat(blind.tlp()).isEqualTo(Tlp.RED);
        assertThat(blind.subject()).isEqualTo(BlindNotice.subject("UZ-CERT", Tlp.RED));
        assertThat(blind.text()).isEqualTo(BlindNotice.text("uz-cert", "UZ-CERT", Tlp.RED));
        assertThat(blind.subjectId()).isNull();
        assertThat(blind.subjectKind()).isNull();
        assertThat(new String(blind.toJson())).doesNotContain(INCIDENT).doesNotContain("Lure").doesNotContain("phishing");
    }

    @Test
    void aPartnerIsSkippedForAnAmberSubjectAndMembersGetItWhole() {
        Deliveries.Plan plan = deliveries.plan(version(), step(), incident(Tlp.AMBER), "run-1", Instant.EPOCH, Optional.empty(),
                List.of());

        assertThat(plan.requests()).extracting(NotificationRequested::recipient).doesNotContain("regional-soc");
        assertThat(plan.requests()).allSatisfy(request -> assertThat(request.blindNotice()).isFalse());
        assertThat(plan.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.recipient()).isEqualTo("regional-soc"));
    }

    @Test
    void aGreenSubjectReachesThePartnerWhole() {
        List<NotificationRequested> sent = plan(Tlp.GREEN);

        assertThat(recipient(sent, "regional-soc").text()).contains("Lure of the ministry");
    }

    private List<NotificationRequested> plan(Tlp tlp) {
        return deliveries.plan(version(), step(), incident(tlp), "run-1", Instant.EPOCH, Optional.empty(), List.of()).requests();
    }

    private static NotificationRequested recipient(List<NotificationRequested> sent, String id) {
        return sent.stream().filter(n -> n.recipient().equals(id)).findFirst().orElseThrow();
    }

    private static ReleasedVersion version() {
        String yaml = PlaybookValidatorTests.VALID.replace("on: correlation", "on: incident")
                .replace("recipients: [affected-certs, {to: regional-soc, role: duty-officer}]", "recipients: [all-members, regional-soc]")
                .replace("Value {{subject.value}}", "{{subject.title}} ({{subject.types}}) {{subject.id}}");
        return new ReleasedVersion(PlaybookValidator.validate(yaml).playbook().orElseThrow(), yaml, Hashes.sha256(yaml),
                "test-playbook/v1.yaml", Instant.EPOCH);
    }

    private static Playbook.Delivery step() {
        return (Playbook.Delivery) version().playbook().steps().get(0);
    }

    private static Subject incident(Tlp tlp) {
        return new Subject(SubjectKind.INCIDENT, INCIDENT, "uz-cert", "Lure of the ministry", "", tlp, List.of("phishing"), null,
                List.of(), List.of("UZ"), List.of("uz-cert"), 0, List.of(), List.of(), null, List.of());
    }
}
