package org.certhub.correlation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certhub.correlation.BlindMatches;
import org.certhub.correlation.BlindReveal;
import org.certhub.correlation.internal.Correlation;
import org.certhub.correlation.internal.CorrelationQueries;
import org.certhub.correlation.internal.CorrelationViews;
import org.certhub.correlation.internal.Member;
import org.certhub.stix.IpValues;
import org.certhub.stix.observable.Normalization;
import org.certhub.stix.observable.Observable;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every sighting of a value across the community, as the caller may see it:
 * {@code GET /api/v1/observables?value=...} for one value, {@code POST /api/v1/observables/lookup}
 * for up to 1,000 pasted values in one Elasticsearch query. An address also finds the networks
 * that contain it (none broader than {@code certhub.correlation.containment.*} allows). As with
 * correlations, a value is answered only when the caller may see at least one sighting that
 * carries it; then the restricted ones are blind entries. A network containing the address that
 * the caller may not see is a blind match: {@code {relation: contained-in, blind: true, sightings}}
 * with the blind entries of its holders, never its value, id or counts. The console calls
 * {@link #lookup} in-process with the signed-in person's principal.
 */
@RestController
public class ObservablesController {

    static final int MAX_VALUES = 1000;

    private final CorrelationQueries queries;
    private final SharingPolicy policy;
    private final CorrelationViews views;
    private final BlindMatches blindMatches;

    ObservablesController(CorrelationQueries queries, SharingPolicy policy, Community community, BlindMatches blindMatches) {
        this.blindMatches = blindMatches;
        this.queries = queries;
        this.policy = policy;
        this.views = new CorrelationViews(id -> community.find(id).map(Principal::name).orElse(id));
    }

    /** The lookup request: the values as pasted. */
    public record LookupRequest(List<String> values) {
    }

    @GetMapping(path = "/api/v1/observables", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> observable(@AuthenticationPrincipal Principal principal, @RequestParam(required = false) String value) {
        if (value == null || value.isBlank()) {
            throw Parameters.invalid("value", "required", "is required");
        }
        SharingPolicy.Audience audience = policy.audienceOf(principal);
        List<Observable> candidates = Normalization.candidates(value);
        List<Found> found = matches(candidates, queries.sightings(candidates, audience), audience);
        disclose(principal, List.of(found), audience);
        return answer(value, candidates, found, audience);
    }

    @PostMapping(path = "/api/v1/observables/lookup", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> lookup(@AuthenticationPrincipal Principal principal, @RequestBody LookupRequest request) {
        if (request == null || request.values() == null) {
            throw Parameters.invalid("/values", "required", "is required");
        }
        if (request.values().size() > MAX_VALUES) {
            throw Parameters.invalid("/values", "max-items", "may hold at most " + MAX_VALUES + " values");
        }
        SharingPolicy.Audience audience = policy.audienceOf(principal);
        Map<String, List<Observable>> candidates = new LinkedHashMap<>();
        List<Observable> all = new ArrayList<>();
        for (String value : request.values()) {
            List<Observable> guesses = value == null ? List.of() : Normalization.candidates(value);
            candidates.put(value, guesses);
            all.addAll(guesses);
        }
        List<Correlation> sightings = queries.sightings(all.stream().distinct().toList(), audience);
        Map<String, List<Found>> found = new LinkedHashMap<>();
        candidates.forEach((value, guesses) -> found.put(value, matches(guesses, sightings, audience)));
        disclose(principal, found.values(), audience);
        List<Map<String, Object>> results = new ArrayList<>();
        candidates.forEach((value, guesses) -> results.add(answer(value, guesses, found.get(value), audience)));
        return Map.of("results", results);
    }

    /**
     * One match of an asked value: a correlation of the value itself ({@code equal}), or a network
     * containing the address ({@code contained-in}), shown whole or, when the caller may not see
     * the network, as a blind match.
     */
    private record Found(Observable asked, Correlation correlation, String relation, List<Member> members, boolean blind) {
    }

    private List<Found> matches(List<Observable> candidates, List<Correlation> sightings, SharingPolicy.Audience audience) {
        List<Found> found = new ArrayList<>();
        for (Observable candidate : candidates) {
            String id = Correlation.idOf(candidate.key());
            sightings.stream().filter(c -> c.id().equals(id) && CorrelationViews.visible(c, audience))
                    .forEach(c -> found.add(new Found(candidate, c, "equal", List.copyOf(c.members().values()), false)));
            if (candidate.type().id().equals("ipv4") || candidate.type().id().equals("ipv6")) {
                sightings.stream().filter(c -> c.valueType().equals("cidr") && queries.mayContain(c.value())
                        && IpValues.contains(c.value(), candidate.value())).forEach(network -> {
                            boolean visible = CorrelationViews.visible(network, audience);
                            found.add(new Found(candidate, network, "contained-in", network.members().values().stream()
                                    .filter(m -> visible ? m.carriesValue() || m.via().contains(candidate.value())
                                            : m.carriesValue()).toList(), !visible));
                        });
            }
        }
        return found;
    }

    /** Counts the answer's blind entries against the caller's daily budget: past it, a lookup is refused whole. */
    private void disclose(Principal principal, java.util.Collection<List<Found>> answers, SharingPolicy.Audience audience) {
        List<BlindReveal> reveals = new ArrayList<>();
        for (List<Found> found : answers) {
            for (Found match : found) {
                match.members().forEach(member -> BlindReveals.addSighting(reveals, match.correlation(), member, match.asked(),
                        audience));
            }
        }
        if (!reveals.isEmpty()) {
            blindMatches.disclose(principal, reveals).orThrowWhenBudgetSpent();
        }
    }

    private Map<String, Object> answer(String query, List<Observable> candidates, List<Found> found,
            SharingPolicy.Audience audience) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Found match : found) {
            if (match.blind()) {
                views.blindMatch(match.correlation(), audience).ifPresent(matches::add);
            } else {
                matches.add(match(match.correlation(), match.relation(), match.members(), audience));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("query", query);
        answer.put("normalized", candidates.stream().map(Observable::key).toList());
        answer.put("matches", matches);
        return answer;
    }

    private Map<String, Object> match(Correlation correlation, String relation, List<Member> members,
            SharingPolicy.Audience audience) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("blind", false);
        match.put("correlation_id", correlation.id());
        match.put("value_type", correlation.valueType());
        match.put("value", correlation.value());
        match.put("relation", relation);
        match.put("member_count", correlation.memberCount());
        match.put("suppressed", correlation.suppressed());
        correlation.suppression().ifPresent(reason -> match.put("suppressed_reason", reason));
        match.put("sightings", views.members(members, audience));
        return match;
    }
}
