package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.certhub.stix.pattern.PatternValue.IntValue;
import org.certhub.stix.pattern.PatternValue.StringValue;
import org.junit.jupiter.api.Test;

class StixPatternComparisonsTests {

    @Test
    void extractsTypePathOperatorAndValueOfASimpleComparison() {
        List<PatternComparison> comparisons = StixPattern.parse("[ipv4-addr:value = '198.51.100.7']").comparisons();

        assertThat(comparisons).containsExactly(new PatternComparison("ipv4-addr", "value", "=", false,
                List.of(new StringValue("198.51.100.7"))));
    }

    @Test
    void unquotesHashKeysInTheObjectPath() {
        PatternComparison comparison = StixPattern.parse(
                "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']")
                .comparisons().get(0);

        assertThat(comparison.objectType()).isEqualTo("file");
        assertThat(comparison.objectPath()).isEqualTo("hashes.SHA-256");
        assertThat(comparison.values()).containsExactly(
                new StringValue("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void keepsListIndexesAndExtensionNamesInTheObjectPath() {
        List<PatternComparison> comparisons = StixPattern.parse(
                "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0"
                        + " AND email-message:body_multipart[+0].body_raw_ref.name = 'a.exe']").comparisons();

        assertThat(comparisons).extracting(PatternComparison::objectPath).containsExactly(
                "extensions.windows-pebinary-ext.sections[*].entropy", "body_multipart[0].body_raw_ref.name");
    }

    @Test
    void listsEveryMemberOfAnInSetInSourceOrder() {
        PatternComparison comparison = StixPattern.parse(
                "[domain-name:value IN ('evil.example', 'bad.example', 'worse.example')]").comparisons().get(0);

        assertThat(comparison.operator()).isEqualTo("IN");
        assertThat(comparison.values()).extracting(value -> ((StringValue) value).value())
                .containsExactly("evil.example", "bad.example", "worse.example");
    }

    @Test
    void extractsCidrsOfSubsetAndSupersetComparisons() {
        List<PatternComparison> comparisons = StixPattern.parse("[ipv4-addr:value ISSUBSET '198.51.100.0/24'"
                + " OR ipv6-addr:value NOT ISSUPERSET '2001:db8::/32']").comparisons();

        assertThat(comparisons).extracting(PatternComparison::objectType, PatternComparison::operator,
                PatternComparison::negated, PatternComparison::values).containsExactly(
                tuple("ipv4-addr", "ISSUBSET", false, List.of(new StringValue("198.51.100.0/24"))),
                tuple("ipv6-addr", "ISSUPERSET", true, List.of(new StringValue("2001:db8::/32"))));
    }

    @Test
    void marksNegatedComparisons() {
        List<PatternComparison> comparisons = StixPattern.parse("[file:size NOT > 10 AND file:name NOT IN ('a')"
                + " AND file:name NOT LIKE 'b%' AND file:name NOT MATCHES '^c' AND file:name != 'd']").comparisons();

        assertThat(comparisons).extracting(PatternComparison::operator, PatternComparison::negated).containsExactly(
                tuple(">", true), tuple("IN", true), tuple("LIKE", true), tuple("MATCHES", true), tuple("!=", false));
    }

    @Test
    void givesExistsNoValues() {
        PatternComparison comparison = StixPattern.parse("[EXISTS windows-registry-key:values[*].data]")
                .comparisons().get(0);

        assertThat(comparison).isEqualTo(new PatternComparison("windows-registry-key", "values[*].data", "EXISTS",
                false, List.of()));
    }

    @Test
    void flattensComparisonsOfAllObservationsInSourceOrder() {
        List<PatternComparison> comparisons = StixPattern.parse("([file:name = 'a' OR (file:size = 1 AND"
                + " file:size = 2)] FOLLOWEDBY [process:pid = 3]) OR [x-acme-sensor:reading = 4] WITHIN 5 SECONDS")
                .comparisons();

        assertThat(comparisons).extracting(PatternComparison::objectType, PatternComparison::objectPath)
                .containsExactly(tuple("file", "name"), tuple("file", "size"), tuple("file", "size"),
                        tuple("process", "pid"), tuple("x-acme-sensor", "reading"));
        assertThat(comparisons.get(3).values()).containsExactly(new IntValue(3));
    }

    @Test
    void returnsAnUnmodifiableList() {
        List<PatternComparison> comparisons = StixPattern.parse("[file:name = 'a']").comparisons();

        assertThat(comparisons).isUnmodifiable();
        assertThat(comparisons.get(0).values()).isUnmodifiable();
    }

    @Test
    void reportsOperatorsAsTheirCanonicalSpelling() {
        List<PatternComparison> comparisons = StixPattern.parse("[a-b:c = 1 AND a-b:c != 1 AND a-b:c < 1"
                + " AND a-b:c <= 1 AND a-b:c > 1 AND a-b:c >= 1 AND a-b:c IN (1) AND a-b:c LIKE 'x'"
                + " AND a-b:c MATCHES 'x' AND a-b:c ISSUBSET 'x' AND a-b:c ISSUPERSET 'x' AND EXISTS a-b:c]")
                .comparisons();

        assertThat(comparisons).extracting(PatternComparison::operator).containsExactly("=", "!=", "<", "<=", ">",
                ">=", "IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET", "EXISTS");
    }
}
