/**
 * Webhook subscriptions: a partner or CERT registers a URL, a secret and a filter; every object
 * version accepted afterwards that the sharing policy lets it see and the filter matches is POSTed
 * to it, signed, at least once, in order per partition, with a backlog that survives restarts.
 */
package org.certhub.feed.subscription;
