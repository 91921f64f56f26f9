/**
 * The HTTP API's one error format, RFC 9457 {@code application/problem+json}: problem types,
 * the {@code errors} and {@code retryable} members, and the fallback paths that bypass controllers.
 */
package org.certhub.web;
