package org.certhub.correlation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.correlation.BlindDisclosure;
import org.certhub.correlation.BlindMatches;
import org.certhub.correlation.BlindReveal;
import org.certhub.correlation.internal.Correlation;
import org.certhub.correlation.internal.CorrelationQueries;
import org.certhub.correlation.internal.CorrelationViews;
import org.certhub.correlation.internal.TechniqueTargets;
import org.certhub.search.SortCursor;
import org.certhub.stix.observable.Normalization;
import org.certhub.stix.observable.ObservableType;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.certhub.web.RequestParameters;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/correlations[/{id}]}: correlations with at least one member that carries the
 * value and that the caller may see (a network's containment members never count), newest or
 * strongest first, with cursor paging; each member whole or blind. The console calls
 * these methods in-process with the signed-in person's principal, so its pages show exactly what the
 * API would answer that principal.
 */
@RestController
public class CorrelationsController {

    private final CorrelationQueries queries;
    private final SharingPolicy policy;
    private final CorrelationViews views;

    private final BlindMatches blindMatches;

    CorrelationsController(CorrelationQueries queries, SharingPolicy policy, Community community, BlindMatches blindMatches) {
        this.queries = queries;
        this.blindMatches = blindMatches;
        this.policy = policy;
        this.views = new CorrelationViews(id -> community.find(id).map(Principal::name).orElse(id));
    }

    @GetMapping(path = "/api/v1/correlations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> correlation(@AuthenticationPrincipal Principal principal, @PathVariable String id) {
        SharingPolicy.Audience audience = policy.audienceOf(principal);
        return queries.get(id, audience).map(correlation -> views.detail(withinBudget(principal, List.of(correlation),
                audience).get(0), audience)).orElseThrow(() -> Parameters.notFound("Correlation " + id));
    }

    @GetMapping(path = "/api/v1/correlations", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> correlations(@AuthenticationPrincipal Principal principal,
            @RequestParam(required = false) String cert, @RequestParam(required = false) String type,
            @RequestParam(required = false) String value, @RequestParam(name = "min_certs", required = false) Integer minCerts,
            @RequestParam(name = "min_score", required = false) Double minScore,
            @RequestParam(required = false) String since, @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "recent") String sort, @RequestParam(defaultValue = "false") boolean suppressed,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > Parameters.MAX_LIMIT) {
            throw Parameters.invalid("limit", "range", "must be between 1 and " + Parameters.MAX_LIMIT);
        }
        CorrelationQueries.Sort order = switch (sort) {
            case "recent" -> CorrelationQueries.Sort.RECENT;
            case "score" -> CorrelationQueries.Sort.SCORE;
            default -> throw Parameters.invalid("sort", "enum", "must be 'recent' or 'score'");
        };
        if (type != null && ObservableType.fromId(type).isEmpty() && !type.equals(TechniqueTargets.TYPE)) {
            throw Parameters.invalid("type", "enum", "is not an observable type");
        }
        List<FieldValue> after = cursor == null ? List.of() : SortCursor.decode(cursor, order.name(), order == CorrelationQueries.Sort.SCORE
                ? List.of(SortCursor.Kind.DOUBLE, SortCursor.Kind.LONG, SortCursor.Kind.STRING)
                : List.of(SortCursor.Kind.LONG, SortCursor.Kind.STRING))
                .orElseThrow(() -> Parameters.invalid("cursor", "cursor", "is not a cursor this API issued for this order"));
        CorrelationQueries.Filter filter = new CorrelationQueries.Filter(Optional.ofNullable(cert).map(c -> c.toLowerCase(Locale.ROOT)),
                Optional.ofNullable(type), value == null ? List.of() : Normalization.candidates(value),
                Optional.ofNullable(minCerts), RequestParameters.finite("min_score", minScore, 0, Double.MAX_VALUE), Parameters.instant("since", since),
                Parameters.instant("until", until), suppressed);
        if (value != null && filter.value().isEmpty()) {
            throw Parameters.invalid("value", "observable", "is not an observable value");
        }
        SharingPolicy.Audience audience = policy.audienceOf(principal);
        CorrelationQueries.Page page = queries.list(filter, order, limit, after, audience);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correlations", withinBudget(principal, page.correlations(), audience).stream()
                .map(c -> views.summary(c, audience)).toList());
        body.put("next", page.next().map(values -> SortCursor.encode(order.name(), values)).orElse(null));
        return body;
    }

    /**
     * The correlations as the caller's daily budget of blind reveals lets it see them: restricted
     * CERTs already revealed to it today, or within the budget, show; the others are left out as if
     * they had no member (a listing is never refused whole; a lookup is).
     */
    private List<Correlation> withinBudget(Principal principal, List<Correlation> correlations, SharingPolicy.Audience audience) {
        List<BlindReveal> reveals = BlindReveals.ofCorrelations(correlations, audience);
        if (reveals.isEmpty()) {
            return correlations;
        }
        BlindDisclosure disclosure = blindMatches.disclose(principal, reveals);
        if (!disclosure.budgetSpent()) {
            return correlations;
        }
        return correlations.stream().map(c -> BlindReveals.withheldRemoved(c, audience, disclosure)).toList();
    }
}
