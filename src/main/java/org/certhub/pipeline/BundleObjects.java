package org.certhub.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits an accepted bundle into its objects, each as a tree (to read its fields) and as the exact
 * bytes it was written with (to store it without serialising it again: the object is most of every
 * index document, and writing it back out of a tree cost more than reading it).
 */
public final class BundleObjects {

    // Reads one object at a time out of the bundle's parser: what follows an object is the next one.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private BundleObjects() {
    }

    /** One object of the bundle. */
    public record RawObject(JsonNode tree, byte[] json) {
    }

    /**
     * The objects of {@code bundle}, in order.
     *
     * @throws tools.jackson.core.JacksonException when the bundle is not JSON
     * @throws IllegalArgumentException when it is JSON but not a bundle-shaped object
     */
    public static List<RawObject> of(byte[] bundle) {
        List<RawObject> objects = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(bundle)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a bundle is a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("objects") || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    JsonNode tree = JSON.readTree(parser);
                    int end = (int) parser.currentLocation().getByteOffset();
                    objects.add(new RawObject(tree, Arrays.copyOfRange(bundle, start, end)));
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new IllegalArgumentException("every member of objects is a JSON object");
                }
            }
        }
        return objects;
    }
}
