package org.certhub.tenancy.security;

import java.util.List;
import java.util.Optional;

import org.certhub.tenancy.keys.ApiKey;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request's credentials before they are checked: the API key, and with HTTP Basic the principal
 * id the client claims to be.
 */
final class PresentedApiKey extends AbstractAuthenticationToken {

    private final transient ApiKey key;
    private final String claimedPrincipalId;

    PresentedApiKey(ApiKey key, Optional<String> claimedPrincipalId) {
        super(List.of());
        this.key = key;
        this.claimedPrincipalId = claimedPrincipalId.orElse("");
        setAuthenticated(false);
    }

    ApiKey key() {
        return key;
    }

    Optional<String> claimedPrincipalId() {
        return claimedPrincipalId.isEmpty() ? Optional.empty() : Optional.of(claimedPrincipalId);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    /** The key id: what identifies these credentials without revealing them. */
    @Override
    public Object getPrincipal() {
        return key.keyId();
    }
}
