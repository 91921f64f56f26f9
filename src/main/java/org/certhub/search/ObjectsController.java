package org.certhub.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.certhub.web.RequestParameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The responders' read API over stored objects. An object the caller may not see answers exactly
 * like one that does not exist (404), and never counts in a listing.
 */
@RestController
class ObjectsController {

    static final int MAX_LIMIT = 1000;
    static final int MAX_TEXT_LENGTH = 512;

    private final ObjectQueries queries;
    private final SharingPolicy policy;

    ObjectsController(ObjectQueries queries, SharingPolicy policy) {
        this.queries = queries;
        this.policy = policy;
    }

    @GetMapping(path = "/api/v1/objects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Object object(@AuthenticationPrincipal Principal principal, @PathVariable String id,
            @RequestParam(required = false) String versions) {
        SharingPolicy.Audience visibility = visibility(principal);
        if ("all".equals(versions)) {
            List<StoredObject> all = queries.versions(id, visibility);
            if (all.isEmpty()) {
                throw notFound(id);
            }
            return Map.of("versions", all.stream().map(ObjectsController::envelope).toList());
        }
        if (versions != null) {
            throw badParameter("versions", "enum", "only 'all' is supported");
        }
        return queries.current(id, visibility).map(ObjectsController::envelope).orElseThrow(() -> notFound(id));
    }

    @GetMapping(path = "/api/v1/objects", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> objects(@AuthenticationPrincipal Principal principal,
            @RequestParam(required = false) List<String> type, @RequestParam(required = false) String cert,
            @RequestParam(required = false) String value, @RequestParam(required = false) String q,
            @RequestParam(required = false) String since, @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badParameter("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        if (q != null && q.length() > MAX_TEXT_LENGTH) {
            throw badParameter("q", "max-length", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        List<String> types = type == null ? List.of()
                : type.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::trim).filter(t -> !t.isEmpty()).toList();
        ObjectFilter filter = new ObjectFilter(types, Optional.ofNullable(cert), Optional.ofNullable(value),
                Optional.ofNullable(q).filter(text -> !text.isBlank()), instant("since", since), instant("until", until));
        ObjectPage page;
        try {
            page = queries.list(filter, limit, Optional.ofNullable(cursor), visibility(principal));
        } catch (IllegalArgumentException e) {
            throw badParameter("cursor", "cursor", "not a cursor this API issued");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objects", page.objects().stream().map(ObjectsController::envelope).toList());
        body.put("next", page.next().orElse(null));
        return body;
    }

    private SharingPolicy.Audience visibility(Principal principal) {
        return policy.audienceOf(principal);
    }

    static Map<String, Object> envelope(StoredObject object) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("owner", object.owner());
        envelope.put("tlp", object.tlp());
        envelope.put("received_at", object.receivedAt().toString());
        envelope.put("object", object.object());
        return envelope;
    }

    private static Optional<Instant> instant(String name, String value) {
        return RequestParameters.instant(name, value);
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problems.notFound("Object " + id));
    }

    private static ProblemException badParameter(String name, String rule, String message) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "The parameter '" + name + "' " + message + "."),
                List.of(new ProblemError(name, rule, message))));
    }
}
