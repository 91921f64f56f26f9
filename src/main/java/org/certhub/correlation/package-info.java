/**
 * Correlation: finds the observable values that two or more incidents or reports share, across
 * CERTs or within one, keeps each value's cluster of sightings in Elasticsearch, publishes new and
 * grown correlations ({@link org.certhub.correlation.CorrelationFound}) and answers responders'
 * questions about them, each member shown only as the sharing policy allows.
 */
package org.certhub.correlation;
