package org.certhub.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches a controller into the hub's problem format: the hub's own
 * {@link ProblemException}s, Spring MVC's standard errors (with stable types), and anything
 * unexpected as a bare 500 that reveals nothing of the request or the stack.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses responses;

    ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        return respond(request, e.problem(), e.headers());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "The parameter '" + e.getName() + "' has an invalid value."),
                List.of(new ProblemError(e.getName(), "parameter-format", "not a valid value for this parameter")));
        return respond(request, problem, new HttpHeaders());
    }

    /** A multipart body that cannot be read (no boundary, cut short) is the client's fault, as is one too large. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        ProblemDetail problem = e instanceof MaxUploadSizeExceededException
                ? Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                        "The upload is larger than the hub accepts.")
                : Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                        "The multipart body could not be read.");
        return respond(request, problem, new HttpHeaders());
    }

    /** Thrown inside a controller (e.g. by method security): the same answer as the filter chain's. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(request, Problems.forbidden(), new HttpHeaders());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"certhub\"");
        return respond(request, Problems.unauthorized(), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (EngineFailures.isTransient(e)) {
            // Elasticsearch or Kafka down, stalled or overloaded: the client should come back.
            EngineFailures.log(e);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, EngineFailures.RETRY_AFTER_SECONDS);
            return respond(request, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "Temporarily unavailable", "A storage engine of the hub did not answer in time; retry later."), headers);
        }
        log.error("Unexpected error while handling a request", e);
        return respond(request, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The hub could not handle this request; nothing of it was accepted."), new HttpHeaders());
    }

    /** Spring MVC's own exceptions, re-typed with the hub's stable problem types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
        return responses.entity(path, standardProblem(e, status), headers);
    }

    private static ProblemDetail standardProblem(Exception e, HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus code = known != null ? known : HttpStatus.BAD_REQUEST;
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            String sent = unsupported.getContentType() == null ? "No content type was sent"
                    : "Content type " + unsupported.getContentType() + " is not accepted here";
            return Problems.of(code, "unsupported-media-type", "Unsupported media type",
                    sent + "; use one of " + unsupported.getSupportedMediaTypes() + ".");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(code, "not-acceptable", "Not acceptable",
                    "None of the media types in the Accept header can be produced here.");
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return Problems.of(code, "method-not-allowed", "Method not allowed",
                    "Method " + method.getMethod() + " is not allowed here.");
        }
        if (e instanceof NoResourceFoundException) {
            return Problems.notFound("The resource");
        }
        if (e instanceof HttpMessageNotReadableException) {
            return Problems.of(code, "malformed-request", "Malformed request",
                    "The request body could not be read.");
        }
        return Problems.of(code, "bad-request", code.getReasonPhrase(), code.getReasonPhrase() + ".");
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, ProblemDetail problem, HttpHeaders headers) {
        return responses.entity(request.getRequestURI(), problem, headers);
    }
}
