package org.certhub.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certhub.stix.Tlp;

import tools.jackson.databind.JsonNode;

/**
 * The TLP level an accepted object is stored and shared at: the strictest TLP marking among its
 * {@code object_marking_refs}. The intake gave every object but marking definitions a TLP; an
 * unmarked marking definition is public if it is a TLP definition itself, and AMBER (the hub's
 * default) otherwise. Public so that every consumer of accepted bundles decides alike.
 */
public final class ObjectTlp {

    private static final Set<String> TLP_DEFINITIONS = Stream.of(Tlp.values()).map(Tlp::markingDefinitionId)
            .collect(Collectors.toUnmodifiableSet());

    private ObjectTlp() {
    }

    public static Tlp of(JsonNode object) {
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(ref -> refs.add(ref.asString("")));
        return Tlp.strictest(refs).orElseGet(() -> object.path("type").asString("").equals("marking-definition")
                && TLP_DEFINITIONS.contains(object.path("id").asString("")) ? Tlp.CLEAR : Tlp.AMBER);
    }
}
