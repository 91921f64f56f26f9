package org.certhub.tenancy.security;

import org.certhub.tenancy.kafka.StoredPrincipal;
import org.certhub.tenancy.kafka.TenancyView;
import org.certhub.tenancy.keys.ApiKeys;
import org.certhub.tenancy.keys.StoredKey;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a presented API key against the hashes in this instance's view: one map lookup by key id
 * and one SHA-256, so it is cheap enough for every request and needs no cache. Being the
 * application's {@link AuthenticationProvider} also keeps Boot from creating its default user.
 */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final TenancyView view;

    ApiKeyAuthenticationProvider(TenancyView view) {
        this.view = view;
    }

    @Override
    public ApiKeyAuthentication authenticate(Authentication authentication) {
        PresentedApiKey presented = (PresentedApiKey) authentication;
        String keyId = presented.key().keyId();
        StoredPrincipal holder = view.holderOfKey(keyId).orElseThrow(ApiKeyAuthenticationProvider::invalid);
        StoredKey stored = holder.key(keyId).orElseThrow(ApiKeyAuthenticationProvider::invalid);
        if (!ApiKeys.matches(stored, presented.key())) {
            throw invalid();
        }
        if (presented.claimedPrincipalId().filter(claimed -> !claimed.equals(holder.id())).isPresent()) {
            throw invalid();
        }
        return new ApiKeyAuthentication(holder.principal());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedApiKey.class.isAssignableFrom(authentication);
    }

    /** One answer for every failure, so a client cannot tell which part of its key was wrong. */
    private static BadCredentialsException invalid() {
        return new BadCredentialsException("Invalid API key");
    }
}
