package org.certhub.feed.taxii;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import jakarta.servlet.http.HttpServletRequest;
import org.certhub.feed.FeedProperties;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side of TAXII collections: the list, one collection, its objects, its manifest, one
 * object and an object's versions. Every read is limited to the collection's scope and the caller's
 * sharing filter; a collection the caller may not read answers 403, one it may not know 404.
 */
@RestController
class CollectionsController {

    static final String COLLECTIONS = DiscoveryController.API_ROOT + "collections/";
    static final String COLLECTION = COLLECTIONS + "{collection}/";

    private final TaxiiCollections collections;
    private final CollectionStore store;
    private final CorrelationCollection correlations;
    private final PageTokens tokens;
    private final SharingPolicy policy;
    private final FeedProperties properties;

    CollectionsController(TaxiiCollections collections, CollectionStore store, CorrelationCollection correlations,
            PageTokens tokens, SharingPolicy policy, FeedProperties properties) {
        this.collections = collections;
        this.store = store;
        this.correlations = correlations;
        this.tokens = tokens;
        this.policy = policy;
        this.properties = properties;
    }

    @GetMapping({COLLECTIONS, DiscoveryController.API_ROOT + "collections"})
    ResponseEntity<Map<String, Object>> list(@AuthenticationPrincipal Principal principal, HttpServletRequest request) {
        ResponseEntity.BodyBuilder ok = TaxiiResponses.ok(request);
        Audience audience = policy.audienceOf(principal);
        List<Map<String, Object>> listed = collections.visibleTo(principal).stream()
                .map(collection -> resource(collection, principal, audience)).toList();
        return ok.body(Map.of("collections", listed));
    }

    @GetMapping({COLLECTION, COLLECTIONS + "{collection}"})
    ResponseEntity<Map<String, Object>> one(@AuthenticationPrincipal Principal principal, @PathVariable String collection,
            HttpServletRequest request) {
        ResponseEntity.BodyBuilder ok = TaxiiResponses.ok(request);
        TaxiiCollection found = known(collection, principal);
        return ok.body(resource(found, principal, policy.audienceOf(principal)));
    }

    @GetMapping({COLLECTION + "objects/", COLLECTION + "objects"})
    ResponseEntity<byte[]> objects(@AuthenticationPrincipal Principal principal,
            @PathVariable String collection, HttpServletRequest request) {
        TaxiiResponses.ok(request);
        TaxiiCollection found = readable(collection, principal);
        ObjectSelection selection = ObjectSelection.of(request.getParameterMap());
        PageTokens.Binding binding = new PageTokens.Binding(found.id(), principal.id(), "objects|" + selection.canonical());
        return envelope(page(found, principal, selection, binding, request, true), binding, request);
    }

    @GetMapping({COLLECTION + "objects/{id}/", COLLECTION + "objects/{id}"})
    ResponseEntity<byte[]> object(@AuthenticationPrincipal Principal principal,
            @PathVariable String collection, @PathVariable String id, HttpServletRequest request) {
        TaxiiResponses.ok(request);
        TaxiiCollection found = readable(collection, principal);
        ObjectSelection selection = ObjectSelection.of(request.getParameterMap()).ofObject(id);
        PageTokens.Binding binding = new PageTokens.Binding(found.id(), principal.id(),
                "object|" + id + "|" + selection.canonical());
        CollectionStore.Page page = page(found, principal, selection, binding, request, true);
        if (page.entries().isEmpty() && request.getParameter("next") == null) {
            throw TaxiiResponses.notFound("Object " + id);
        }
        return envelope(page, binding, request);
    }

    @GetMapping({COLLECTION + "manifest/", COLLECTION + "manifest"})
    ResponseEntity<Map<String, Object>> manifest(@AuthenticationPrincipal Principal principal,
            @PathVariable String collection, HttpServletRequest request) {
        TaxiiResponses.ok(request);
        TaxiiCollection found = readable(collection, principal);
        ObjectSelection selection = ObjectSelection.of(request.getParameterMap());
        PageTokens.Binding binding = new PageTokens.Binding(found.id(), principal.id(), "manifest|" + selection.canonical());
        CollectionStore.Page page = page(found, principal, selection, binding, request, false);
        Map<String, Object> body = paged(page, binding);
        if (!page.entries().isEmpty()) {
            body.put("objects", page.entries().stream().map(entry -> {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", entry.stixId());
                record.put("date_added", TaxiiTimestamps.format(entry.dateAdded()));
                record.put("version", entry.version());
                record.put("media_type", TaxiiMedia.STIX_VALUE);
                return record;
            }).toList());
        }
        return TaxiiResponses.page(request, page).body(body);
    }

    @GetMapping({COLLECTION + "objects/{id}/versions/", COLLECTION + "objects/{id}/versions"})
    ResponseEntity<Map<String, Object>> versions(@AuthenticationPrincipal Principal principal,
            @PathVariable String collection, @PathVariable String id, HttpServletRequest request) {
        TaxiiResponses.ok(request);
        TaxiiCollection found = readable(collection, principal);
        ObjectSelection selection = ObjectSelection.of(request.getParameterMap()).ofObject(id).allVersions();
        PageTokens.Binding binding = new PageTokens.Binding(found.id(), principal.id(),
                "versions|" + selection.canonical());
        CollectionStore.Page page = page(found, principal, selection, binding, request, false);
        if (page.entries().isEmpty() && request.getParameter("next") == null) {
            throw TaxiiResponses.notFound("Object " + id);
        }
        Map<String, Object> body = paged(page, binding);
        body.put("versions", page.entries().stream().map(CollectionStore.Entry::version).toList());
        return TaxiiResponses.page(request, page).body(body);
    }

    /** The envelope, written around the stored objects' bytes: {@code more} and {@code next} first. */
    private ResponseEntity<byte[]> envelope(CollectionStore.Page page, PageTokens.Binding binding,
            HttpServletRequest request) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(page.entries().size() * 1_500 + 256);
        body.writeBytes(("{\"more\":" + page.more()).getBytes(StandardCharsets.UTF_8));
        // A token is base64url and a dot: nothing in it needs escaping.
        TaxiiResponses.next(page, tokens, binding)
                .ifPresent(next -> body.writeBytes((",\"next\":\"" + next + "\"").getBytes(StandardCharsets.UTF_8)));
        if (!page.entries().isEmpty()) {
            body.writeBytes(",\"objects\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < page.entries().size(); i++) {
                if (i > 0) {
                    body.write(',');
                }
                body.writeBytes(page.entries().get(i).object().orElseThrow());
            }
            body.write(']');
        }
        body.write('}');
        return TaxiiResponses.page(request, page).body(body.toByteArray());
    }

    private CollectionStore.Page page(TaxiiCollection collection, Principal principal, ObjectSelection selection,
            PageTokens.Binding binding, HttpServletRequest request, boolean withObjects) {
        int limit = TaxiiResponses.limit(request, properties.taxii().maxPageSize());
        List<FieldValue> after = TaxiiResponses.after(request, tokens, binding);
        Audience audience = policy.audienceOf(principal);
        return collection.holdsCorrelations() ? correlations.page(audience, selection, limit, after, withObjects)
                : store.page(collection, audience, selection, limit, after, withObjects);
    }

    private Map<String, Object> paged(CollectionStore.Page page, PageTokens.Binding binding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("more", page.more());
        TaxiiResponses.next(page, tokens, binding).ifPresent(next -> body.put("next", next));
        return body;
    }

    private TaxiiCollection known(String collection, Principal principal) {
        return collections.find(collection, principal).orElseThrow(() -> TaxiiResponses.notFound("Collection " + collection));
    }

    private TaxiiCollection readable(String collection, Principal principal) {
        TaxiiCollection found = known(collection, principal);
        if (!found.canRead(principal, policy.audienceOf(principal))) {
            throw TaxiiResponses.forbidden("You may not read collection " + found.alias() + ".");
        }
        return found;
    }

    private static Map<String, Object> resource(TaxiiCollection collection, Principal principal, Audience audience) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", collection.id());
        resource.put("title", collection.title());
        resource.put("description", collection.description());
        resource.put("alias", collection.alias());
        resource.put("can_read", collection.canRead(principal, audience));
        resource.put("can_write", collection.canWrite(principal));
        resource.put("media_types", List.of(TaxiiMedia.STIX_VALUE));
        return resource;
    }
}
