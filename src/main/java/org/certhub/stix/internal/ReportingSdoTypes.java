package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.STRING;
import static org.certhub.stix.internal.Checks.STRING_LIST;
import static org.certhub.stix.internal.Checks.TIMESTAMP;
import static org.certhub.stix.internal.Checks.vocab;
import static org.certhub.stix.internal.Checks.vocabList;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** SDOs that carry detections, observations, analyses and reporting (specification section 4). */
final class ReportingSdoTypes {

    private ReportingSdoTypes() {
    }

    static List<TypeSpec> all() {
        return List.of(
                TypeSpec.sdo("grouping", Shape.builder()
                        .optional("name", STRING)
                        .optional("description", STRING)
                        .required("context", vocab(Vocabularies.GROUPING_CONTEXT))
                        .required("object_refs", RefChecks.ANY_REFS)),
                TypeSpec.sdo("incident", Shape.builder()
                        .required("name", STRING)
                        .optional("description", STRING)
                        .optional("kill_chain_phases", EmbeddedShapes.KILL_CHAIN_PHASES)),
                TypeSpec.sdo("indicator", Shape.builder()
                        .optional("name", STRING)
                        .optional("description", STRING)
                        .optional("indicator_types", vocabList(Vocabularies.INDICATOR_TYPE))
                        .required("pattern", STRING)
                        .required("pattern_type", vocab(Vocabularies.PATTERN_TYPE))
                        .optional("pattern_version", STRING)
                        .required("valid_from", TIMESTAMP)
                        .optional("valid_until", TIMESTAMP)
                        .optional("kill_chain_phases", EmbeddedShapes.KILL_CHAIN_PHASES)
                        .rule(TimeOrder.after("valid_from", "valid_until"))
                        .rule(PatternRule::check)),
                TypeSpec.sdo("malware-analysis", malwareAnalysis()),
                TypeSpec.sdo("note", Shape.builder()
                        .optional("abstract", STRING)
                        .required("content", STRING)
                        .optional("authors", STRING_LIST)
                        .required("object_refs", RefChecks.ANY_REFS)),
                TypeSpec.sdo("observed-data", Shape.builder()
                        .required("first_observed", TIMESTAMP)
                        .required("last_observed", TIMESTAMP)
                        .required("number_observed", Checks.integer(1, 999_999_999))
                        .optional("objects", ReportingSdoTypes::embeddedObservables)
                        .optional("object_refs", RefChecks.refs(RefTarget.SCO_OR_SRO))
                        .rule(TimeOrder.notBefore("first_observed", "last_observed"))
                        .rule(PropertyRules.exactlyOne("objects", "object_refs"))),
                TypeSpec.sdo("opinion", Shape.builder()
                        .optional("explanation", STRING)
                        .optional("authors", STRING_LIST)
                        .required("opinion", vocab(Enums.OPINION))
                        .required("object_refs", RefChecks.ANY_REFS)),
                TypeSpec.sdo("report", Shape.builder()
                        .required("name", STRING)
                        .optional("description", STRING)
                        .optional("report_types", vocabList(Vocabularies.REPORT_TYPE))
                        .required("published", TIMESTAMP)
                        .required("object_refs", RefChecks.ANY_REFS)));
    }

    private static Shape.Builder malwareAnalysis() {
        return Shape.builder()
                .required("product", STRING)
                .optional("version", STRING)
                .optional("host_vm_ref", RefChecks.ref("software"))
                .optional("operating_system_ref", RefChecks.ref("software"))
                .optional("installed_software_refs", RefChecks.refs("software"))
                .optional("configuration_version", STRING)
                .optional("modules", STRING_LIST)
                .optional("analysis_engine_version", STRING)
                .optional("analysis_definition_version", STRING)
                .optional("submitted", TIMESTAMP)
                .optional("analysis_started", TIMESTAMP)
                .optional("analysis_ended", TIMESTAMP)
                .optional("result_name", STRING)
                .optional("result", vocab(Vocabularies.MALWARE_RESULT))
                .optional("analysis_sco_refs", RefChecks.refs(RefTarget.SCO))
                .optional("sample_ref", RefChecks.ref("file", "network-traffic", "artifact"))
                .rule(PropertyRules.atLeastOne("result", "analysis_sco_refs"));
    }

    /**
     * The deprecated STIX 2.0 way of embedding observables: a dictionary of SCOs without ids. Accepted with a
     * warning; each entry must at least be an object with a type.
     */
    private static void embeddedObservables(JsonNode value, String pointer, Issues out) {
        if (!Checks.isNonEmptyObject(value, pointer, out)) {
            return;
        }
        out.warn(pointer, "deprecated", "'objects' is deprecated in STIX 2.1; use object_refs to SCOs");
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String at = Pointers.child(pointer, entry.getKey());
            JsonNode observable = entry.getValue();
            if (!observable.isObject()) {
                out.error(at, "json-type", "an embedded observable must be a JSON object");
            } else if (!observable.path("type").isString()) {
                out.error(Pointers.child(at, "type"), "required-property", "an embedded observable needs a type");
            }
        }
    }
}
