package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpValuesTests {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, ipv4, 203.0.113.7",
            "203.0.113.0/24, cidr, 203.0.113.0/24",
            "203.0.113.7/32, ipv4, 203.0.113.7",
            "2001:DB8::1, ipv6, 2001:db8::1",
            "2001:db8::/32, cidr, 2001:db8::/32",
            "::ffff:192.0.2.1, ipv6, ::ffff:192.0.2.1"})
    void classifiesAddressesAndNetworks(String value, String field, String normalized) {
        assertThat(IpValues.classify(value)).contains(new IpValues.Ip(field, normalized));
    }

    @ParameterizedTest
    @CsvSource({
            "198.51.100.0/24, 198.51.100.77, true",
            "198.51.100.0/24, 198.51.101.1, false",
            "2001:db8::/32, 2001:db8:1::5, true",
            "2001:db8::/32, 198.51.100.1, false",
            "0.0.0.0/0, 203.0.113.7, true"})
    void tellsWhetherANetworkContainsAnAddress(String cidr, String address, boolean contained) {
        assertThat(IpValues.contains(cidr, address)).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "1.2.3.4/33", "1.2.3.4/", "abc", "2001:db8::1::2",
            "2001:db8::/129", "12345::1", "1.2.3.4.5", "example.com", "1.2.3.-1"})
    void rejectsWhatElasticsearchWouldRefuse(String value) {
        assertThat(IpValues.classify(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Example.COM., example.com", "xn--80ak6aa92e.com, xn--80ak6aa92e.com"})
    void normalisesDomains(String value, String normalized) {
        assertThat(IpValues.domain(value)).isEqualTo(normalized);
    }
}
