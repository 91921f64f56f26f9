/**
 * Kafka plumbing shared by modules that keep a topic in memory (principals, subscriptions,
 * deletions): a thread that follows a topic, and reading a topic to its end; and how every client of
 * the hub connects and authenticates ({@code certhub.kafka.*}). Depends on nothing of ours.
 */
package org.certhub.kafka;
