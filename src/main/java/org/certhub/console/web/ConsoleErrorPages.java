package org.certhub.console.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.certhub.web.Problems;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console address that no page answers (an unknown path, a missing or malformed parameter) gets a
 * console page in the browser, not the API's problem+json: these failures happen before any console
 * controller runs, so {@link ConsoleModel}'s handler never sees them. API paths are left to the API.
 */
@Component
class ConsoleErrorPages implements HandlerExceptionResolver, Ordered {

    private final ConsoleModel pages;

    ConsoleErrorPages(ConsoleModel pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        String path = request.getRequestURI();
        if (!(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        HttpStatus status;
        if (failure instanceof ErrorResponse error) {
            status = HttpStatus.resolve(error.getStatusCode().value());
        } else if (failure instanceof TypeMismatchException) {
            status = HttpStatus.BAD_REQUEST;
        } else if (failure instanceof MultipartException) {
            status = failure instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        } else {
            return null;
        }
        ProblemDetail problem = status == HttpStatus.NOT_FOUND || status == null ? Problems.notFound("The page")
                : Problems.of(status, "bad-request", status.getReasonPhrase(), status.getReasonPhrase() + ".");
        response.setStatus(problem.getStatus());
        return new ModelAndView("console/problem", Map.of("problem", problem, "here", pages.here(request)))
                .addObject("viewer", pages.viewer());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
