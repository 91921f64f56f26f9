/**
 * Submission of STIX 2.1 bundles: read within limits, validate, attribute to the submitting CERT,
 * mark with its default TLP, make durable in Kafka, and report progress through status resources.
 */
package org.certhub.intake;
