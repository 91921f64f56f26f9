/** The delivery engine: the notification record in Elasticsearch, claims, retries, acknowledgements. */
package org.certhub.notify.internal;
