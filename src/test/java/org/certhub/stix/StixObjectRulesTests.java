package org.certhub.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.certhub.stix.StixJson.sco;
import static org.certhub.stix.StixJson.sdo;

import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Per-type MUST rules beyond those exercised by the invalid fixtures. */
class StixObjectRulesTests {

    private static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
    private final StixValidator validator = new StixValidator();

    @Test
    void rejectsIndicatorWithAnUnparsableStixPatternOnlyWithTheParser() {
        JsonNode indicator = sdo("indicator", """
                "pattern":"[file:hashes.MD5 = 'abc'","pattern_type":"stix","valid_from":"2024-03-05T00:00:00Z\"""");

        assertThat(validator.validateObject(indicator, "").errors()).extracting(ValidationError::rule)
                .doesNotContain("internal-error");
    }

    @Test
    void rejectsIndicatorWithInvalidStixPattern() {
        JsonNode indicator = sdo("indicator", """
                "pattern":"[file:hashes.MD5 = 'abc'","pattern_type":"stix","valid_from":"2024-03-05T00:00:00Z\"""");

        errors(indicator).containsExactly(tuple("/pattern", "pattern-syntax"));
    }

    @Test
    void doesNotParsePatternsOfOtherLanguages() {
        JsonNode indicator = sdo("indicator", """
                "pattern":"alert tcp any any -> any 445 (msg:\\"SMB\\";)","pattern_type":"snort",
                "valid_from":"2024-03-05T00:00:00Z\"""");

        assertThat(validator.validateObject(indicator, "").valid()).isTrue();
    }

    @Test
    void rejectsMalwareAnalysisWithoutResultOrAnalysedObservables() {
        errors(sdo("malware-analysis", "\"product\":\"sandbox\"")).containsExactly(tuple("", "at-least-one-property"));
    }

    @Test
    void rejectsGroupingWithoutContext() {
        errors(sdo("grouping", "\"object_refs\":[\"tool--" + StixJson.UUID + "\"]"))
                .containsExactly(tuple("/context", "required-property"));
    }

    @Test
    void rejectsSightingWithoutWhatWasSighted() {
        errors(sdo("sighting", "\"count\":3")).containsExactly(tuple("/sighting_of_ref", "required-property"));
    }

    @Test
    void rejectsRelationshipWhoseStopTimeIsNotAfterStartTime() {
        errors(sdo("relationship", """
                "relationship_type":"uses","source_ref":"campaign--%1$s","target_ref":"malware--%1$s",
                "start_time":"2024-03-05T00:00:00Z","stop_time":"2024-03-05T00:00:00.000Z\"""".formatted(StixJson.UUID)))
                .containsExactly(tuple("/stop_time", "timestamp-order"));
    }

    @Test
    void rejectsStatementMarkingWithoutStatementText() {
        JsonNode marking = StixJson.parse("""
                {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--%s",
                 "created":"2024-01-01T00:00:00Z","definition_type":"statement","definition":{"text":"c"}}
                """.formatted(StixJson.UUID));

        errors(marking).containsExactly(tuple("/definition/statement", "marking-definition"));
    }

    @Test
    void rejectsTlp2LevelOutsideTheEnumeration() {
        JsonNode marking = StixJson.parse("""
                {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--%s",
                 "created":"2024-01-01T00:00:00Z","extensions":{
                 "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                 {"extension_type":"property-extension","tlp_2_0":"white"}}}""".formatted(StixJson.UUID));

        errors(marking).containsExactly(tuple(
                "/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d/tlp_2_0", "vocabulary"));
    }

    @Test
    void rejectsDecryptionKeyWithoutEncryptionAlgorithmAndUnknownAlgorithms() {
        errors(sco("artifact", "\"payload_bin\":\"AAAA\",\"decryption_key\":\"k\""))
                .containsExactly(tuple("/encryption_algorithm", "property-dependency"));
        errors(sco("artifact", "\"payload_bin\":\"AAAA\",\"encryption_algorithm\":\"rot13\""))
                .containsExactly(tuple("/encryption_algorithm", "vocabulary"));
    }

    @Test
    void rejectsActiveTrafficWithAnEndAndEndBeforeStart() {
        String ip = "\"src_ref\":\"ipv4-addr--" + StixJson.UUID + "\",\"protocols\":[\"tcp\"]";
        errors(sco("network-traffic", ip + ",\"is_active\":true,\"end\":\"2024-03-05T00:00:00Z\""))
                .containsExactly(tuple("/end", "property-dependency"));
        errors(sco("network-traffic", ip + ",\"start\":\"2024-03-05T00:00:00Z\",\"end\":\"2024-03-04T00:00:00Z\""))
                .containsExactly(tuple("/end", "timestamp-order"));
    }

    @Test
    void checksCveIdentifiers() {
        String reference = "\"name\":\"V\",\"external_references\":[{\"source_name\":\"cve\",\"external_id\":\"%s\"}]";
        assertThat(validator.validateObject(sdo("vulnerability", reference.formatted("CVE-2021-44228")), "").valid())
                .isTrue();
        assertThat(validator.validateObject(sdo("vulnerability", reference.formatted("CVE-2024-123456")), "").valid())
                .isTrue();
        errors(sdo("vulnerability", reference.formatted("CVE-2021-0123X")))
                .containsExactly(tuple("/external_references/0/external_id", "external-id-format"));
        errors(sdo("vulnerability", reference.formatted("CVE-2021-00123")))
                .containsExactly(tuple("/external_references/0/external_id", "external-id-format"));
    }

    @Test
    void rejectsLanguageContentForAnotherLanguageContent() {
        errors(sdo("language-content", """
                "object_ref":"language-content--%s","contents":{"uk":{"name":"Приклад"}}""".formatted(StixJson.UUID)))
                .containsExactly(tuple("/object_ref", "ref-target-type"));
    }

    @Test
    void rejectsExtensionPropertiesOutsideToplevelPropertyExtensions() {
        errors(sdo("extension-definition", """
                "created_by_ref":"identity--%s","name":"E","schema":"https://example.org/s","version":"1",
                "extension_types":["property-extension"],"extension_properties":["x_rank"]"""
                .formatted(StixJson.UUID))).containsExactly(tuple("/extension_properties", "property-dependency"));
    }

    @Test
    void rejectsPredefinedExtensionMissingARequiredProperty() {
        errors(sco("network-traffic", """
                "dst_ref":"domain-name--%s","protocols":["http"],
                "extensions":{"http-request-ext":{"request_method":"get"}}""".formatted(StixJson.UUID)))
                .containsExactly(tuple("/extensions/http-request-ext/request_value", "required-property"));
    }

    @Test
    void rejectsTlp2ExtensionOnAnythingButAMarkingDefinition() {
        errors(sdo("tool", """
                "name":"VNC","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                {"extension_type":"property-extension","tlp_2_0":"red"}}"""))
                .containsExactly(tuple("/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d",
                        "extension"));
    }

    @Test
    void rejectsExtensionDefinitionBasedExtensionWithoutExtensionType() {
        errors(sdo("tool", "\"name\":\"VNC\",\"extensions\":{\"extension-definition--%s\":{\"rank\":1}}"
                .formatted(StixJson.UUID)))
                .containsExactly(tuple("/extensions/extension-definition--" + StixJson.UUID + "/extension_type",
                        "required-property"));
    }

    @Test
    void rejectsIncidentTaskSequenceStepOutsideTheTaskList() {
        errors(sdo("incident", """
                "name":"I","extensions":{"%s":{"extension_type":"property-extension","determination":"confirmed",
                "investigation_status":"open","tasks":[{"task_ref":"task--%s","next_steps":[
                {"task_ref":"task--0e4a4d43-8c2c-4a1c-9a55-3c7b1e2d4f60","condition_type":"required",
                 "transition_type":"success"}]}]}}""".formatted(INCIDENT_CORE, StixJson.UUID)))
                .containsExactly(tuple("/extensions/" + INCIDENT_CORE + "/tasks/0/next_steps/0/task_ref",
                        "sequence-ref"));
    }

    @Test
    void rejectsIncidentCoreImpactRefToAnotherType() {
        errors(sdo("incident", """
                "name":"I","extensions":{"%s":{"extension_type":"property-extension","determination":"confirmed",
                "investigation_status":"open","impact_refs":["identity--%s"]}}""".formatted(INCIDENT_CORE,
                StixJson.UUID))).containsExactly(tuple("/extensions/" + INCIDENT_CORE + "/impact_refs/0",
                "ref-target-type"));
    }

    @Test
    void rejectsEmailMessageWithoutMultipartFlag() {
        errors(sco("email-message", "\"subject\":\"Invoice\""))
                .containsExactly(tuple("/is_multipart", "required-property"));
    }

    @Test
    void rejectsMimePartWithBothBodyAndRawReference() {
        errors(sco("email-message", """
                "is_multipart":true,"body_multipart":[{"body":"b","body_raw_ref":"artifact--%s"}]"""
                .formatted(StixJson.UUID))).containsExactly(tuple("/body_multipart/0/body_raw_ref",
                "mutually-exclusive"));
    }

    @Test
    void rejectsProcessImageThatIsNotAFile() {
        errors(sco("process", "\"image_ref\":\"directory--%s\"".formatted(StixJson.UUID)))
                .containsExactly(tuple("/image_ref", "ref-target-type"));
    }

    @Test
    void rejectsEmptyX509Certificate() {
        errors(sco("x509-certificate", "")).containsExactly(tuple("", "at-least-one-property"));
    }

    @Test
    void rejectsCustomBinaryPropertyThatIsNotBase64() {
        errors(sdo("tool", "\"name\":\"VNC\",\"x_sample_bin\":\"not base64!\""))
                .containsExactly(tuple("/x_sample_bin", "binary-format"));
    }

    private AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> errors(JsonNode object) {
        return assertThat(validator.validateObject(object, "").errors())
                .extracting(ValidationError::pointer, ValidationError::rule);
    }
}
