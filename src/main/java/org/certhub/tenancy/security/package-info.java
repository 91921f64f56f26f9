/**
 * Authentication by API key (Bearer, or Basic with the principal id as user) and the URL role rules,
 * stateless; failures answer in the hub's problem format.
 */
package org.certhub.tenancy.security;
