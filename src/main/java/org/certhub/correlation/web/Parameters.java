package org.certhub.correlation.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.certhub.web.RequestParameters;
import org.springframework.http.HttpStatus;

/** Request parameter checks shared by the correlation controllers, answered as problem+json. */
final class Parameters {

    static final int MAX_LIMIT = 1000;

    private Parameters() {
    }

    static Optional<Instant> instant(String name, String value) {
        return RequestParameters.instant(name, value);
    }

    static ProblemException invalid(String name, String rule, String message) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "The parameter '" + name + "' " + message + "."),
                List.of(new ProblemError(name, rule, message))));
    }

    static ProblemException notFound(String what) {
        return new ProblemException(Problems.notFound(what));
    }
}
