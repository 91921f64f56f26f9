package org.certhub.correlation.blind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.certhub.correlation.BlindReveal;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

class RevealTests {

    private static final BlindReveal RED_ADDRESS = new BlindReveal("c-1", "uz-cert", "ipv4-addr", "203.0.113.7", Tlp.RED);

    @Test
    void theSameRevealOnTheSameDayHasTheSameId() {
        LocalDate day = LocalDate.parse("2026-12-07");
        BlindReveal sameValueAtAnotherLevel = new BlindReveal("c-1", "uz-cert", "ipv4-addr", "203.0.113.7", Tlp.AMBER_STRICT);

        assertThat(new Reveal("kz-cert", RED_ADDRESS, day).id())
                .isEqualTo(new Reveal("kz-cert", RED_ADDRESS, day).id())
                .isEqualTo(new Reveal("kz-cert", sameValueAtAnotherLevel, day).id())
                .startsWith("br-").hasSize(3 + 64);
    }

    @Test
    void viewerOwnerValueTypeValueAndDayEachMakeADistinctReveal() {
        LocalDate day = LocalDate.parse("2026-12-07");
        String id = new Reveal("kz-cert", RED_ADDRESS, day).id();

        assertThat(new Reveal("kg-cert", RED_ADDRESS, day).id()).isNotEqualTo(id);
        assertThat(new Reveal("kz-cert", new BlindReveal("c-1", "tj-cert", "ipv4-addr", "203.0.113.7", Tlp.RED), day).id())
                .isNotEqualTo(id);
        assertThat(new Reveal("kz-cert", new BlindReveal("c-1", "uz-cert", "domain-name", "203.0.113.7", Tlp.RED), day).id())
                .isNotEqualTo(id);
        assertThat(new Reveal("kz-cert", new BlindReveal("c-1", "uz-cert", "ipv4-addr", "203.0.113.8", Tlp.RED), day).id())
                .isNotEqualTo(id);
        assertThat(new Reveal("kz-cert", RED_ADDRESS, day.plusDays(1)).id()).isNotEqualTo(id);
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        LocalDate day = LocalDate.parse("2026-12-07");
        BlindReveal a = new BlindReveal("c-1", "uz-cert", "ab", "c", Tlp.RED);
        BlindReveal b = new BlindReveal("c-1", "uz-cert", "a", "bc", Tlp.RED);

        assertThat(new Reveal("kz-cert", a, day).id()).isNotEqualTo(new Reveal("kz-cert", b, day).id());
    }

    @Test
    void theDayIsTheUtcDayWhateverTheZoneOfTheHub() {
        assertThat(Reveal.dayOf(Instant.parse("2026-12-07T23:59:59.999Z"))).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(Reveal.dayOf(Instant.parse("2026-12-08T00:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-08"));
    }
}
