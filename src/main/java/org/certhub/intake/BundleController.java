package org.certhub.intake;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/bundles} and {@code GET /api/v1/status/{id}}. */
@RestController
class BundleController {

    static final String STIX_MEDIA_TYPE = "application/stix+json";

    private final BundleReader reader;
    private final BundleSubmissions submissions;
    private final StatusStore statuses;
    private final Community community;

    BundleController(BundleReader reader, BundleSubmissions submissions, StatusStore statuses, Community community) {
        this.reader = reader;
        this.submissions = submissions;
        this.statuses = statuses;
        this.community = community;
    }

    @PostMapping(path = "/api/v1/bundles", consumes = {STIX_MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StatusResource> submit(@AuthenticationPrincipal Principal principal, HttpServletRequest request)
            throws IOException {
        requireStixVersion(request.getContentType());
        JsonNode document = reader.read(request.getInputStream(), request.getContentLengthLong());
        BundleSubmissions.Submitter submitter = new BundleSubmissions.Submitter(principal.id(),
                principal.identityId(), principal.defaultTlp(),
                identity -> community.findByIdentity(identity).filter(other -> !other.id().equals(principal.id())).isPresent());
        SubmissionStatus status = submissions.submit(submitter, document);
        return ResponseEntity.accepted().location(URI.create("/api/v1/status/" + status.id()))
                .body(StatusResource.of(status));
    }

    @GetMapping(path = "/api/v1/status/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    StatusResource status(@AuthenticationPrincipal Principal principal, @PathVariable String id) {
        return statuses.find(id).filter(status -> status.owner().equals(principal.id()))
                .map(StatusResource::of)
                .orElseThrow(() -> new ProblemException(Problems.notFound("Status " + id)));
    }

    /** A STIX media type, if it names a version, must name 2.1. */
    private static void requireStixVersion(String contentType) {
        if (contentType == null) {
            return;
        }
        MediaType type = MediaType.parseMediaType(contentType);
        String version = type.getParameter("version");
        if (version != null && !version.equals("2.1")) {
            throw new ProblemException(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Only STIX 2.1 is accepted (" + STIX_MEDIA_TYPE + ";version=2.1)."));
        }
    }
}
