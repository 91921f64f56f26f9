package org.certhub.tenancy.web;

import java.util.List;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.StixIdentity;

/** A principal as the API shows it: never anything of its keys but their ids. */
record PrincipalJson(String principal, PrincipalKind kind, List<Role> roles, boolean member, String defaultTlp,
        StixIdentity identity) {

    static PrincipalJson of(Principal principal) {
        return new PrincipalJson(principal.id(), principal.kind(), List.copyOf(principal.roles()), principal.member(),
                principal.defaultTlp().label(), StixIdentity.of(principal));
    }
}
