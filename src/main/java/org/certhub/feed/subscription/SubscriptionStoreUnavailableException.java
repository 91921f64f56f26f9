package org.certhub.feed.subscription;

/** Kafka did not acknowledge a change of a subscription in time: it may or may not be stored. */
class SubscriptionStoreUnavailableException extends RuntimeException {

    SubscriptionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
