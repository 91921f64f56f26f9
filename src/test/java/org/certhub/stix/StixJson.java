package org.certhub.stix;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds small STIX objects for tests: the common properties plus the given extra members. */
final class StixJson {

    static final String UUID = "8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StixJson() {
    }

    /** An SDO, SRO, language-content or extension-definition with valid common properties. */
    static ObjectNode sdo(String type, String extraMembers) {
        return parse("{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + type + "--" + UUID
                + "\",\"created\":\"2024-03-04T06:12:00.000Z\",\"modified\":\"2024-03-05T09:30:15.250Z\""
                + (extraMembers.isBlank() ? "" : "," + extraMembers) + "}");
    }

    /** An SCO with valid common properties. */
    static ObjectNode sco(String type, String extraMembers) {
        return parse("{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + type + "--" + UUID + "\""
                + (extraMembers.isBlank() ? "" : "," + extraMembers) + "}");
    }

    static ObjectNode bundle(JsonNode... objects) {
        ObjectNode bundle = parse("{\"type\":\"bundle\",\"id\":\"bundle--" + UUID + "\",\"objects\":[]}");
        for (JsonNode object : objects) {
            bundle.withArray("objects").add(object);
        }
        return bundle;
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }
}
