package org.certhub.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a problem for a request path: problem+json, or the {@link ErrorFormat} of the path's
 * protocol. Writes it straight to a servlet response for the paths that never reach a controller
 * (the security filter chain's entry point and access-denied handler, request filters).
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;
    private final List<ErrorFormat> formats;

    public ProblemResponses(JsonMapper json, List<ErrorFormat> formats) {
        this.json = json;
        this.formats = List.copyOf(formats);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Optional<ErrorFormat> format = formatOf(request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(format.map(f -> f.mediaType().toString()).orElse(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        json.writeValue(response.getOutputStream(), format.map(f -> f.body(problem)).orElseGet(() -> asMap(problem)));
    }

    /** A problem as its body's media type and text, for writers outside the servlet API. */
    record Rendered(String mediaType, String body) {
    }

    /** The problem as a request for {@code path} (null when unknown) gets it. */
    Rendered render(String path, ProblemDetail problem) {
        Optional<ErrorFormat> format = formatOf(path);
        return new Rendered(format.map(f -> f.mediaType().toString()).orElse(MediaType.APPLICATION_PROBLEM_JSON_VALUE),
                json.writeValueAsString(format.map(f -> f.body(problem)).orElseGet(() -> asMap(problem))));
    }

    /** The answer to a request for {@code path} that failed with this problem. */
    ResponseEntity<Object> entity(String path, ProblemDetail problem, HttpHeaders headers) {
        Optional<ErrorFormat> format = formatOf(path);
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(format.map(ErrorFormat::mediaType).orElse(MediaType.APPLICATION_PROBLEM_JSON));
        return ResponseEntity.status(problem.getStatus()).headers(out)
                .body(format.map(f -> f.body(problem)).orElseGet(() -> asMap(problem)));
    }

    private Optional<ErrorFormat> formatOf(String path) {
        return path == null ? Optional.empty() : formats.stream().filter(f -> f.appliesTo(path)).findFirst();
    }

    /** The RFC 9457 members first, then the extension members at the top level (not nested). */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
