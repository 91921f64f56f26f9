package org.certhub.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Another error body than problem+json, for the paths of a protocol that defines its own (the
 * TAXII 2.1 error resource under {@code /taxii2/}). A module declares one as a bean; every error
 * path (controller advice, security entry point, the container's {@code /error}) then answers its
 * paths in that format, so a client of that protocol never meets two error styles.
 */
public interface ErrorFormat {

    /** Whether requests to this path (the request URI, without query) get this format. */
    boolean appliesTo(String path);

    MediaType mediaType();

    /** The body for this problem; carries the same status, title and detail. */
    Map<String, Object> body(ProblemDetail problem);
}
