package org.certhub.correlation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The caller's daily budget of blind reveals is spent: {@code 429} problem
 * {@code blind-match-budget-spent}, retryable, with {@code Retry-After} until the next UTC day. It
 * names no CERT and no value: what was withheld is exactly what the caller may not learn.
 */
public final class BlindMatchBudgetSpentException extends ProblemException {

    public static final String TYPE = "blind-match-budget-spent";

    private BlindMatchBudgetSpentException(ProblemDetail problem, HttpHeaders headers) {
        super(problem, headers);
    }

    /** The problem as of now. */
    public static BlindMatchBudgetSpentException now(int budget) {
        return at(Instant.now(), budget);
    }

    static BlindMatchBudgetSpentException at(Instant now, int budget) {
        Instant nextDay = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long seconds = Math.max(1, Duration.between(now, nextDay).toSeconds());
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, TYPE, "Blind match budget spent",
                "Your daily budget of " + budget + " blind matches (restricted values of other CERTs) is spent; "
                        + "further blind matches are withheld until 00:00 UTC, and their holders are told.");
        problem.setProperty("budget", budget);
        problem.setProperty("resets_at", nextDay.truncatedTo(ChronoUnit.SECONDS).toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return new BlindMatchBudgetSpentException(problem, headers);
    }
}
