package org.certhub.tenancy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;

/** Principals for unit tests. */
public final class Principals {

    private Principals() {
    }

    public static Principal cert(String id) {
        return principal(id, PrincipalKind.CERT, true, Set.of(Role.SUBMITTER, Role.RESPONDER));
    }

    public static Principal partner(String id, boolean member) {
        return principal(id, PrincipalKind.PARTNER, member, Set.of(Role.FEED_READER));
    }

    public static Principal admin(String id) {
        return principal(id, PrincipalKind.ADMIN, false, Set.of(Role.ADMIN));
    }

    public static Principal principal(String id, PrincipalKind kind, boolean member, Set<Role> roles) {
        return new Principal(id, kind, roles, StixIdentity.idFor(id), member, Tlp.AMBER, id.toUpperCase(),
                kind == PrincipalKind.CERT ? Optional.of("KZ") : Optional.empty(),
                Instant.parse("2026-01-15T10:00:00.123Z"));
    }
}
