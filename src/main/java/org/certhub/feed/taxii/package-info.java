/**
 * The TAXII 2.1 server: discovery, the API root, collections as sharing scopes, objects, manifests,
 * versions, status resources, signed paging tokens and the TAXII error resource.
 */
package org.certhub.feed.taxii;
