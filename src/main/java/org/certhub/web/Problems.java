package org.certhub.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the hub's problem details. Every problem has a stable {@code type}
 * ({@code https://certhub.org/problems/<slug>}), a title, a human {@code detail}, and the extension
 * member {@code retryable}; validation problems add {@code errors}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://certhub.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        problem.setProperty("retryable", status == HttpStatus.SERVICE_UNAVAILABLE
                || status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.GATEWAY_TIMEOUT);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<ProblemError> errors) {
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                "Send a valid API key as 'Authorization: Bearer <key>'.");
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this operation.");
    }

    public static ProblemDetail notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }
}
