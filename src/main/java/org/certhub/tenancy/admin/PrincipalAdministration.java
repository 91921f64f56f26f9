package org.certhub.tenancy.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.StixIdentity;
import org.certhub.tenancy.kafka.StoredPrincipal;
import org.certhub.tenancy.kafka.TenancyTopicWriter;
import org.certhub.tenancy.kafka.TenancyView;
import org.certhub.tenancy.keys.ApiKey;
import org.certhub.tenancy.keys.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates principals and issues their keys. Each change is one record on the tenancy topic,
 * acknowledged before it returns. Changes are serialised on this instance so that "create unless it
 * exists" holds here; two instances creating the same id at the same moment: the last write wins.
 */
@Service
public class PrincipalAdministration {

    private static final Logger log = LoggerFactory.getLogger(PrincipalAdministration.class);

    private final TenancyView view;
    private final TenancyTopicWriter writer;
    private final Clock clock;

    PrincipalAdministration(TenancyView view, TenancyTopicWriter writer) {
        this.view = view;
        this.writer = writer;
        this.clock = Clock.systemUTC();
    }

    /** Creates the principal with one new key; empty when the id is taken. */
    public synchronized Optional<IssuedKey> create(NewPrincipal request) {
        if (view.stored(request.id()).isPresent()) {
            return Optional.empty();
        }
        Instant now = now();
        Principal principal = new Principal(request.id(), request.kind(), request.roles(),
                StixIdentity.idFor(request.id()), request.member(), request.defaultTlp(), request.name(),
                request.country(), now);
        ApiKey key = ApiKeys.generate();
        writer.put(new StoredPrincipal(principal, List.of(ApiKeys.hash(key, now))));
        log.info("Created principal {} ({}) with key {}", principal.id(), principal.kind().jsonName(), key.keyId());
        return Optional.of(new IssuedKey(principal, key));
    }

    /** Issues a new key and revokes all others; empty when there is no such principal. */
    public synchronized Optional<IssuedKey> rotateKey(String principalId) {
        Optional<StoredPrincipal> stored = view.stored(principalId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Principal principal = stored.get().principal();
        ApiKey key = ApiKeys.generate();
        writer.put(stored.get().withKeys(List.of(ApiKeys.hash(key, now()))));
        log.info("Rotated the key of principal {}: {} revoked, {} issued", principalId, stored.get().keys().size(),
                key.keyId());
        return Optional.of(new IssuedKey(principal, key));
    }

    /** Replaces the principal's contacts; empty when there is no such principal. */
    public synchronized Optional<StoredPrincipal> setContacts(String principalId, Contacts contacts) {
        Optional<StoredPrincipal> stored = view.stored(principalId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredPrincipal changed = stored.get().withContacts(contacts);
        writer.put(changed);
        log.info("Set the contacts of principal {}: {} address(es), webhook {}, {} role(s)", principalId,
                contacts.emails().size(), contacts.webhook().isPresent() ? "set" : "none", contacts.roles().size());
        return Optional.of(changed);
    }

    /** Every principal with its (hashed) keys. */
    public List<StoredPrincipal> principals() {
        return view.storedPrincipals();
    }

    /** One principal with its (hashed) keys. */
    public Optional<StoredPrincipal> principal(String principalId) {
        return view.stored(principalId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
