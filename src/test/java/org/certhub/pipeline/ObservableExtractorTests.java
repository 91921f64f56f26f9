package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ObservableExtractorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsTheValuesAnIndicatorPatternLooksFor() {
        Map<String, Set<String>> found = extract("{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":"
                + "\"[ipv4-addr:value = '203.0.113.7' OR domain-name:value = 'Evil.Example.'] AND "
                + "[file:hashes.'SHA-256' = 'AABB'] AND [ipv4-addr:value ISSUBSET '198.51.100.0/24'] AND "
                + "[url:value IN ('http://a.example/x', 'http://b.example/y')] AND [ipv4-addr:value NOT = '192.0.2.1']\"}");

        assertThat(found.get("ipv4")).containsExactly("203.0.113.7");
        assertThat(found.get("domain")).containsExactly("evil.example");
        assertThat(found.get("sha256")).containsExactly("aabb");
        assertThat(found.get("cidr")).containsExactly("198.51.100.0/24");
        assertThat(found.get("url")).containsExactly("http://a.example/x", "http://b.example/y");
        assertThat(found.get("values")).doesNotContain("192.0.2.1");
    }

    @Test
    void ignoresPatternsInOtherLanguagesAndBrokenOnes() {
        assertThat(extract("{\"type\":\"indicator\",\"pattern_type\":\"snort\",\"pattern\":\"alert tcp any any\"}")).isEmpty();
        assertThat(extract("{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":\"[ipv4-addr:value = \"}")).isEmpty();
    }

    @Test
    void findsScoValuesHashesTechniquesAndCves() {
        assertThat(extract("{\"type\":\"ipv6-addr\",\"value\":\"2001:DB8::1\"}").get("ipv6")).containsExactly("2001:db8::1");
        assertThat(extract("{\"type\":\"file\",\"hashes\":{\"MD5\":\"ABCD\",\"x-custom\":\"zz\"}}").get("md5"))
                .containsExactly("abcd");
        assertThat(extract("{\"type\":\"attack-pattern\",\"external_references\":[{\"source_name\":\"mitre-attack\","
                + "\"external_id\":\"T1486\"}]}").get("attack_technique")).containsExactly("T1486");
        assertThat(extract("{\"type\":\"vulnerability\",\"name\":\"CVE-2024-3400\"}").get("cve"))
                .containsExactly("CVE-2024-3400");
    }

    private static Map<String, Set<String>> extract(String object) {
        return ObservableExtractor.extract(JSON.readTree(object)).byField();
    }
}
