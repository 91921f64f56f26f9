/**
 * The tenancy topic, the community's system of record: a compacted Kafka topic keyed by principal
 * id, read whole at start-up and followed since; writes are applied locally once acknowledged.
 */
package org.certhub.tenancy.kafka;
