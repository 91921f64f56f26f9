package org.certhub.tenancy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;

/**
 * A member of the community as the hub knows it: a CERT, a partner system or an admin. This is the
 * authenticated principal of every API request ({@code @AuthenticationPrincipal Principal principal}).
 *
 * @param id the stable, lower-case id ({@code kz-cert}); the key of its record in Kafka
 * @param kind CERT, partner or admin
 * @param roles what it may do
 * @param identityId the id of its STIX {@code identity} object, {@link StixIdentity#idFor(String)}:
 *     what its objects' {@code created_by_ref} must be
 * @param member whether it is a community member (sees others' TLP:AMBER); CERTs are, partners not by default
 * @param defaultTlp the marking its unmarked objects take
 * @param name display name, also its identity's name ({@code KZ-CERT})
 * @param country ISO 3166-1 alpha-2 code of its country, if it has one
 * @param created when it joined, also its identity's {@code created}
 */
public record Principal(String id, PrincipalKind kind, Set<Role> roles, String identityId, boolean member,
        Tlp defaultTlp, String name, Optional<String> country, Instant created) {

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(defaultTlp, "defaultTlp");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(created, "created");
        // An EnumSet keeps the roles in their declared order, for stable JSON.
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** Whether this principal holds the role. */
    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
