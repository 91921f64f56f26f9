package org.certhub.stix.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code extensions} dictionary (specification section 7.3): keys are extension-definition ids or the
 * names of predefined SCO extensions; values are non-empty objects.
 */
final class Extensions {

    static final String TLP2 = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

    /** Extension definitions this validator understands: id to the host type and the extension's shape. */
    private static final Map<String, Known> KNOWN = Map.of(
            TLP2, new Known("marking-definition", Shape.builder()
                    .required("extension_type", propertyExtension())
                    .required("tlp_2_0", Checks.vocab(Vocab.closed("tlp-2-0-enum",
                            "clear", "green", "amber", "amber+strict", "red")))
                    .build()),
            INCIDENT_CORE, new Known("incident", IncidentCoreExtension.SHAPE));

    private static final Check EXTENSION_TYPE = Checks.vocab(Enums.EXTENSION_TYPE);

    private record Known(String hostType, Shape shape) {
    }

    private Extensions() {
    }

    static Check propertyExtension() {
        return Checks.format("extension", "property-extension"::equals, "'property-extension'");
    }

    static void check(JsonNode object, String type, String pointer, Issues out) {
        JsonNode extensions = object.path("extensions");
        String at = Pointers.child(pointer, "extensions");
        if (extensions.isMissingNode() || extensions.isNull() || !Checks.isNonEmptyObject(extensions, at, out)) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : extensions.properties()) {
            String key = entry.getKey();
            String keyAt = Pointers.child(at, key);
            if (!Checks.isNonEmptyObject(entry.getValue(), keyAt, out)) {
                continue;
            }
            if (key.startsWith("extension-definition--")) {
                defined(key, entry.getValue(), type, keyAt, out);
            } else if (key.endsWith("-ext") && Ids.isValidType(key)) {
                predefined(key, entry.getValue(), type, keyAt, out);
            } else {
                out.error(keyAt, "extension", "extension key " + Texts.quote(key)
                        + " must be an extension-definition id or a predefined extension name (*-ext)");
            }
        }
    }

    /** @return true when one of the object's extensions declares the given extension_type */
    static boolean declares(JsonNode object, String extensionType) {
        JsonNode extensions = object.path("extensions");
        if (!extensions.isObject()) {
            return false;
        }
        for (JsonNode extension : extensions.values()) {
            JsonNode declared = extension.path("extension_type");
            if (declared.isString() && declared.stringValue().equals(extensionType)) {
                return true;
            }
        }
        return false;
    }

    private static void defined(String key, JsonNode extension, String type, String pointer, Issues out) {
        if (!Ids.hasType(key, "extension-definition")) {
            out.error(pointer, "identifier-format", "extension key " + Texts.quote(key)
                    + " must be a valid extension-definition identifier");
            return;
        }
        Known known = KNOWN.get(key);
        if (known == null) {
            genericDefined(extension, pointer, out);
        } else if (!known.hostType().equals(type)) {
            out.error(pointer, "extension", "this extension applies to " + known.hostType() + " objects only");
        } else {
            ShapeValidator.validateEmbedded(extension, pointer, known.shape(), out);
        }
    }

    /** Unknown extension definitions: only extension_type and the property-name rules can be checked. */
    private static void genericDefined(JsonNode extension, String pointer, Issues out) {
        JsonNode extensionType = extension.path("extension_type");
        if (extensionType.isMissingNode()) {
            out.error(Pointers.child(pointer, "extension_type"), "required-property",
                    "'extension_type' is required in an extension-definition based extension");
        } else {
            EXTENSION_TYPE.check(extensionType, Pointers.child(pointer, "extension_type"), out);
        }
        for (String name : extension.propertyNames()) {
            PropertyNames.check(name, Pointers.child(pointer, name), out);
        }
    }

    private static void predefined(String key, JsonNode extension, String type, String pointer, Issues out) {
        Shape shape = ScoExtensions.of(type).get(key);
        if (shape != null) {
            ShapeValidator.validateEmbedded(extension, pointer, shape, out);
        } else if (ScoExtensions.isPredefined(key)) {
            out.error(pointer, "extension", "'" + key + "' is a predefined extension of another object type");
        } else {
            out.warn(pointer, "extension", "'" + key + "' is a STIX 2.0-style custom extension; STIX 2.1"
                    + " extensions should be keyed by an extension-definition id");
        }
    }
}
