package org.certhub.correlation.blind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.certhub.correlation.BlindReveal;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

class RevealCacheTests {

    @Test
    void remembersWhetherARecordedRevealWasWithheld() {
        RevealCache cache = new RevealCache(10);
        cache.remember("br-a", false);
        cache.remember("br-b", true);

        assertThat(cache.withheld("br-a")).contains(false);
        assertThat(cache.withheld("br-b")).contains(true);
        assertThat(cache.withheld("br-c")).isEmpty();
    }

    @Test
    void staysWithinItsCapacityForgettingTheLeastRecentlyUsed() {
        RevealCache cache = new RevealCache(3);
        cache.remember("br-1", false);
        cache.remember("br-2", false);
        cache.remember("br-3", false);
        cache.withheld("br-1");
        cache.remember("br-4", false);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.withheld("br-2")).isEmpty();
        assertThat(cache.withheld("br-1")).contains(false);
        assertThat(cache.withheld("br-4")).contains(false);
    }

    @Test
    void aRevealRememberedYesterdayIsUnknownToday() {
        RevealCache cache = new RevealCache(10);
        BlindReveal reveal = new BlindReveal("c-1", "uz-cert", "ipv4-addr", "203.0.113.7", Tlp.RED);
        LocalDate yesterday = LocalDate.parse("2026-12-06");
        cache.remember(new Reveal("kz-cert", reveal, yesterday).id(), false);

        assertThat(cache.withheld(new Reveal("kz-cert", reveal, yesterday.plusDays(1)).id())).isEmpty();
    }
}
