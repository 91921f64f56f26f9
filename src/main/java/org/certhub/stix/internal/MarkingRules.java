package org.certhub.stix.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.certhub.stix.Tlp;
import tools.jackson.databind.JsonNode;

/** Marking-definition rules (specification section 7.2): statement and TLP 1.0 definitions, self-marking. */
final class MarkingRules {

    /** The TLP 1.0 marking definitions are fixed by the specification: colour to id. */
    private static final Map<String, String> TLP1_IDS = Map.of(
            "white", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            "green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            "amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
            "red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    private MarkingRules() {
    }

    static void check(JsonNode marking, String pointer, Issues out) {
        boolean hasType = marking.has("definition_type");
        boolean hasDefinition = marking.has("definition");
        if (!hasType && !hasDefinition && !marking.has("extensions")) {
            out.error(pointer, "required-property",
                    "a marking definition needs definition_type and definition, or an extension");
        } else if (hasType != hasDefinition) {
            String missing = hasType ? "definition" : "definition_type";
            out.error(Pointers.child(pointer, missing), "property-dependency",
                    "'definition_type' and 'definition' must be present together");
        } else if (hasType) {
            definition(marking, pointer, out);
        }
        notSelfMarked(marking, pointer, out);
        tlp2MatchesId(marking, pointer, out);
    }

    /** The five TLP 2.0 marking definitions have fixed ids: a level under another level's id is an error. */
    private static void tlp2MatchesId(JsonNode marking, String pointer, Issues out) {
        JsonNode level = marking.path("extensions").path(Extensions.TLP2).path("tlp_2_0");
        String id = Checks.text(marking, "id");
        Optional<Tlp> byId = Tlp.fromMarkingRef(id);
        if (!level.isString() || byId.isEmpty() || !byId.get().markingDefinitionId().equals(id)) {
            return;
        }
        String expected = byId.get().name().toLowerCase(Locale.ROOT).replace('_', '+');
        if (!expected.equals(level.stringValue())) {
            out.error(Pointers.child(Pointers.child(Pointers.child(pointer, "extensions"), Extensions.TLP2),
                    "tlp_2_0"), "marking-definition", "marking " + byId.get().markingDefinitionId()
                    + " is TLP:" + expected.toUpperCase(Locale.ROOT) + ", not " + Texts.quote(level.stringValue()));
        }
    }

    private static void definition(JsonNode marking, String pointer, Issues out) {
        String at = Pointers.child(pointer, "definition");
        JsonNode definition = marking.path("definition");
        if (!Checks.isNonEmptyObject(definition, at, out)) {
            return;
        }
        switch (Checks.text(marking, "definition_type")) {
            case "statement" -> {
                if (!definition.path("statement").isString()) {
                    out.error(Pointers.child(at, "statement"), "marking-definition",
                            "a statement marking needs a 'statement' string");
                }
            }
            case "tlp" -> tlp1(marking, definition, at, out);
            default -> { }
        }
    }

    /** A TLP 1.0 marking MUST be one of the four specification objects, id and colour matching. */
    private static void tlp1(JsonNode marking, JsonNode definition, String pointer, Issues out) {
        String colour = Checks.text(definition, "tlp");
        String expectedId = TLP1_IDS.get(colour);
        if (expectedId == null) {
            out.error(Pointers.child(pointer, "tlp"), "marking-definition",
                    "a TLP marking's tlp must be white, green, amber or red");
        } else if (!expectedId.equals(Checks.text(marking, "id"))) {
            out.error(pointer, "marking-definition", "TLP:" + colour.toUpperCase(Locale.ROOT)
                    + " must use the specification's marking definition " + expectedId);
        }
    }

    /** A marking definition must not mark itself: circular marking references are prohibited. */
    private static void notSelfMarked(JsonNode marking, String pointer, Issues out) {
        String id = Checks.text(marking, "id");
        JsonNode refs = marking.path("object_marking_refs");
        if (!refs.isArray()) {
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).isString() && refs.get(i).stringValue().equals(id)) {
                out.error(Pointers.index(Pointers.child(pointer, "object_marking_refs"), i), "marking-circular",
                        "a marking definition must not reference itself");
            }
        }
    }
}
