package org.certhub.pipeline;

/** Indexing failed for a reason that passes (Elasticsearch overloaded or away): retry the batch. */
class TransientIndexingException extends RuntimeException {

    TransientIndexingException(String message) {
        super(message);
    }

    TransientIndexingException(String message, Throwable cause) {
        super(message, cause);
    }
}
