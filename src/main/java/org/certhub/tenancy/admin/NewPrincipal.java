package org.certhub.tenancy.admin;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;

/** A principal to create, already validated by whoever asks for it. */
public record NewPrincipal(String id, PrincipalKind kind, Set<Role> roles, String name, Optional<String> country,
        boolean member, Tlp defaultTlp) {

    public NewPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(defaultTlp, "defaultTlp");
    }
}
