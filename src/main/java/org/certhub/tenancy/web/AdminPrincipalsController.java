package org.certhub.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.certhub.outbound.TargetPolicy;
import org.certhub.tenancy.TenancyProperties;
import org.certhub.tenancy.admin.PrincipalAdministration;
import org.certhub.tenancy.kafka.StoredPrincipal;
import org.certhub.tenancy.kafka.TenancyWriteFailedException;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for principals and their keys (role admin, enforced by the security filter chain). */
@RestController
@RequestMapping("/api/v1/admin/principals")
class AdminPrincipalsController {

    private static final Logger log = LoggerFactory.getLogger(AdminPrincipalsController.class);

    private final PrincipalAdministration administration;
    private final TenancyProperties properties;
    private final TargetPolicy targets;

    AdminPrincipalsController(PrincipalAdministration administration, TenancyProperties properties, TargetPolicy targets) {
        this.administration = administration;
        this.properties = properties;
        this.targets = targets;
    }

    @PostMapping
    ResponseEntity<IssuedKeyJson> create(@RequestBody CreatePrincipalRequest request) {
        IssuedKeyJson created = confirmed(() -> administration.create(request.validated(properties.defaultTlp())))
                .map(IssuedKeyJson::of)
                .orElseThrow(() -> new ProblemException(Problems.of(HttpStatus.CONFLICT, "principal-exists",
                        "Principal exists", "A principal with this id exists already.")));
        return ResponseEntity.created(URI.create("/api/v1/admin/principals/" + created.principal().principal()))
                .body(created);
    }

    @GetMapping
    Map<String, List<ListedPrincipalJson>> list() {
        return Map.of("principals", administration.principals().stream().map(ListedPrincipalJson::of).toList());
    }

    @GetMapping("/{id}")
    ListedPrincipalJson get(@PathVariable String id) {
        return administration.principal(id).map(ListedPrincipalJson::of)
                .orElseThrow(() -> new ProblemException(Problems.notFound("The principal")));
    }

    /** Issues a new key and revokes the principal's others. */
    @PostMapping("/{id}/keys")
    IssuedKeyJson rotateKey(@PathVariable String id) {
        return confirmed(() -> administration.rotateKey(id)).map(IssuedKeyJson::of)
                .orElseThrow(() -> new ProblemException(Problems.notFound("The principal")));
    }

    /** Replaces the principal's contacts (addresses, webhook, contact roles); answers them without secrets. */
    @PutMapping("/{id}/contacts")
    ContactsJson setContacts(@PathVariable String id, @RequestBody ContactsRequest request) {
        StoredPrincipal current = administration.principal(id)
                .orElseThrow(() -> new ProblemException(Problems.notFound("The principal")));
        return confirmed(() -> administration.setContacts(id, request.validated(current.contacts(), targets)))
                .map(stored -> ContactsJson.of(stored.contacts()))
                .orElseThrow(() -> new ProblemException(Problems.notFound("The principal")));
    }

    @GetMapping("/{id}/contacts")
    ContactsJson contacts(@PathVariable String id) {
        return administration.principal(id).map(stored -> ContactsJson.of(stored.contacts()))
                .orElseThrow(() -> new ProblemException(Problems.notFound("The principal")));
    }

    /** Kafka did not acknowledge in time: the change may or may not be stored; trying again is safe. */
    private static <T> T confirmed(Supplier<T> change) {
        try {
            return change.get();
        } catch (TenancyWriteFailedException e) {
            log.warn("A change of the community was not acknowledged: {}", e.toString());
            throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "tenancy-unavailable",
                    "Community store unavailable", "The change was not confirmed by the store; try again."));
        }
    }
}
