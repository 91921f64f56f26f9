/** Partner feed: TAXII 2.1 collections, Kafka feed topics, webhook subscriptions and a live stream, all filtered by the one sharing policy. */
package org.certhub.feed;
