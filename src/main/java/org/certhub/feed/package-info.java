/**
 * The partner feed: TAXII 2.1 collections and per-scope Kafka topics, each carrying only what its
 * sharing scope may carry under the one sharing policy.
 */
package org.certhub.feed;
