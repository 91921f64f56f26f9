package org.certhub.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.certhub.search.SearchIndices;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the stored current-version documents of a batch's objects in one multi-get, in real time
 * (a document written a moment ago counts, refreshed or not). Each comes with its sequence number
 * and primary term, so that replacing it is refused when someone replaced it meanwhile, and with its
 * {@code _source} as stored, byte for byte, so that its STIX object reaches the version index
 * exactly as it was submitted.
 */
@Component
class CurrentDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rest5Client rest;

    CurrentDocuments(Rest5Client rest) {
        this.rest = rest;
    }

    /** A stored current-version document. */
    record Stored(long seqNo, long primaryTerm, long order, byte[] source) {
    }

    /**
     * @return the stored documents by id; an id without a current document is absent
     * @throws TransientIndexingException when Elasticsearch could not answer for every id
     */
    Map<String, Stored> find(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * ids.size());
        try (JsonGenerator out = JSON.createGenerator(body)) {
            out.writeStartObject();
            out.writeArrayPropertyStart("ids");
            for (String id : ids) {
                out.writeString(id);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        Request request = new Request("POST", "/" + SearchIndices.OBJECTS + "/_mget");
        request.setJsonEntity(body.toString(StandardCharsets.UTF_8));
        Response response = rest.performRequest(request);
        try (InputStream answer = response.getEntity().getContent()) {
            return read(answer.readAllBytes());
        }
    }

    static Map<String, Stored> read(byte[] answer) {
        Map<String, Stored> found = new HashMap<>();
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new TransientIndexingException("Elasticsearch answered a multi-get with something else");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("docs")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        readDoc(parser, answer, found);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return found;
    }

    private static void readDoc(JsonParser parser, byte[] answer, Map<String, Stored> found) {
        String id = null;
        boolean exists = false;
        long seqNo = -1;
        long primaryTerm = 0;
        String modified = null;
        String created = null;
        byte[] source = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "_id" -> id = parser.getString();
                case "found" -> exists = value == JsonToken.VALUE_TRUE;
                case "_seq_no" -> seqNo = parser.getLongValue();
                case "_primary_term" -> primaryTerm = parser.getLongValue();
                case "error" -> throw new TransientIndexingException("Elasticsearch could not read a current version: "
                        + new String(JsonBytes.valueAt(parser, answer), StandardCharsets.UTF_8));
                case "_source" -> {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    // The fields that order versions; then the whole source, as stored.
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        JsonToken fieldValue = parser.nextToken();
                        if (fieldValue == JsonToken.VALUE_STRING && field.equals("modified")) {
                            modified = parser.getString();
                        } else if (fieldValue == JsonToken.VALUE_STRING && field.equals("created")) {
                            created = parser.getString();
                        } else {
                            parser.skipChildren();
                        }
                    }
                    source = Arrays.copyOfRange(answer, start, (int) parser.currentTokenLocation().getByteOffset() + 1);
                }
                default -> parser.skipChildren();
            }
        }
        if (exists && id != null && source != null) {
            String version = modified != null ? modified : created != null ? created : "";
            found.put(id, new Stored(seqNo, primaryTerm, ObjectDocuments.order(version), source));
        }
    }
}
