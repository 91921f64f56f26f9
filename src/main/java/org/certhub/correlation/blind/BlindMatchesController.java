package org.certhub.correlation.blind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.certhub.search.SortCursor;
import org.certhub.tenancy.Principal;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/blind-matches}: the blind matches on the caller's own restricted values, newest
 * first: who matched, which value, when (first that day), and whether it was withheld. Only the
 * owner's entries, whoever asks: an entry says which CERT looked for what, which is nobody else's
 * business. Submitters and responders of a CERT may read it (the URL rule is in tenancy's security).
 */
@RestController
class BlindMatchesController {

    private static final int MAX_LIMIT = 500;
    private static final String ORDER = "revealed";
    private static final List<SortCursor.Kind> SHAPE = List.of(SortCursor.Kind.LONG, SortCursor.Kind.STRING);

    private final RevealStore store;

    BlindMatchesController(RevealStore store) {
        this.store = store;
    }

    /** One entry of the list. */
    record BlindMatchJson(
            String cert,
            @JsonProperty("value_type") String valueType,
            String value,
            String tlp,
            @JsonProperty("first_revealed_at") String firstRevealedAt,
            boolean withheld) {

        static BlindMatchJson of(RevealDocument document) {
            return new BlindMatchJson(document.viewer(), document.valueType(), document.value(), document.tlp(),
                    document.revealedAt().toString(), document.withheld());
        }
    }

    @GetMapping(path = "/api/v1/blind-matches", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@AuthenticationPrincipal Principal caller, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        var after = Optional.ofNullable(cursor).map(text -> SortCursor.decode(text, ORDER, SHAPE)
                .orElseThrow(() -> invalid("cursor", "cursor", "is not a cursor of this listing")));
        RevealStore.Page page = store.ofOwner(caller.id(), limit, after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("blind_matches", page.reveals().stream().map(BlindMatchJson::of).toList());
        page.next().ifPresent(values -> body.put("next", SortCursor.encode(ORDER, values)));
        return body;
    }

    private static ProblemException invalid(String name, String rule, String message) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "The parameter '" + name + "' " + message + "."),
                List.of(new ProblemError(name, rule, message))));
    }
}
