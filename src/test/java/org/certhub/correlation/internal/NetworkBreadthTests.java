package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkBreadthTests {

    private static final NetworkBreadth DEFAULTS = new NetworkBreadth(16, 32);

    @Test
    void networksBroaderThanTheConfiguredPrefixContainNothing() {
        assertThat(DEFAULTS.contains("0.0.0.0/0")).isFalse();
        assertThat(DEFAULTS.contains("203.0.0.0/8")).isFalse();
        assertThat(DEFAULTS.contains("203.0.0.0/15")).isFalse();
        assertThat(DEFAULTS.contains("::/0")).isFalse();
        assertThat(DEFAULTS.contains("2001:db8::/16")).isFalse();
    }

    @Test
    void networksAsNarrowAsTheConfiguredPrefixOrNarrowerContainTheirAddresses() {
        assertThat(DEFAULTS.contains("203.0.0.0/16")).isTrue();
        assertThat(DEFAULTS.contains("198.51.100.16/28")).isTrue();
        assertThat(DEFAULTS.contains("2001:db8::/32")).isTrue();
        assertThat(DEFAULTS.contains("2001:db8:1::/48")).isTrue();
    }

    @Test
    void anIpv4PrefixCountsAsTheIpv4MappedIpv6Prefix() {
        assertThat(NetworkBreadth.mappedPrefix("198.51.100.0/24")).contains(120);
        assertThat(NetworkBreadth.mappedPrefix("2001:db8::/32")).contains(32);
        assertThat(NetworkBreadth.mappedPrefix("198.51.100.7")).isEmpty();
    }
}
