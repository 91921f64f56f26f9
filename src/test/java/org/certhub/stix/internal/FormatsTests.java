package org.certhub.stix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTests {

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.3", "0.0.0.0", "255.255.255.255", "223.166.0.0/15", "10.0.0.0/8", "1.2.3.4/32"})
    void acceptsIpv4AddressesAndCidrBlocks(String value) {
        assertThat(Formats.isIpv4(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4/33", "1.2.3.4/", "a.b.c.d",
        "1..2.3", "1.2.3.4 "})
    void rejectsOtherIpv4Texts(String value) {
        assertThat(Formats.isIpv4(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.128", "2001:db8::/32", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:1.2.3.4"})
    void acceptsIpv6AddressesAndCidrBlocks(String value) {
        assertThat(Ipv6.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::", "2001:db8:::1",
        ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "g::1", "2001:db8::/129", "1:2:3:4:5:6:7:1.2.3.4"})
    void rejectsOtherIpv6Texts(String value) {
        assertThat(Ipv6.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAA", "aGVsbG8=", "aGk=", "0JLQsNGI0ZY="})
    void acceptsPaddedBase64(String value) {
        assertThat(Formats.isBase64(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aGk", "aGk==", "a===", "aG k=", "VBORw0KGgoAAAANSUhEUgAAADI== ..."})
    void rejectsOtherBase64Texts(String value) {
        assertThat(Formats.isBase64(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "uk", "zh-Hans-CN", "en-GB", "de-CH-1901", "i-klingon"})
    void acceptsLanguageTags(String value) {
        assertThat(Formats.isLanguageTag(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en_GB", "english language", "-en", "en-", "1en", "toolongsubtag"})
    void rejectsOtherLanguageTexts(String value) {
        assertThat(Formats.isLanguageTag(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a?b=c", "hxxp://evil.example", "mailto:a@example.org",
        "urn:isbn:0451450523"})
    void acceptsUrls(String value) {
        assertThat(Formats.isUrl(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.org/a", "://x", "http:", "http://exa mple.org", "1http://x"})
    void rejectsOtherUrlTexts(String value) {
        assertThat(Formats.isUrl(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a.b.c", "xn--80ak6aa92e.com", "приклад.укр", "example.com.", "_dmarc.example"})
    void acceptsDomainNames(String value) {
        assertThat(Formats.isDomainName(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..b", "domain autuo.xicp.net", ".example.com"})
    void rejectsOtherDomainTexts(String value) {
        assertThat(Formats.isDomainName(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1a:2b:3c:4d:5e", "ff:ff:ff:ff:ff:ff"})
    void acceptsLowercaseColonMacAddresses(String value) {
        assertThat(Formats.isMac(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "0:1a:2b:3c:4d:5e"})
    void rejectsOtherMacTexts(String value) {
        assertThat(Formats.isMac(value)).isFalse();
    }
}
