package org.certhub.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.certhub.stix.Tlp;
import org.certhub.web.ProblemError;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a valid bundle the hub's own: objects without a creator are attributed to the submitting
 * CERT, objects without a TLP marking get its default TLP, and any object that claims another
 * CERT's identity is reported (the whole bundle is then refused).
 */
final class BundleNormalizer {

    private BundleNormalizer() {
    }

    /**
     * Normalises {@code bundle} in place.
     *
     * @param callerIdentity the STIX identity id of the submitting CERT
     * @param defaultTlp the TLP given to objects that carry none
     * @param anotherCertsIdentity whether an identity id belongs to a different member of the community
     * @return the impersonation errors found; empty when the bundle may be accepted
     */
    static List<ProblemError> normalize(ObjectNode bundle, String callerIdentity, Tlp defaultTlp,
            Predicate<String> anotherCertsIdentity) {
        List<ProblemError> errors = new ArrayList<>();
        JsonNode objects = bundle.path("objects");
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i) instanceof ObjectNode object) {
                normalizeObject(object, "/objects/" + i, callerIdentity, defaultTlp, anotherCertsIdentity, errors);
            }
        }
        return errors;
    }

    private static void normalizeObject(ObjectNode object, String pointer, String callerIdentity, Tlp defaultTlp,
            Predicate<String> anotherCertsIdentity, List<ProblemError> errors) {
        String id = object.path("id").asString("");
        if (anotherCertsIdentity.test(id)) {
            errors.add(new ProblemError(pointer + "/id", "impersonation",
                    "this identity belongs to another CERT of the community"));
            return;
        }
        String type = object.path("type").asString("");
        if (type.equals("marking-definition")) {
            checkCreator(object, pointer, anotherCertsIdentity, errors);
            return;
        }
        // SDOs and SROs carry 'created'; SCOs do not, and have no creator property at all.
        if (object.has("created")) {
            if (object.has("created_by_ref")) {
                checkCreator(object, pointer, anotherCertsIdentity, errors);
            } else {
                object.put("created_by_ref", callerIdentity);
            }
        }
        addDefaultTlp(object, defaultTlp);
    }

    private static void checkCreator(ObjectNode object, String pointer, Predicate<String> anotherCertsIdentity,
            List<ProblemError> errors) {
        String creator = object.path("created_by_ref").asString("");
        if (!creator.isEmpty() && anotherCertsIdentity.test(creator)) {
            errors.add(new ProblemError(pointer + "/created_by_ref", "impersonation",
                    "objects may not be attributed to another CERT of the community"));
        }
    }

    private static void addDefaultTlp(ObjectNode object, Tlp defaultTlp) {
        JsonNode refs = object.path("object_marking_refs");
        List<String> markings = new ArrayList<>();
        refs.forEach(ref -> markings.add(ref.asString("")));
        if (Tlp.strictest(markings).isPresent()) {
            return;
        }
        ArrayNode updated = refs.isArray() ? (ArrayNode) refs : object.putArray("object_marking_refs");
        updated.add(defaultTlp.markingDefinitionId());
    }
}
