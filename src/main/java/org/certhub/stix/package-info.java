/**
 * STIX 2.1 in plain Java: the validator of the specification's MUST rules, the patterning
 * language, and TLP markings. Depends on nothing else of the hub's.
 */
package org.certhub.stix;
