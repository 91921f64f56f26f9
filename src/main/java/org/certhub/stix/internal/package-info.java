/**
 * Implementation of the STIX validator; not an API. Rules are data ({@code Shape}s of property checks per
 * type, built once) applied by {@code ObjectValidator}; every check reports into {@code Issues} and never
 * throws, recurses only into the fixed STIX structure, and uses hand-written scanners instead of regular
 * expressions so that hostile input costs linear time.
 */
package org.certhub.stix.internal;
