/**
 * STIX 2.1 Patterning: a hand-written parser for the pattern language of indicators.
 * {@link org.certhub.stix.pattern.StixPattern#parse(String)} turns a pattern into a small tree of
 * observation and comparison expressions, and flattens its comparisons for extraction. Plain Java, no Spring.
 */
package org.certhub.stix.pattern;
