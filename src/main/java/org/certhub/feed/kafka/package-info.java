/**
 * The feed's Kafka side: per-scope topics filled from accepted submissions, and owners' deletions
 * made durable on a topic before they are applied to the indices and announced on the scope topics.
 */
package org.certhub.feed.kafka;
