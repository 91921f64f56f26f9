package org.certhub.feed.taxii;

import java.util.LinkedHashMap;
import java.util.Map;

import org.certhub.web.ErrorFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The TAXII 2.1 error resource for every error under {@code /taxii2/}, whoever raises it (a
 * controller, the security chain, the container): {@code title}, {@code description},
 * {@code http_status} (a string, as the specification types it), {@code error_code} (the hub's
 * stable problem slug) and, for bad input, {@code details.errors} as {@code {pointer, rule, message}}.
 */
@Component
class TaxiiErrorFormat implements ErrorFormat {

    static final String PATH_PREFIX = "/taxii2";

    @Override
    public boolean appliesTo(String path) {
        return path.equals(PATH_PREFIX) || path.startsWith(PATH_PREFIX + "/");
    }

    @Override
    public MediaType mediaType() {
        return TaxiiMedia.TYPE;
    }

    @Override
    public Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", problem.getTitle());
        if (problem.getDetail() != null) {
            error.put("description", problem.getDetail());
        }
        String type = problem.getType().toString();
        error.put("error_code", type.substring(type.lastIndexOf('/') + 1));
        error.put("http_status", String.valueOf(problem.getStatus()));
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.containsKey("errors")) {
            error.put("details", Map.of("errors", properties.get("errors")));
        }
        return error;
    }
}
