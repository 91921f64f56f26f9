package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.certhub.stix.StixJson.bundle;
import static org.certhub.stix.StixJson.sco;
import static org.certhub.stix.StixJson.sdo;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The public API contract and the SHOULD-level findings that must stay warnings. */
class StixValidatorTests {

    private final StixValidator validator = new StixValidator();

    @Test
    void stopsAtTheDefaultCapOfOneHundredErrorsAndSaysSo() {
        JsonNode[] tools = new JsonNode[150];
        for (int i = 0; i < tools.length; i++) {
            tools[i] = sdo("tool", "");
        }

        ValidationReport report = validator.validateBundle(bundle(tools));

        assertThat(report.errors()).hasSize(101);
        assertThat(report.errors().get(100).rule()).isEqualTo("too-many-errors");
    }

    @Test
    void honoursACustomCap() {
        ValidationReport report = new StixValidator(1).validateObject(sdo("tool", "\"confidence\":101"), "");

        assertThat(report.errors()).extracting(ValidationError::rule)
                .containsExactly("value-range", "too-many-errors");
    }

    @Test
    void rejectsACapBelowOne() {
        assertThatThrownBy(() -> new StixValidator(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointsErrorsRelativeToTheGivenPointer() {
        ValidationReport report = validator.validateObject(sdo("tool", ""), "/objects/7");

        assertThat(report.errors()).extracting(ValidationError::pointer, ValidationError::rule)
                .containsExactly(tuple("/objects/7/name", "required-property"));
    }

    @Test
    void rejectsABundleValidatedAsAnObject() {
        assertThat(validator.validateObject(bundle(), "").errors()).extracting(ValidationError::rule)
                .containsExactly("bundle-type");
    }

    @Test
    void reportsAreImmutable() {
        ValidationReport report = validator.validateObject(sdo("tool", ""), "");

        assertThatThrownBy(() -> report.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void openVocabularyValueIsAWarningNotAnError() {
        ValidationReport report = validator.validateObject(sdo("malware",
                "\"is_family\":true,\"name\":\"XMRig\",\"malware_types\":[\"cryptominer\"]"), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::pointer, ValidationError::rule)
                .containsExactly(tuple("/malware_types/0", "vocabulary"));
    }

    @Test
    void customPropertyWithoutPrefixIsAWarningAndWithXPrefixIsSilent() {
        ValidationReport report = validator.validateObject(sdo("tool",
                "\"name\":\"VNC\",\"foo_value\":\"bizz\",\"x_certhub_case\":\"CASE-1\""), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::pointer, ValidationError::rule)
                .containsExactly(tuple("/foo_value", "custom-property"));
    }

    @Test
    void uppercaseCustomPropertyNameIsAWarning() {
        ValidationReport report = validator.validateObject(sdo("tool", "\"name\":\"VNC\",\"x_CaseId\":\"1\""), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::rule).containsExactly("property-name");
    }

    @Test
    void toplevelPropertyExtensionSilencesCustomPropertyWarnings() {
        ValidationReport report = validator.validateObject(sdo("tool", """
                "name":"VNC","rank":3,"extensions":{"extension-definition--%s":
                {"extension_type":"toplevel-property-extension"}}""".formatted(StixJson.UUID)), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void customObjectTypeIsAcceptedWithAWarning() {
        ValidationReport report = validator.validateObject(sdo("x-ics-asset", "\"asset_class\":\"plc\""), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::rule).containsExactly("custom-object-type");
    }

    @Test
    void customObjectCommonPropertiesAreStillValidated() {
        ObjectNode custom = sdo("x-ics-asset", "\"confidence\":500");
        custom.put("spec_version", "2.0");

        assertThat(validator.validateObject(custom, "").errors()).extracting(ValidationError::rule)
                .containsExactly("spec-version", "value-range");
    }

    @Test
    void scoMayOmitSpecVersion() {
        ObjectNode ip = sco("ipv4-addr", "\"value\":\"198.51.100.3\"");
        ip.remove("spec_version");

        assertThat(validator.validateObject(ip, "").valid()).isTrue();
    }

    @Test
    void deprecatedEmbeddedObservablesAreAWarning() {
        ValidationReport report = validator.validateObject(sdo("observed-data", """
                "first_observed":"2024-03-04T06:01:00Z","last_observed":"2024-03-04T06:01:00Z",
                "number_observed":1,"objects":{"0":{"type":"ipv4-addr","value":"198.51.100.3"}}"""), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::rule).containsExactly("deprecated");
    }

    @Test
    void sameObjectVersionTwiceInABundleIsAWarning() {
        JsonNode tool = sdo("tool", "\"name\":\"VNC\"");

        ValidationReport report = validator.validateBundle(bundle(tool, tool));

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::pointer, ValidationError::rule)
                .containsExactly(tuple("/objects/1/id", "duplicate-object"));
    }

    @Test
    void hashKeyOutsideTheVocabularyIsAWarning() {
        ValidationReport report = validator.validateObject(sco("file",
                "\"name\":\"a.exe\",\"hashes\":{\"sha256\":\"anything\"}"), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::pointer).containsExactly("/hashes/sha256");
    }

    @Test
    void stix20StyleCustomExtensionIsAWarning() {
        ValidationReport report = validator.validateObject(sco("file",
                "\"name\":\"a.exe\",\"extensions\":{\"x-acme-ext\":{\"owner\":\"acme\"}}"), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::rule).containsExactly("extension");
    }

    @Test
    void unknownPropertiesInTheIncidentCoreExtensionAreWarnings() {
        ValidationReport report = validator.validateObject(sdo("incident", """
                "name":"I","extensions":{"extension-definition--ef765651-680c-498d-9894-99799f2fa126":
                {"extension_type":"property-extension","determination":"suspected","investigation_status":"new",
                 "investigation_lead":"duty officer"}}"""), "");

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::rule).containsExactly("custom-property");
    }

    @Test
    void bundleCustomPropertyIsAWarning() {
        ObjectNode bundle = bundle();
        bundle.put("x_source", "feed");

        ValidationReport report = validator.validateBundle(bundle);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(ValidationError::rule).containsExactly("custom-property");
    }
}
