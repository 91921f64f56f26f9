/** The correlation model, its merge and scoring rules, suppression, and its Elasticsearch store. */
package org.certhub.correlation.internal;
