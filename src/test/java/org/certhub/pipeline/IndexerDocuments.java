package org.certhub.pipeline;

import org.certhub.intake.BundleAccepted;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indexer's own current-version document of an object (id and JSON), for tools that fill the
 * objects index directly, e.g. the search benchmark's million objects: the same code writes them,
 * so the documents are exactly those the hub indexes.
 */
public final class IndexerDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A document id ({@code owner/stixId}) and its JSON. */
    public record Current(String id, byte[] json) {
    }

    private IndexerDocuments() {
    }

    public static Current current(JsonNode object, BundleAccepted bundle) {
        // Indexed as it is received: its date added (the feed's order) is its time of receipt.
        ObjectDocuments.Documents documents = ObjectDocuments.of(new BundleObjects.RawObject(object, JSON.writeValueAsBytes(object)),
                bundle, bundle.receivedAt());
        return new Current(documents.currentId(), documents.current());
    }
}
