package org.certhub.stix.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Validates a STIX 2.1 bundle: the envelope, then every object in it. */
public final class BundleValidator {

    private BundleValidator() {
    }

    public static void validate(JsonNode document, Issues out) {
        if (document == null || !document.isObject()) {
            out.error("", "json-type", "the document must be a JSON object (a STIX bundle), not "
                    + (document == null ? "nothing" : Checks.kind(document)));
            return;
        }
        JsonNode type = document.path("type");
        if (type.isMissingNode()) {
            out.error("/type", "required-property", "'type' is required (\"bundle\")");
            return;
        }
        if (!type.isString() || !type.stringValue().equals("bundle")) {
            out.error("/type", "bundle-type", "the document must be a STIX bundle (type \"bundle\"), not "
                    + (type.isString() ? Texts.quote(type.stringValue()) : Checks.kind(type)));
            return;
        }
        envelope(document, out);
        JsonNode objects = document.path("objects");
        if (objects.isMissingNode()) {
            return;
        }
        if (!objects.isArray()) {
            out.error("/objects", "json-type", "'objects' must be a list, not " + Checks.kind(objects));
            return;
        }
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < objects.size() && !out.full(); i++) {
            JsonNode object = objects.get(i);
            String pointer = Pointers.index("/objects", i);
            ObjectValidator.validate(object, pointer, out);
            duplicate(object, pointer, versions, out);
        }
    }

    private static void envelope(JsonNode bundle, Issues out) {
        JsonNode id = bundle.path("id");
        if (id.isMissingNode()) {
            out.error("/id", "required-property", "'id' is required");
        } else if (Checks.isString(id, "/id", out) && !Ids.hasType(id.stringValue(), "bundle")) {
            out.error("/id", "identifier-format", "a bundle id must be bundle--<RFC 4122 UUID>, not "
                    + Texts.quote(id.stringValue()));
        }
        for (Map.Entry<String, JsonNode> entry : bundle.properties()) {
            String name = entry.getKey();
            String at = Pointers.child("", name);
            if (name.equals("spec_version")) {
                specVersion(entry.getValue(), at, out);
            } else if (!name.equals("type") && !name.equals("id") && !name.equals("objects")) {
                out.warn(at, "custom-property", "'" + name + "' is not a property of a STIX 2.1 bundle");
            }
        }
    }

    /** STIX 2.1 bundles have no spec_version: "2.0" marks a STIX 2.0 bundle, which this hub rejects. */
    private static void specVersion(JsonNode version, String pointer, Issues out) {
        if (version.isString() && version.stringValue().equals("2.0")) {
            out.error(pointer, "spec-version", "this is a STIX 2.0 bundle; only STIX 2.1 is accepted");
        } else {
            out.warn(pointer, "spec-version", "STIX 2.1 bundles have no spec_version");
        }
    }

    /** The same object version twice in one bundle is suspicious but not invalid. */
    private static void duplicate(JsonNode object, String pointer, Set<String> versions, Issues out) {
        String id = Checks.text(object, "id");
        if (id.isEmpty()) {
            return;
        }
        String version = id + '|' + Checks.text(object, "modified");
        if (!versions.add(version)) {
            out.warn(Pointers.child(pointer, "id"), "duplicate-object",
                    "another object in this bundle has the same id and modified timestamp");
        }
    }
}
