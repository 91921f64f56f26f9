package org.certhub.feed.taxii;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.certhub.feed.kafka.DeletionPublisher;
import org.certhub.intake.BundleReader;
import org.certhub.intake.BundleSubmissions;
import org.certhub.intake.SubmissionStatus;
import org.certhub.pipeline.ObjectDeleted;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write side of TAXII: "add objects" into a CERT's own collection, through the intake's limits,
 * validation, attribution and Kafka path exactly like {@code POST /api/v1/bundles}; and DELETE of
 * an object by its owner, made durable on the deletions topic before it takes effect.
 */
@RestController
class AddObjectsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TaxiiCollections collections;
    private final BundleReader reader;
    private final BundleSubmissions submissions;
    private final Community community;
    private final CollectionStore store;
    private final DeletionPublisher deletions;

    AddObjectsController(TaxiiCollections collections, BundleReader reader, BundleSubmissions submissions,
            Community community, CollectionStore store, DeletionPublisher deletions) {
        this.collections = collections;
        this.reader = reader;
        this.submissions = submissions;
        this.community = community;
        this.store = store;
        this.deletions = deletions;
    }

    @PostMapping({CollectionsController.COLLECTION + "objects/", CollectionsController.COLLECTION + "objects"})
    ResponseEntity<Map<String, Object>> add(@AuthenticationPrincipal Principal principal,
            @PathVariable String collection, HttpServletRequest request) throws IOException {
        TaxiiMedia.requireAcceptable(request.getHeader(HttpHeaders.ACCEPT));
        writable(collection, principal);
        TaxiiMedia.requireContentType(request.getContentType());
        JsonNode envelope = reader.read(request.getInputStream(), request.getContentLengthLong());
        if (!envelope.isObject() || !envelope.path("objects").isArray()) {
            throw ObjectSelection.badRequest(List.of(new ProblemError("/objects", "envelope",
                    "the body must be a TAXII envelope with an 'objects' array")));
        }
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        bundle.set("objects", envelope.path("objects"));
        BundleSubmissions.Submitter submitter = new BundleSubmissions.Submitter(principal.id(), principal.identityId(),
                principal.defaultTlp(), identity -> community.findByIdentity(identity)
                        .filter(other -> !other.id().equals(principal.id())).isPresent());
        SubmissionStatus status = submissions.submit(submitter, bundle);
        return ResponseEntity.accepted().location(URI.create(DiscoveryController.API_ROOT + "status/" + status.id() + "/"))
                .contentType(TaxiiMedia.TYPE).body(TaxiiStatus.of(status));
    }

    /** Deletes every version of the caller's own copy; others' copies of the same id stay. */
    @DeleteMapping({CollectionsController.COLLECTION + "objects/{id}/", CollectionsController.COLLECTION + "objects/{id}"})
    ResponseEntity<Void> delete(@AuthenticationPrincipal Principal principal, @PathVariable String collection,
            @PathVariable String id, HttpServletRequest request) {
        TaxiiMedia.requireAcceptable(request.getHeader(HttpHeaders.ACCEPT));
        writable(collection, principal);
        String version = request.getParameter(ObjectSelection.MATCH_VERSION);
        if (version != null && !version.equals("all")) {
            throw ObjectSelection.badRequest(List.of(new ProblemError(ObjectSelection.MATCH_VERSION, "whole-object",
                    "the hub deletes an object with all its versions: omit match[version] or send 'all'")));
        }
        JsonNode own = store.ownCopy(principal.id(), id).orElseThrow(() -> TaxiiResponses.notFound("Object " + id));
        deletions.publish(new ObjectDeleted(ObjectDeleted.SCHEMA_VERSION, principal.id(), id,
                own.path("tlp").asString(), Instant.now()));
        return ResponseEntity.ok().contentType(TaxiiMedia.TYPE).build();
    }

    private TaxiiCollection writable(String collection, Principal principal) {
        TaxiiCollection found = collections.find(collection, principal)
                .orElseThrow(() -> TaxiiResponses.notFound("Collection " + collection));
        if (!found.canWrite(principal)) {
            throw new ProblemException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "You may not write to collection " + found.alias() + "; a CERT writes to its own collection."));
        }
        return found;
    }
}
