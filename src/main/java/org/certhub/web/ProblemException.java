package org.certhub.web;

import org.springframework.http.ProblemDetail;

/** Thrown by a controller to answer with a given problem; the problem carries the whole answer. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
