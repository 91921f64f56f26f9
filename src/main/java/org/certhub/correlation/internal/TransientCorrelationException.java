package org.certhub.correlation.internal;

/** Correlating failed for a reason that passes (Elasticsearch or Kafka away, a concurrent write): retry the batch. */
public class TransientCorrelationException extends RuntimeException {

    public TransientCorrelationException(String message) {
        super(message);
    }

    public TransientCorrelationException(String message, Throwable cause) {
        super(message, cause);
    }
}
