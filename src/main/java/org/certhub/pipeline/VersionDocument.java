package org.certhub.pipeline;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Set;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the version index keeps of an object version that is not, or no longer, its owner's current
 * one: made from that version's current-version document, of whose fields it keeps those a version
 * is looked up and listed by, and whose STIX object it copies byte for byte.
 */
record VersionDocument(String version, Instant receivedAt, byte[] json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> COPIED = Set.of("stix_id", "type", "owner", "tlp", "modified", "received_at",
            "date_added");

    /** The id of an owner's version document: {@code owner/stixId@version}. */
    static String id(String currentId, String version) {
        return currentId + "@" + version;
    }

    /** This document's id in the version index. */
    String id(String currentId) {
        return id(currentId, version);
    }

    /**
     * @param current a current-version document as the indexer writes it (also one written by an
     *     earlier release, without {@code first_version})
     */
    static VersionDocument of(byte[] current) {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        String created = null;
        String modified = null;
        String receivedAt = null;
        byte[] object = null;
        try (JsonParser parser = JSON.createParser(current); JsonGenerator out = JSON.createGenerator(head)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a current-version document is a JSON object");
            }
            out.writeStartObject();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("object") && value == JsonToken.START_OBJECT) {
                    object = JsonBytes.valueAt(parser, current);
                    continue;
                }
                if (value == JsonToken.VALUE_STRING && name.equals("created")) {
                    created = parser.getString();
                } else if (value == JsonToken.VALUE_STRING && name.equals("modified")) {
                    modified = parser.getString();
                } else if (value == JsonToken.VALUE_STRING && name.equals("received_at")) {
                    receivedAt = parser.getString();
                }
                if (COPIED.contains(name) && value.isScalarValue()) {
                    out.writeName(name);
                    out.copyCurrentEvent(parser);
                } else {
                    parser.skipChildren();
                }
            }
            // STIX: the first version of an object has modified equal to created (SCOs have one version).
            out.writeBooleanProperty("first_version", modified == null || modified.equals(created));
            out.writeEndObject();
        }
        if (object == null || receivedAt == null) {
            throw new IllegalArgumentException("a current-version document holds its STIX object and its time of receipt");
        }
        String version = modified != null ? modified : created != null ? created : "";
        return new VersionDocument(version, Instant.parse(receivedAt), ObjectDocuments.withObject(head.toByteArray(), object));
    }
}
