package org.certhub.correlation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.certhub.correlation.internal.CorrelationStats;
import org.certhub.search.ObjectStats;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats}: the dashboard figures of one time range in one answer, every count
 * over what the caller may see: incidents per CERT per UTC day, the ATT&CK techniques named most,
 * the most widely shared observables and the correlations by type, CERT and day.
 */
@RestController
public class StatsController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);
    static final int MAX_TOP = 100;

    private final ObjectStats objects;
    private final CorrelationStats correlations;
    private final SharingPolicy policy;

    StatsController(ObjectStats objects, CorrelationStats correlations, SharingPolicy policy) {
        this.objects = objects;
        this.correlations = correlations;
        this.policy = policy;
    }

    @GetMapping(path = "/api/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> stats(@AuthenticationPrincipal Principal principal, @RequestParam(required = false) String since,
            @RequestParam(required = false) String until, @RequestParam(required = false) String cert,
            @RequestParam(defaultValue = "10") int top) {
        Instant to = Parameters.instant("until", until).orElseGet(Instant::now);
        Instant from = Parameters.instant("since", since).orElseGet(() -> to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw Parameters.invalid("since", "range", "must be before 'until'");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw Parameters.invalid("since", "range", "must be at most 366 days before 'until'");
        }
        if (top < 1 || top > MAX_TOP) {
            throw Parameters.invalid("top", "range", "must be between 1 and " + MAX_TOP);
        }
        SharingPolicy.Audience audience = policy.audienceOf(principal);
        Optional<String> owner = Optional.ofNullable(cert).map(c -> c.toLowerCase(Locale.ROOT));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("since", from.toString());
        body.put("until", to.toString());
        body.put("incidents_per_day", objects.incidentsPerDay(from, to, owner, audience).stream().map(day -> Map.of(
                "day", day.day().toString(), "total", day.total(), "by_cert", day.byCert())).toList());
        body.put("techniques", objects.techniques(from, to, top, audience).stream().map(t -> Map.of(
                "technique", t.technique(), "objects", t.objects(), "certs", t.certs())).toList());
        body.put("correlations", correlations.between(from, to, top, audience));
        return body;
    }
}
