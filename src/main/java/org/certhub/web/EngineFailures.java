package org.certhub.web;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a failure of a storage engine that will pass (Elasticsearch or Kafka unreachable, stalled,
 * overloaded: an I/O error or a time-out anywhere in the cause chain, or a 429/5xx answer) from a
 * bug, so that a read made while an engine is down answers 503 with {@code Retry-After} instead of a
 * 500 that says not to retry.
 */
final class EngineFailures {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(EngineFailures.class);

    private EngineFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (cause instanceof ElasticsearchException es && (es.status() == 429 || es.status() >= 500)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** At debug: the engine's outage itself is reported by health and by the stages that retry. */
    static void log(Throwable failure) {
        log.debug("A request failed on a storage engine, answered 503: {}", failure.toString());
    }
}
