package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.STRING;
import static org.certhub.stix.internal.Checks.STRING_LIST;
import static org.certhub.stix.internal.Checks.TIMESTAMP;
import static org.certhub.stix.internal.Checks.vocab;
import static org.certhub.stix.internal.Checks.vocabList;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** SDOs that describe adversaries, their means and their targets (specification section 4). */
final class ThreatSdoTypes {

    private ThreatSdoTypes() {
    }

    static List<TypeSpec> all() {
        return List.of(
                TypeSpec.sdo("attack-pattern", named()
                        .optional("aliases", STRING_LIST)
                        .optional("kill_chain_phases", EmbeddedShapes.KILL_CHAIN_PHASES)),
                TypeSpec.sdo("campaign", named().optional("aliases", STRING_LIST).include(seen())
                        .optional("objective", STRING)),
                TypeSpec.sdo("course-of-action", named()),
                TypeSpec.sdo("identity", named()
                        .optional("roles", STRING_LIST)
                        .optional("identity_class", vocab(Vocabularies.IDENTITY_CLASS))
                        .optional("sectors", vocabList(Vocabularies.INDUSTRY_SECTOR))
                        .optional("contact_information", STRING)),
                TypeSpec.sdo("infrastructure", named()
                        .optional("infrastructure_types", vocabList(Vocabularies.INFRASTRUCTURE_TYPE))
                        .optional("aliases", STRING_LIST)
                        .optional("kill_chain_phases", EmbeddedShapes.KILL_CHAIN_PHASES)
                        .include(seen())),
                TypeSpec.sdo("intrusion-set", named().optional("aliases", STRING_LIST).include(seen())
                        .optional("goals", STRING_LIST).include(motivation())),
                TypeSpec.sdo("location", location()),
                TypeSpec.sdo("malware", malware()),
                TypeSpec.sdo("threat-actor", named()
                        .optional("threat_actor_types", vocabList(Vocabularies.THREAT_ACTOR_TYPE))
                        .optional("aliases", STRING_LIST).include(seen())
                        .optional("roles", vocabList(Vocabularies.THREAT_ACTOR_ROLE))
                        .optional("goals", STRING_LIST)
                        .optional("sophistication", vocab(Vocabularies.THREAT_ACTOR_SOPHISTICATION))
                        .include(motivation())
                        .optional("personal_motivations", vocabList(Vocabularies.ATTACK_MOTIVATION))),
                TypeSpec.sdo("tool", named()
                        .optional("tool_types", vocabList(Vocabularies.TOOL_TYPE))
                        .optional("aliases", STRING_LIST)
                        .optional("kill_chain_phases", EmbeddedShapes.KILL_CHAIN_PHASES)
                        .optional("tool_version", STRING)),
                TypeSpec.sdo("vulnerability", named()));
    }

    private static Shape.Builder named() {
        return Shape.builder().required("name", STRING).optional("description", STRING);
    }

    /** first_seen / last_seen pairs: last_seen MUST NOT be before first_seen. */
    private static Shape seen() {
        return Shape.builder()
                .optional("first_seen", TIMESTAMP)
                .optional("last_seen", TIMESTAMP)
                .rule(TimeOrder.notBefore("first_seen", "last_seen"))
                .build();
    }

    private static Shape motivation() {
        return Shape.builder()
                .optional("resource_level", vocab(Vocabularies.ATTACK_RESOURCE_LEVEL))
                .optional("primary_motivation", vocab(Vocabularies.ATTACK_MOTIVATION))
                .optional("secondary_motivations", vocabList(Vocabularies.ATTACK_MOTIVATION))
                .build();
    }

    private static Shape.Builder location() {
        return Shape.builder()
                .optional("name", STRING)
                .optional("description", STRING)
                .optional("latitude", Checks.number(-90, 90))
                .optional("longitude", Checks.number(-180, 180))
                .optional("precision", Checks.number(0, Double.MAX_VALUE))
                .optional("region", vocab(Vocabularies.REGION))
                .optional("country", STRING)
                .optional("administrative_area", STRING)
                .optional("city", STRING)
                .optional("street_address", STRING)
                .optional("postal_code", STRING)
                .rule(PropertyRules.requires("latitude", "longitude"))
                .rule(PropertyRules.requires("longitude", "latitude"))
                .rule(PropertyRules.requires("precision", "latitude"))
                .rule(ThreatSdoTypes::locationIsSomewhere);
    }

    /** A location MUST have a region, a country, or a latitude and longitude. */
    private static void locationIsSomewhere(JsonNode location, String pointer, Issues out) {
        if (!location.has("region") && !location.has("country")
                && !(location.has("latitude") && location.has("longitude"))) {
            out.error(pointer, "at-least-one-property",
                    "a location needs region, country, or latitude and longitude");
        }
    }

    private static Shape.Builder malware() {
        return Shape.builder()
                .optional("name", STRING)
                .optional("description", STRING)
                .optional("malware_types", vocabList(Vocabularies.MALWARE_TYPE))
                .required("is_family", Checks.BOOLEAN)
                .optional("aliases", STRING_LIST)
                .optional("kill_chain_phases", EmbeddedShapes.KILL_CHAIN_PHASES)
                .include(seen())
                .optional("operating_system_refs", RefChecks.refs("software"))
                .optional("architecture_execution_envs", vocabList(Vocabularies.PROCESSOR_ARCHITECTURE))
                .optional("implementation_languages", vocabList(Vocabularies.IMPLEMENTATION_LANGUAGE))
                .optional("capabilities", vocabList(Vocabularies.MALWARE_CAPABILITIES))
                .optional("sample_refs", RefChecks.refs("file", "artifact"))
                .rule(ThreatSdoTypes::familyHasName);
    }

    /** A malware family (is_family true) MUST have a name. */
    private static void familyHasName(JsonNode malware, String pointer, Issues out) {
        if (malware.path("is_family").isBoolean() && malware.path("is_family").booleanValue() && !malware.has("name")) {
            out.error(Pointers.child(pointer, "name"), "required-property",
                    "'name' is required when is_family is true");
        }
    }
}
