/**
 * STIX 2.1 model-level validation for the hub's intake: {@link org.certhub.stix.StixValidator} checks bundles
 * and objects against the MUST rules of the STIX 2.1 specification and reports
 * {@link org.certhub.stix.ValidationError}s with JSON Pointers; {@link org.certhub.stix.Tlp} and
 * {@link org.certhub.stix.StixIds} are helpers for markings and identifiers. Plain Java, no Spring.
 */
package org.certhub.stix;
