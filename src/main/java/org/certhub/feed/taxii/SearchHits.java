package org.certhub.feed.taxii;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a search answer ({@code hits.hits[]._source} and {@code .sort}) as a stream: the few
 * top-level fields a TAXII page needs are read, and each stored STIX object is sliced out of the
 * answer's bytes as it is. Slicing skips the object's strings without decoding them; decoding and
 * re-encoding them (a copy through the generator) was most of the hub's CPU for a page.
 */
final class SearchHits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchHits() {
    }

    static List<CollectionStore.Entry> read(InputStream body, boolean withObjects) throws IOException {
        return read(body.readAllBytes(), withObjects);
    }

    static List<CollectionStore.Entry> read(byte[] body, boolean withObjects) {
        List<CollectionStore.Entry> entries = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return entries;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("hits")) {
                    readHitsObject(parser, body, withObjects, entries);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return entries;
    }

    private static void readHitsObject(JsonParser parser, byte[] body, boolean withObjects,
            List<CollectionStore.Entry> entries) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("hits") && parser.currentToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    entries.add(readHit(parser, body, withObjects));
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static CollectionStore.Entry readHit(JsonParser parser, byte[] body, boolean withObjects) {
        Source source = new Source();
        List<FieldValue> sort = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("_source")) {
                readSource(parser, body, withObjects, source);
            } else if (name.equals("sort")) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    sort.add(switch (parser.currentToken()) {
                        case VALUE_NUMBER_INT -> FieldValue.of(parser.getLongValue());
                        case VALUE_NUMBER_FLOAT -> FieldValue.of(parser.getDoubleValue());
                        case VALUE_STRING -> FieldValue.of(parser.getString());
                        default -> FieldValue.NULL;
                    });
                }
            } else {
                parser.skipChildren();
            }
        }
        Instant dateAdded = Instant.parse(source.dateAdded != null ? source.dateAdded : source.receivedAt);
        String version = source.modified != null ? source.modified
                : source.created != null ? source.created : TaxiiTimestamps.format(dateAdded);
        return new CollectionStore.Entry(source.stixId, source.owner, version, dateAdded,
                Optional.ofNullable(source.object), List.copyOf(sort));
    }

    private static void readSource(JsonParser parser, byte[] body, boolean withObjects, Source source) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "stix_id" -> source.stixId = parser.getString();
                case "owner" -> source.owner = parser.getString();
                case "modified" -> source.modified = parser.getString();
                case "created" -> source.created = parser.getString();
                case "date_added" -> source.dateAdded = parser.getString();
                case "received_at" -> source.receivedAt = parser.getString();
                case "object" -> {
                    if (withObjects && value == JsonToken.START_OBJECT) {
                        source.object = slice(parser, body);
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** The bytes of the object the parser is at, from its '{' to its '}'. */
    private static byte[] slice(JsonParser parser, byte[] body) {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        return Arrays.copyOfRange(body, start, end);
    }

    /** The fields of one {@code _source} that a page needs. */
    private static final class Source {
        String stixId;
        String owner;
        String modified;
        String created;
        String dateAdded;
        String receivedAt;
        byte[] object;
    }
}
