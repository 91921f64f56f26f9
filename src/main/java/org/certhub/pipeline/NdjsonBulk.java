package org.certhub.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk request of whole documents as one body with its length, and of its answer only each
 * item's status and error type. The typed client sends every document as a chunk of its own and
 * reads back every item whole: for the indexer's bulks that was about a tenth of the hub's CPU, on
 * the client's I/O threads.
 */
final class NdjsonBulk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    /** How Elasticsearch answered one item: its HTTP status, and the error's type when it failed. */
    record Item(int status, Optional<String> errorType) {

        boolean failed() {
            return errorType.isPresent();
        }
    }

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    private int items;

    /** Creates the document, refused (409) when one with its id exists. */
    NdjsonBulk create(String index, String id, byte[] document) {
        action("create", index, id, -1, 0);
        line(document);
        return this;
    }

    /** Replaces the document if it is still the one at {@code seqNo} and {@code primaryTerm} (409 otherwise). */
    NdjsonBulk replace(String index, String id, long seqNo, long primaryTerm, byte[] document) {
        action("index", index, id, seqNo, primaryTerm);
        line(document);
        return this;
    }

    boolean isEmpty() {
        return items == 0;
    }

    /**
     * @return one item an operation, in order
     * @throws IOException when Elasticsearch refused the request as a whole or could not be reached
     */
    List<Item> send(Rest5Client rest) throws IOException {
        Request request = new Request("POST", "/_bulk");
        // require_alias: never let Elasticsearch auto-create an index without the hub's mapping.
        request.addParameter("require_alias", "true");
        request.addParameter("filter_path", "items.*.status,items.*.error.type");
        request.setEntity(new ByteArrayEntity(body.toByteArray(), NDJSON));
        Response response = rest.performRequest(request);
        try (InputStream answer = response.getEntity().getContent()) {
            List<Item> read = read(answer.readAllBytes());
            if (read.size() != items) {
                throw new TransientIndexingException("Elasticsearch answered " + read.size() + " of " + items + " bulk items");
            }
            return read;
        }
    }

    static List<Item> read(byte[] answer) {
        List<Item> read = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return read;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("items")) {
                    // Each item: {"<operation>": {"status": ..., "error": {"type": ...}}}
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.nextToken();
                        parser.nextToken();
                        read.add(readResult(parser));
                        parser.nextToken();
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return read;
    }

    private static Item readResult(JsonParser parser) {
        int status = 0;
        String errorType = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("status")) {
                status = parser.getIntValue();
            } else if (name.equals("error") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("type")) {
                        errorType = parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        if (status == 0) {
            throw new TransientIndexingException("Elasticsearch answered a bulk item without its status");
        }
        if (errorType == null && status >= 300) {
            errorType = "status " + status;
        }
        return new Item(status, Optional.ofNullable(errorType));
    }

    private void action(String operation, String index, String id, long seqNo, long primaryTerm) {
        try (JsonGenerator out = JSON.createGenerator(body)) {
            out.writeStartObject();
            out.writeObjectPropertyStart(operation);
            out.writeStringProperty("_index", index);
            out.writeStringProperty("_id", id);
            if (seqNo >= 0) {
                out.writeNumberProperty("if_seq_no", seqNo);
                out.writeNumberProperty("if_primary_term", primaryTerm);
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        body.write('\n');
        items++;
    }

    private void line(byte[] document) {
        body.writeBytes(document);
        body.write('\n');
    }
}
