/**
 * Where the engines run: an embedded Kafka broker and a managed Elasticsearch server for the
 * default run and the tests, or external clusters named by configuration.
 */
package org.certhub.local;
