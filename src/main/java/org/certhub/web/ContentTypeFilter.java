package org.certhub.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code Content-Type} nothing could read a body as, before any filter or controller tries:
 * one that does not parse (or names a charset the JVM cannot decode), a wildcard ({@code *}{@code /*} describes no body), or a multipart type
 * without its boundary. Reading such a body fails deep in the framework, where it used to be a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ContentTypeFilter extends OncePerRequestFilter {

    private final ProblemResponses responses;

    ContentTypeFilter(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ProblemDetail> refused = refusal(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (refused.isPresent()) {
            responses.write(request, response, refused.get());
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<ProblemDetail> refusal(String header) {
        if (header == null) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(unsupported("The Content-Type header is not a media type."));
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return Optional.of(unsupported("The Content-Type must name the body's media type, not a wildcard."));
        }
        String boundary = type.getParameter("boundary");
        if (type.getType().equals("multipart") && (boundary == null || boundary.isBlank())) {
            return Optional.of(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "A multipart Content-Type needs its boundary."));
        }
        return Optional.empty();
    }

    private static ProblemDetail unsupported(String detail) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail);
    }
}
