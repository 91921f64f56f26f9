/** Kafka: topics, producers and consumers that carry submissions through the hub and into Elasticsearch. */
package org.certhub.pipeline;
