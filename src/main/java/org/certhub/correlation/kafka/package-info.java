/** The correlation engine's two Kafka stages: sightings from accepted bundles, and their merge into correlations. */
package org.certhub.correlation.kafka;
