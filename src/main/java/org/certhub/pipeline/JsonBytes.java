package org.certhub.pipeline;

import java.util.Arrays;

import tools.jackson.core.JsonParser;

/** Raw JSON, sliced out of a document's bytes instead of decoded and written again. */
final class JsonBytes {

    private JsonBytes() {
    }

    /** The bytes of the value the parser is at (an object, an array or a scalar); leaves the parser at its end. */
    static byte[] valueAt(JsonParser parser, byte[] json) {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        return Arrays.copyOfRange(json, start, (int) parser.currentLocation().getByteOffset());
    }
}
