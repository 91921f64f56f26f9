package org.certhub.pipeline;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/** How Elasticsearch answered one bulk item, from the indexer's point of view. */
enum BulkOutcome {
    /** Written, or already there (a replay, or an older version than the one stored). */
    STORED,
    /** Refused for good (e.g. a mapping error): retrying cannot help. */
    REJECTED,
    /** Refused for now (overload, shard unavailable): the whole batch is retried. */
    TRANSIENT;

    static BulkOutcome of(BulkResponseItem item) {
        int status = item.status();
        if (item.error() == null || status == 409) {
            return STORED;
        }
        return status == 429 || status >= 500 ? TRANSIENT : REJECTED;
    }
}
