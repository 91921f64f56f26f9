package org.certhub.playbook.internal;

/** Kafka or Elasticsearch is unavailable for now: the batch is retried with back-off. */
public class TransientPlaybookException extends RuntimeException {

    public TransientPlaybookException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientPlaybookException(String message) {
        super(message);
    }
}
