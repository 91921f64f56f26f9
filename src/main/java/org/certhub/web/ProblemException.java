package org.certhub.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** Thrown by a controller to answer with a given problem; the problem carries the whole answer. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;
    private final transient HttpHeaders headers;

    public ProblemException(ProblemDetail problem) {
        this(problem, new HttpHeaders());
    }

    /** A problem answered with extra headers, e.g. {@code Retry-After} on a 503. */
    public ProblemException(ProblemDetail problem, HttpHeaders headers) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public ProblemDetail problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
