package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's own fixtures: bundles in {@code stix/valid} must pass without errors; each bundle in
 * {@code stix/invalid} breaks exactly one rule, named by its file name, and must be reported at the right place.
 */
class StixFixtureTests {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private final StixValidator validator = new StixValidator();

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void acceptsValidFixture(String file) throws Exception {
        ValidationReport report = validator.validateBundle(read("valid", file));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        at-least-one-property--empty-process.json, /objects/1, at-least-one-property
        at-least-one-property--external-reference-with-only-source.json, /objects/1/external_references/0, at-least-one-property
        at-least-one-property--file-without-name-or-hashes.json, /objects/1, at-least-one-property
        at-least-one-property--location-nowhere.json, /objects/1, at-least-one-property
        at-least-one-property--network-traffic-without-endpoints.json, /objects/1, at-least-one-property
        binary-format--artifact-payload-not-base64.json, /objects/1/payload_bin, binary-format
        bundle-type--single-object-instead-of-bundle.json, /type, bundle-type
        dictionary-key--space-in-key.json, /objects/1/environment_variables/PATH VAR, dictionary-key
        empty-list--labels.json, /objects/1/labels, empty-list
        empty-list--report-object-refs.json, /objects/1/object_refs, empty-list
        extension--archive-ext-on-process.json, /objects/1/extensions/archive-ext, extension
        extension--incident-core-on-malware.json, /objects/1/extensions/extension-definition--ef765651-680c-498d-9894-99799f2fa126, extension
        extension--invalid-extension-key.json, /objects/1/extensions/my extension, extension
        external-id-format--capec.json, /objects/1/external_references/0/external_id, external-id-format
        granular-marking--both-marking-ref-and-lang.json, /objects/1/granular_markings/0, granular-marking
        hash-format--md5-too-short.json, /objects/1/hashes/MD5, hash-format
        hash-format--sha256-not-hex.json, /objects/1/hashes/SHA-256, hash-format
        hex-format--odd-length-magic-number.json, /objects/1/magic_number_hex, hex-format
        identifier-format--bundle-id.json, /id, identifier-format
        identifier-format--custom-object-id-prefix.json, /objects/1/id, identifier-format
        identifier-format--id-prefix-differs-from-type.json, /objects/1/id, identifier-format
        identifier-format--id-without-uuid.json, /objects/1/id, identifier-format
        ip-format--ipv4-octet-over-255.json, /objects/1/value, ip-format
        ip-format--ipv6-two-compressions.json, /objects/1/value, ip-format
        json-syntax--trailing-comma.json, '', json-syntax
        json-type--is-family-is-a-string.json, /objects/1/is_family, json-type
        json-type--name-is-a-number.json, /objects/1/name, json-type
        json-type--top-level-array.json, '', json-type
        language-tag--contents-key.json, /objects/1/contents/ukrainian language, language-tag
        language-tag--lang.json, /objects/1/lang, language-tag
        mac-format--uppercase.json, /objects/1/value, mac-format
        marking-circular--marking-marks-itself.json, /objects/1/object_marking_refs/0, marking-circular
        marking-definition--tlp1-with-non-canonical-id.json, /objects/1/definition, marking-definition
        marking-definition--tlp2-level-does-not-match-id.json, /objects/1/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d/tlp_2_0, marking-definition
        marking-selector--list-index-out-of-range.json, /objects/1/granular_markings/0/selectors/0, marking-selector
        marking-selector--selector-not-in-object.json, /objects/1/granular_markings/0/selectors/0, marking-selector
        modified-before-created--malware.json, /objects/1/modified, modified-before-created
        mutually-exclusive--artifact-payload-and-url.json, /objects/1/url, mutually-exclusive
        mutually-exclusive--observed-data-objects-and-refs.json, /objects/1/object_refs, mutually-exclusive
        null-value--description-is-null.json, /objects/1/description, null-value
        property-dependency--artifact-url-without-hashes.json, /objects/1/hashes, property-dependency
        property-dependency--email-body-when-multipart.json, /objects/1/body, property-dependency
        property-dependency--latitude-without-longitude.json, /objects/1/longitude, property-dependency
        property-name--hyphen-in-custom-property.json, /objects/1/x-bad-name, property-name
        property-name--too-short.json, /objects/1/xy, property-name
        ref-target-type--created-by-ref-to-malware.json, /objects/1/created_by_ref, ref-target-type
        ref-target-type--network-traffic-src-ref-to-file.json, /objects/1/src_ref, ref-target-type
        ref-target-type--object-marking-ref-to-identity.json, /objects/1/object_marking_refs/0, ref-target-type
        ref-target-type--observed-data-refs-an-sdo.json, /objects/1/object_refs/0, ref-target-type
        ref-target-type--relationship-source-is-relationship.json, /objects/1/source_ref, ref-target-type
        ref-target-type--sighting-of-an-sco.json, /objects/1/sighting_of_ref, ref-target-type
        ref-target-type--sighting-where-sighted-malware.json, /objects/1/where_sighted_refs/0, ref-target-type
        registry-key-format--abbreviated-hive.json, /objects/1/key, registry-key-format
        relationship-type-format--uppercase.json, /objects/1/relationship_type, relationship-type-format
        required-property--cve-reference-without-external-id.json, /objects/1/external_references/0/external_id, required-property
        required-property--extension-definition-without-created-by-ref.json, /objects/1/created_by_ref, required-property
        required-property--incident-core-investigation-status.json, /objects/1/extensions/extension-definition--ef765651-680c-498d-9894-99799f2fa126/investigation_status, required-property
        required-property--indicator-without-pattern.json, /objects/1/pattern, required-property
        required-property--malware-family-without-name.json, /objects/1/name, required-property
        required-property--marking-without-definition.json, /objects/1, required-property
        required-property--report-without-published.json, /objects/1/published, required-property
        required-property--sdo-without-spec-version.json, /objects/1/spec_version, required-property
        reserved-property--severity.json, /objects/1/severity, reserved-property
        reserved-type--action.json, /objects/1/type, reserved-type
        spec-version--object-claims-2.0.json, /objects/1/spec_version, spec-version
        spec-version--stix-2.0-bundle.json, /spec_version, spec-version
        timestamp-format--february-30.json, /objects/1/published, timestamp-format
        timestamp-format--offset-instead-of-z.json, /objects/1/first_seen, timestamp-format
        timestamp-order--indicator-valid-until-not-after-valid-from.json, /objects/1/valid_until, timestamp-order
        timestamp-order--last-observed-before-first.json, /objects/1/last_observed, timestamp-order
        timestamp-order--sighting-last-seen-before-first-seen.json, /objects/1/last_seen, timestamp-order
        timestamp-precision--created-without-milliseconds.json, /objects/1/created, timestamp-precision
        timestamp-precision--pe-time-date-stamp-with-fraction.json, /objects/1/extensions/windows-pebinary-ext/time_date_stamp, timestamp-precision
        type-format--uppercase-type.json, /objects/1/type, type-format
        url-format--url-without-scheme.json, /objects/1/value, url-format
        value-range--confidence-over-100.json, /objects/1/confidence, value-range
        value-range--incident-core-criticality.json, /objects/1/extensions/extension-definition--ef765651-680c-498d-9894-99799f2fa126/criticality, value-range
        value-range--latitude.json, /objects/1/latitude, value-range
        value-range--number-observed-zero.json, /objects/1/number_observed, value-range
        value-range--port-over-65535.json, /objects/1/dst_port, value-range
        value-range--sighting-count.json, /objects/1/count, value-range
        vocabulary--extension-types-not-in-enum.json, /objects/1/extension_types/0, vocabulary
        vocabulary--incident-core-determination.json, /objects/1/extensions/extension-definition--ef765651-680c-498d-9894-99799f2fa126/determination, vocabulary
        vocabulary--opinion-not-in-enum.json, /objects/1/opinion, vocabulary
        """)
    void reportsTheOneBrokenRuleOfInvalidFixture(String file, String pointer, String rule) throws Exception {
        if (rule.equals("json-syntax")) {
            assertThatThrownBy(() -> read("invalid", file)).isInstanceOf(JacksonException.class);
            return;
        }
        ValidationReport report = validator.validateBundle(read("invalid", file));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(ValidationError::pointer, ValidationError::rule)
                .containsExactly(tuple(pointer, rule));
    }

    @Test
    void invalidFixtureNamesStartWithTheirRule() throws Exception {
        for (String file : fixtures("invalid")) {
            assertThat(file).matches("[a-z0-9-]+--[a-z0-9.-]+\\.json");
        }
    }

    @Test
    void everyInvalidFixtureIsListedInTheTable() throws Exception {
        String table = StixFixtureTests.class.getDeclaredMethod("reportsTheOneBrokenRuleOfInvalidFixture",
                String.class, String.class, String.class).getAnnotation(CsvSource.class).textBlock();
        for (String file : fixtures("invalid")) {
            assertThat(table).as("listed in the @CsvSource table").contains(file);
        }
    }

    static Stream<String> validFixtures() throws Exception {
        return fixtures("valid").stream();
    }

    private static List<String> fixtures(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(StixFixtureTests.class.getResource("/stix/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(String kind, String file) throws IOException {
        try (var in = StixFixtureTests.class.getResourceAsStream("/stix/" + kind + "/" + file)) {
            return MAPPER.readTree(in);
        }
    }
}
