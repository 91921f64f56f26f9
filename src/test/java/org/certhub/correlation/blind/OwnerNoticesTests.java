package org.certhub.correlation.blind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certhub.correlation.BlindMatchProperties;
import org.certhub.correlation.BlindReveal;
import org.certhub.notify.NotificationRequested;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.junit.jupiter.api.Test;

class OwnerNoticesTests {

    private static final Principal KZ = new Principal("kz-cert", PrincipalKind.CERT, Set.of(Role.RESPONDER),
            "identity--kz", true, Tlp.AMBER, "KZ-CERT", Optional.of("KZ"), Instant.EPOCH);
    private static final BlindMatchProperties PROPERTIES = new BlindMatchProperties(true, 200, 1000, List.of("kafka"),
            NotificationRequested.DEFAULT_TOPIC);
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30.123Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-07");

    @Test
    void oneNoticePerOwnerNamesTheMatchingCertEachValueAndTheTime() {
        List<NotificationRequested> notices = OwnerNotices.of(KZ, List.of(
                recorded("uz-cert", "203.0.113.7", Tlp.RED, false),
                recorded("uz-cert", "203.0.113.8", Tlp.AMBER_STRICT, true),
                recorded("kg-cert", "203.0.113.9", Tlp.RED, false)), PROPERTIES, NOW);

        assertThat(notices).extracting(NotificationRequested::recipient).containsExactly("uz-cert", "kg-cert");
        NotificationRequested uz = notices.get(0);
        assertThat(uz.text()).contains("KZ-CERT (kz-cert)").contains("203.0.113.7").contains("203.0.113.8")
                .contains("2026-12-07T10:15:30Z").contains("daily budget of 200");
        assertThat(uz.tlp()).isEqualTo(Tlp.RED);
        assertThat(uz.subjectKind()).isEqualTo(NotificationRequested.BLIND_MATCH);
        assertThat(uz.subjectId()).isEqualTo("correlation-of-203.0.113.7");
        assertThat(uz.ackRequired()).isFalse();
    }

    @Test
    void theSubjectLineNamesNoValue() {
        NotificationRequested notice = OwnerNotices.of(KZ, List.of(recorded("uz-cert", "203.0.113.7", Tlp.RED, true)),
                PROPERTIES, NOW).get(0);

        assertThat(notice.subject()).contains("KZ-CERT").contains("withheld").doesNotContain("203.0.113.7");
    }

    @Test
    void theSameRevealsGiveTheSameNotificationIdSoARepeatIsDeliveredOnce() {
        List<OwnerNotices.Recorded> reveals = List.of(recorded("uz-cert", "203.0.113.7", Tlp.RED, false),
                recorded("uz-cert", "203.0.113.8", Tlp.RED, false));

        String first = OwnerNotices.of(KZ, reveals, PROPERTIES, NOW).get(0).notificationId();
        String again = OwnerNotices.of(KZ, List.of(reveals.get(1), reveals.get(0)), PROPERTIES, NOW.plusSeconds(5)).get(0).notificationId();

        assertThat(again).isEqualTo(first).matches("[A-Za-z0-9._:-]{1,200}");
    }

    private static OwnerNotices.Recorded recorded(String owner, String ip, Tlp tlp, boolean withheld) {
        return new OwnerNotices.Recorded(new Reveal("kz-cert",
                new BlindReveal("correlation-of-" + ip, owner, "ipv4-addr", ip, tlp), DAY), withheld);
    }
}
