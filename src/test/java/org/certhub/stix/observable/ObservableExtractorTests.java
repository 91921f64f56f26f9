package org.certhub.stix.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ObservableExtractorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsTheValuesAnIndicatorPatternLooksFor() {
        List<String> found = keys("{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":"
                + "\"[ipv4-addr:value = '203.0.113.7' OR domain-name:value = 'Evil.Example.'] AND "
                + "[file:hashes.'SHA-256' = 'AABB'] AND [ipv4-addr:value ISSUBSET '198.51.100.0/24'] AND "
                + "[url:value IN ('http://a.example/x', 'HTTP://B.Example:80/y')] AND [ipv4-addr:value NOT = '192.0.2.1']\"}");

        assertThat(found).containsExactlyInAnyOrder("ipv4:203.0.113.7", "domain:evil.example", "sha256:aabb",
                "cidr:198.51.100.0/24", "url:http://a.example/x", "url:http://b.example/y");
    }

    @Test
    void ignoresPatternsInOtherLanguagesAndBrokenOnes() {
        assertThat(keys("{\"type\":\"indicator\",\"pattern_type\":\"snort\",\"pattern\":\"alert tcp any any\"}")).isEmpty();
        assertThat(keys("{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":\"[ipv4-addr:value = \"}")).isEmpty();
    }

    @Test
    void findsScoValuesHashesTechniquesAndCves() {
        assertThat(keys("{\"type\":\"ipv6-addr\",\"value\":\"2001:DB8:0:0:0:0:0:1\"}")).containsExactly("ipv6:2001:db8::1");
        assertThat(keys("{\"type\":\"file\",\"hashes\":{\"MD5\":\"ABCD\",\"x-custom\":\"zz\"}}")).containsExactly("md5:abcd");
        assertThat(keys("{\"type\":\"attack-pattern\",\"external_references\":[{\"source_name\":\"mitre-attack\","
                + "\"external_id\":\"t1486\"},{\"source_name\":\"capec\",\"external_id\":\"CAPEC-1\"}]}"))
                .containsExactly("attack-technique:T1486");
        assertThat(keys("{\"type\":\"vulnerability\",\"name\":\"CVE-2024-3400\"}")).containsExactly("cve:CVE-2024-3400");
        assertThat(keys("{\"type\":\"autonomous-system\",\"number\":64500}")).containsExactly("asn:64500");
        assertThat(keys("{\"type\":\"x509-certificate\",\"hashes\":{\"SHA-1\":\"AA11\"}}")).containsExactly("sha1:aa11");
    }

    @Test
    void findsMalwareAndThreatActorNamesWithTheirAliasesNormalised() {
        assertThat(keys("{\"type\":\"malware\",\"name\":\"  Black   Energy \",\"aliases\":[\"BlackEnergy\"]}"))
                .containsExactly("malware:black energy", "malware:blackenergy");
        assertThat(keys("{\"type\":\"threat-actor\",\"name\":\"Sandworm\\tTeam\"}")).containsExactly("threat-actor:sandworm team");
        assertThat(keys("{\"type\":\"intrusion-set\",\"name\":\"APT28\"}")).containsExactly("threat-actor:apt28");
    }

    @Test
    void aNetworkIsOneValueWhicheverHostAddressItIsWrittenWith() {
        assertThat(keys("{\"type\":\"ipv4-addr\",\"value\":\"198.51.100.77/24\"}")).containsExactly("cidr:198.51.100.0/24");
    }

    private static List<String> keys(String object) {
        return ObservableExtractor.extract(JSON.readTree(object)).stream().map(Observable::key).toList();
    }
}
