package org.certhub.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error path ({@code /error}): errors raised outside Spring MVC (in filters, by the
 * servlet container) answer in the same problem format, with nothing of the failed request in them.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemResponses responses;

    ProblemErrorController(ProblemResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (not forwarded by the container after an error), /error is a path like
        // any other the hub does not serve: 404, not an error about nothing.
        HttpStatus status = request.getDispatcherType() != DispatcherType.ERROR || code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String slug = switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case PAYLOAD_TOO_LARGE -> "request-too-large";
            case BAD_REQUEST -> "bad-request";
            default -> status.is5xxServerError() ? "internal-error" : "error";
        };
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return responses.entity(path instanceof String uri ? uri : null,
                Problems.of(status, slug, status.getReasonPhrase(), status.getReasonPhrase() + "."), new HttpHeaders());
    }
}
