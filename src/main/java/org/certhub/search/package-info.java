/** Elasticsearch: the connection, index templates and mappings, and the queries responders run. */
package org.certhub.search;
