package org.certhub.tenancy.security;

import org.certhub.tenancy.Principal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: its principal is the community's {@link Principal} record (so controllers
 * take {@code @AuthenticationPrincipal Principal}), its authorities the principal's roles.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Principal principal;

    ApiKeyAuthentication(Principal principal) {
        super(principal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Principal getPrincipal() {
        return principal;
    }

    /** None: the key was checked and is not kept with the request. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return principal.id();
    }
}
