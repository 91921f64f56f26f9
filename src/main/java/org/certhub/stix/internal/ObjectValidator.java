package org.certhub.stix.internal;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Validates one STIX object: identity properties, then its type's shape, markings and extensions. */
public final class ObjectValidator {

    private ObjectValidator() {
    }

    public static void validate(JsonNode object, String pointer, Issues out) {
        if (!object.isObject()) {
            out.error(pointer, "json-type", "a STIX object must be a JSON object, not " + Checks.kind(object));
            return;
        }
        String type = type(object, pointer, out);
        if (type.isEmpty()) {
            return;
        }
        if (type.equals("bundle")) {
            out.error(Pointers.child(pointer, "type"), "bundle-type",
                    "a bundle is not a STIX object and cannot be nested or validated as one");
            return;
        }
        Optional<TypeSpec> spec = TypeRegistry.find(type);
        boolean customType = spec.isEmpty();
        Kind kind = spec.map(TypeSpec::kind).orElse(looksLikeSdo(object) ? Kind.SDO : Kind.SCO);
        Shape shape = spec.map(TypeSpec::shape).orElse(CommonProps.forKind(kind));
        if (customType) {
            out.warn(Pointers.child(pointer, "type"), "custom-object-type", "'" + type
                    + "' is not a STIX 2.1 type; only its common properties were validated");
        }
        id(object, type, pointer, out);
        specVersion(object, kind, pointer, out);
        boolean customPropertiesExpected = customType
                || Extensions.declares(object, "toplevel-property-extension");
        ShapeValidator.validateObject(object, pointer, shape, customPropertiesExpected, out);
        GranularMarkings.check(object, pointer, out);
        Extensions.check(object, type, pointer, out);
    }

    /** @return the valid type name, or "" when it is missing or invalid (an error was reported) */
    private static String type(JsonNode object, String pointer, Issues out) {
        JsonNode type = object.path("type");
        String at = Pointers.child(pointer, "type");
        if (type.isMissingNode()) {
            out.error(at, "required-property", "'type' is required");
        } else if (Checks.isString(type, at, out)) {
            String name = type.stringValue();
            if (!Ids.isValidType(name)) {
                out.error(at, "type-format", "type " + Texts.quote(name) + " must be 3 to 250 characters of"
                        + " a-z, 0-9 and single hyphens, starting with a letter");
            } else if (name.equals("action")) {
                out.error(at, "reserved-type", "'action' is reserved by STIX 2.1 and must not be used");
            } else {
                return name;
            }
        }
        return "";
    }

    private static void id(JsonNode object, String type, String pointer, Issues out) {
        JsonNode id = object.path("id");
        String at = Pointers.child(pointer, "id");
        if (id.isMissingNode()) {
            out.error(at, "required-property", "'id' is required");
        } else if (Checks.isString(id, at, out)) {
            String value = id.stringValue();
            if (!Ids.isValid(value)) {
                out.error(at, "identifier-format", "id must be <type>--<RFC 4122 UUID>, not " + Texts.quote(value));
            } else if (!Ids.typeOf(value).equals(type)) {
                out.error(at, "identifier-format", "id must start with the object's type '" + type + "--'");
            }
        }
    }

    /** spec_version MUST be "2.1"; it is optional only on SCOs. */
    private static void specVersion(JsonNode object, Kind kind, String pointer, Issues out) {
        JsonNode version = object.path("spec_version");
        String at = Pointers.child(pointer, "spec_version");
        if (version.isMissingNode()) {
            if (kind != Kind.SCO) {
                out.error(at, "required-property", "'spec_version' is required (\"2.1\")");
            }
        } else if (Checks.isString(version, at, out) && !version.stringValue().equals("2.1")) {
            out.error(at, "spec-version", "spec_version must be \"2.1\", not " + Texts.quote(version.stringValue()));
        }
    }

    /** Custom objects with created/modified follow the SDO rules; the others are treated as SCOs. */
    private static boolean looksLikeSdo(JsonNode object) {
        return object.has("created") || object.has("modified") || object.has("created_by_ref");
    }
}
