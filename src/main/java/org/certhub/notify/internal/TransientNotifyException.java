package org.certhub.notify.internal;

/** Elasticsearch or Kafka is away for now: the work is retried, nothing is given up. */
public class TransientNotifyException extends RuntimeException {

    public TransientNotifyException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientNotifyException(String message) {
        super(message);
    }
}
