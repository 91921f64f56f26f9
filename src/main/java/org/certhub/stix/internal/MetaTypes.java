package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.STRING;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** marking-definition, language-content and extension-definition (specification sections 7.1 to 7.3). */
final class MetaTypes {

    private MetaTypes() {
    }

    static List<TypeSpec> all() {
        return List.of(
                new TypeSpec("marking-definition", Kind.META, CommonProps.MARKING.plus(Shape.builder()
                        .optional("name", STRING)
                        .optional("definition_type", STRING)
                        .optional("definition", Checks.ANY)
                        .rule(MarkingRules::check)
                        .build())),
                new TypeSpec("language-content", Kind.META, CommonProps.CORE.plus(Shape.builder()
                        .required("object_ref", RefChecks.ref(RefTarget.TRANSLATABLE))
                        .optional("object_modified", Checks.TIMESTAMP)
                        .required("contents", MetaTypes::contents)
                        .build())),
                new TypeSpec("extension-definition", Kind.META, CommonProps.CORE.plus(Shape.builder()
                        .required("created_by_ref", RefChecks.ref("identity"))
                        .required("name", STRING)
                        .optional("description", STRING)
                        .required("schema", STRING)
                        .required("version", STRING)
                        .required("extension_types", Checks.vocabList(Enums.EXTENSION_TYPE))
                        .optional("extension_properties", Checks.STRING_LIST)
                        .rule(MetaTypes::extensionProperties)
                        .build())));
    }

    /**
     * contents: language tag to a dictionary of translated properties (strings, lists, or nested
     * dictionaries mirroring the translated object).
     */
    private static void contents(JsonNode value, String pointer, Issues out) {
        if (!Checks.isNonEmptyObject(value, pointer, out)) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String at = Pointers.child(pointer, entry.getKey());
            if (!Formats.isLanguageTag(entry.getKey())) {
                out.error(at, "language-tag", "key " + Texts.quote(entry.getKey())
                        + " must be an RFC 5646 language tag");
            }
            Checks.isNonEmptyObject(entry.getValue(), at, out);
        }
    }

    /** extension_properties only makes sense, and is only allowed, for toplevel-property-extension. */
    private static void extensionProperties(JsonNode definition, String pointer, Issues out) {
        if (!definition.has("extension_properties")) {
            return;
        }
        for (JsonNode type : definition.path("extension_types")) {
            if (type.isString() && type.stringValue().equals("toplevel-property-extension")) {
                return;
            }
        }
        out.error(Pointers.child(pointer, "extension_properties"), "property-dependency",
                "'extension_properties' is only allowed when extension_types contains toplevel-property-extension");
    }
}
