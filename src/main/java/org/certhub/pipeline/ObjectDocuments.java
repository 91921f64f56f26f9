package org.certhub.pipeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.certhub.intake.BundleAccepted;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one STIX object of an accepted bundle into its current-version document (id
 * {@code owner/stixId}): the newest {@code modified} of the owner's copy is its current version
 * whatever the arrival order, and an earlier version goes to the version index as a
 * {@link VersionDocument} made from this document. The owner is part of the id, so two CERTs'
 * copies of the same object never overwrite each other.
 */
final class ObjectDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final byte[] OBJECT_MEMBER = ",\"object\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ObjectDocuments() {
    }

    /**
     * The current-version document of one object, ready for a bulk request.
     *
     * @param order the version as a number that orders versions ({@link #order(String)})
     */
    record Documents(String stixId, String version, String currentId, long order, byte[] current) {
    }

    /**
     * @param dateAdded when the hub indexes this version (TAXII's "date added"), to the microsecond:
     *     the order partners page the feed in
     */
    static Documents of(BundleObjects.RawObject raw, BundleAccepted bundle, Instant dateAdded) {
        JsonNode object = raw.tree();
        String stixId = object.path("id").asString("");
        String type = object.path("type").asString("");
        String version = versionOf(object);
        String received = bundle.receivedAt().toString();
        String tlp = ObjectTlp.of(object).label();
        String added = dateAdded.toString();

        ObjectNode current = JSON.createObjectNode();
        current.put("stix_id", stixId).put("type", type).put("owner", bundle.owner()).put("tlp", tlp);
        putIfPresent(current, "created_by_ref", object.path("created_by_ref"));
        putIfPresent(current, "created", object.path("created"));
        putIfPresent(current, "modified", object.path("modified"));
        current.put("received_at", received).put("date_added", added).put("submission_id", bundle.submissionId()).put("bundle_id", bundle.bundleId());
        // STIX: the first version of an object has modified equal to created (SCOs have one version).
        current.put("first_version", !object.has("modified") || object.path("modified").equals(object.path("created")));
        putIfPresent(current, "name", object.has("name") ? object.path("name") : object.path("value"));
        putIfPresent(current, "description", object.path("description"));
        copyStrings(object.path("labels"), current.putArray("labels"));
        refs(object, current.putArray("refs"));
        Map<String, Set<String>> observables = observablesByField(object);
        if (!observables.isEmpty()) {
            ObjectNode fields = current.putObject("observables");
            for (Map.Entry<String, Set<String>> field : observables.entrySet()) {
                ArrayNode values = fields.putArray(field.getKey());
                field.getValue().forEach(values::add);
            }
        }

        String currentId = currentId(bundle.owner(), stixId);
        return new Documents(stixId, version, currentId, order(version),
                withObject(JSON.writeValueAsBytes(current), raw.json()));
    }

    /** The version of an object: its {@code modified}, or {@code created} for an object without one. */
    static String versionOf(JsonNode object) {
        return object.path("modified").asString(object.path("created").asString(""));
    }

    /** The id of the owner's current-version document of the object. */
    static String currentId(String owner, String stixId) {
        return owner + "/" + stixId;
    }

    /**
     * The document: its fields ({@code head}, a JSON object), then {@code "object"}, the STIX object
     * exactly as it came (never serialised again).
     */
    static byte[] withObject(byte[] head, byte[] object) {
        byte[] document = new byte[head.length - 1 + OBJECT_MEMBER.length + object.length + 1];
        System.arraycopy(head, 0, document, 0, head.length - 1);
        System.arraycopy(OBJECT_MEMBER, 0, document, head.length - 1, OBJECT_MEMBER.length);
        System.arraycopy(object, 0, document, head.length - 1 + OBJECT_MEMBER.length, object.length);
        document[document.length - 1] = '}';
        return document;
    }

    /** The object's observables by index field; every value is also in the generic {@code values} field. */
    static Map<String, Set<String>> observablesByField(JsonNode object) {
        Map<String, Set<String>> byField = new TreeMap<>();
        for (Observable observable : ObservableExtractor.extract(object)) {
            byField.computeIfAbsent(observable.type().indexField(), field -> new LinkedHashSet<>()).add(observable.value());
            byField.computeIfAbsent("values", field -> new LinkedHashSet<>()).add(observable.value());
        }
        return byField;
    }

    /**
     * A version as microseconds since the epoch (STIX timestamps may carry sub-millisecond
     * precision); 1 for an object without one, which thus has a single version.
     */
    static long order(String timestamp) {
        if (timestamp.isEmpty()) {
            return 1;
        }
        try {
            Instant instant = Instant.parse(timestamp);
            return Math.max(1, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
        } catch (DateTimeParseException e) {
            return 1;
        }
    }

    private static void refs(JsonNode object, ArrayNode into) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (name.endsWith("_ref") && property.getValue().isString()) {
                into.add(property.getValue().asString());
            } else if (name.endsWith("_refs")) {
                copyStrings(property.getValue(), into);
            }
        }
    }

    private static void copyStrings(JsonNode array, ArrayNode into) {
        array.forEach(value -> {
            if (value.isString()) {
                into.add(value.asString());
            }
        });
    }

    private static void putIfPresent(ObjectNode target, String field, JsonNode value) {
        if (value.isString()) {
            target.put(field, value.asString());
        }
    }
}
