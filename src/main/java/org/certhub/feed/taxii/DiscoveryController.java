package org.certhub.feed.taxii;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.certhub.feed.FeedProperties;
import org.certhub.intake.IntakeProperties;
import org.certhub.intake.StatusStore;
import org.certhub.intake.SubmissionStatus;
import org.certhub.tenancy.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** TAXII 2.1 discovery ({@code /taxii2/}), the one API root ({@code /taxii2/api/}) and its status resources. */
@RestController
class DiscoveryController {

    static final String API_ROOT = "/taxii2/api/";

    private final FeedProperties feed;
    private final IntakeProperties intake;
    private final StatusStore statuses;

    DiscoveryController(FeedProperties feed, IntakeProperties intake, StatusStore statuses) {
        this.feed = feed;
        this.intake = intake;
        this.statuses = statuses;
    }

    @GetMapping({"/taxii2/", "/taxii2"})
    ResponseEntity<Map<String, Object>> discovery(HttpServletRequest request) {
        String apiRoot = ServletUriComponentsBuilder.fromCurrentContextPath().path(API_ROOT).toUriString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", feed.taxii().title());
        body.put("description", "Incidents and indicators shared by the community's CERTs, as TLP allows");
        body.put("default", apiRoot);
        body.put("api_roots", List.of(apiRoot));
        return TaxiiResponses.ok(request).body(body);
    }

    @GetMapping({API_ROOT, "/taxii2/api"})
    ResponseEntity<Map<String, Object>> apiRoot(HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", feed.taxii().title());
        body.put("description", "Sharing scopes and each CERT's own collection");
        body.put("versions", List.of(TaxiiMedia.VALUE));
        body.put("max_content_length", intake.maxBodySize().toBytes());
        return TaxiiResponses.ok(request).body(body);
    }

    /** A submission's status, for the principal that made it (through TAXII or the hub's own API). */
    @GetMapping({API_ROOT + "status/{id}/", API_ROOT + "status/{id}"})
    ResponseEntity<Map<String, Object>> status(@AuthenticationPrincipal Principal principal, @PathVariable String id,
            HttpServletRequest request) {
        ResponseEntity.BodyBuilder ok = TaxiiResponses.ok(request);
        SubmissionStatus status = statuses.find(id).filter(found -> found.owner().equals(principal.id()))
                .orElseThrow(() -> TaxiiResponses.notFound("Status " + id));
        return ok.body(TaxiiStatus.of(status));
    }
}
