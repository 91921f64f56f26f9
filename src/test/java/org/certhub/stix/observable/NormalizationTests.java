package org.certhub.stix.observable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizationTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP://Evil.Example:80/Path?Q=A | http://evil.example/Path?Q=A",
            "https://evil.example:443 | https://evil.example/",
            "https://evil.example:8443/x | https://evil.example:8443/x",
            "http://EVIL.example?x=1 | http://evil.example/?x=1",
            "http://user@Evil.Example:80/a#Frag | http://user@evil.example/a#Frag",
            "http://[2001:DB8:0::1]:80/a | http://[2001:db8::1]/a",
            "http://пример.рф/путь | http://xn--e1afmkfd.xn--p1ai/путь",
            "not a url | not a url"})
    void writesUrlsInCanonicalForm(String raw, String canonical) {
        assertThat(Normalization.url(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"Пример.РФ., xn--e1afmkfd.xn--p1ai", "Evil.Example, evil.example", "xn--e1afmkfd.xn--p1ai, xn--e1afmkfd.xn--p1ai"})
    void writesInternationalisedDomainsInPunycode(String raw, String canonical) {
        assertThat(Normalization.domain(raw)).contains(canonical);
    }

    @Test
    void lowerCasesEmailAddressesAndPunycodesTheirDomain() {
        assertThat(Normalization.email(" Ops@Пример.рф ")).contains("ops@xn--e1afmkfd.xn--p1ai");
    }

    @Test
    void namesAreLowerCaseTrimmedWithWhiteSpaceCollapsed() {
        assertThat(Normalization.name("  Fancy \t Bear\n")).isEqualTo("fancy bear");
        assertThat(Normalization.name("ＡＰＴ２８")).isEqualTo("apt28");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001:0DB8:0000:0000:0000:0000:0000:0001 | ipv6:2001:db8::1",
            "2001:db8:0:0:1:0:0:1 | ipv6:2001:db8::1:0:0:1",
            "2001:db8::0:1 | ipv6:2001:db8::1",
            "0:0:0:0:0:0:0:0 | ipv6:::",
            "2001:db8::1/128 | ipv6:2001:db8::1",
            "2001:db8:ffff::/32 | cidr:2001:db8::/32",
            "203.0.113.9/24 | cidr:203.0.113.0/24"})
    void compressesIpv6AndClearsHostBitsOfNetworks(String raw, String key) {
        assertThat(Normalization.ip(raw)).get().extracting(Observable::key).isEqualTo(key);
    }

    @Test
    void guessesWhatAPastedValueMayBe() {
        assertThat(Normalization.candidates("203.0.113.7")).extracting(Observable::key).containsExactly("ipv4:203.0.113.7");
        assertThat(Normalization.candidates("Evil.Example")).extracting(Observable::key).containsExactly("domain:evil.example");
        assertThat(Normalization.candidates("d41d8cd98f00b204e9800998ecf8427e")).extracting(Observable::key)
                .containsExactly("md5:d41d8cd98f00b204e9800998ecf8427e");
        assertThat(Normalization.candidates("cve-2024-3400")).extracting(Observable::key).containsExactly("cve:CVE-2024-3400");
        assertThat(Normalization.candidates("Fancy  Bear")).extracting(Observable::key)
                .containsExactly("malware:fancy bear", "threat-actor:fancy bear");
    }
}
