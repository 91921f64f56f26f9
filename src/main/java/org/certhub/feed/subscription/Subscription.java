package org.certhub.feed.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A webhook subscription as stored: whose it is, where it goes, how deliveries are signed, what it
 * wants. The secret is kept because every delivery is signed with it; it is never returned.
 *
 * @param id {@code sub-<uuid>}
 * @param owner the principal id that registered it; only it sees the subscription
 * @param url where deliveries are POSTed
 * @param secret the HMAC-SHA256 key of the signature header
 * @param filter what it wants of what it may see
 * @param paused whether its owner paused it (its position in the object stream stays where it is)
 * @param createdAt when it was registered
 * @param resumedAt when its owner last resumed it; a failing state older than this is over
 */
record Subscription(String id, String owner, URI url, String secret, FeedFilter filter, boolean paused,
        Instant createdAt, Optional<Instant> resumedAt) {

    /** The Kafka consumer group whose committed offsets are this subscription's position: its backlog. */
    String consumerGroup() {
        return "certhub-feed-subscription-" + id;
    }

    Subscription paused(boolean paused, Instant at) {
        return new Subscription(id, owner, url, secret, filter, paused, createdAt, paused ? resumedAt : Optional.of(at));
    }
}
