/**
 * Calls the hub makes to addresses others gave it (webhooks of contacts and subscriptions): the one
 * policy of which targets may be called, checked when an address is saved and again, on the resolved
 * addresses, at every send; and the HTTP client that connects only to addresses it checked. Depends on
 * nothing of ours.
 */
package org.certhub.outbound;
