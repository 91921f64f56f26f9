package org.certhub.tenancy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.certhub.tenancy.keys.ApiKey;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeadersTests {

    private final ApiKey key = ApiKeys.generate();

    @Test
    void bearerHeaderPresentsTheKey() {
        PresentedApiKey presented = AuthorizationHeaders.parse("Bearer " + key.value()).orElseThrow();

        assertThat(presented.key()).isEqualTo(key);
        assertThat(presented.claimedPrincipalId()).isEmpty();
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(AuthorizationHeaders.parse("bearer " + key.value())).isPresent();
    }

    @Test
    void basicHeaderPresentsTheKeyAsPasswordAndClaimsThePrincipal() {
        PresentedApiKey presented = AuthorizationHeaders.parse("Basic " + basic("kz-cert:" + key.value()))
                .orElseThrow();

        assertThat(presented.key()).isEqualTo(key);
        assertThat(presented.claimedPrincipalId()).isEqualTo(Optional.of("kz-cert"));
    }

    @Test
    void presentedKeyNeverShowsItsSecret() {
        PresentedApiKey presented = AuthorizationHeaders.parse("Bearer " + key.value()).orElseThrow();

        assertThat(presented.toString()).doesNotContain(key.secret());
        assertThat(presented.getPrincipal()).isEqualTo(key.keyId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer not-a-key", "Token abc", "Basic !!!", "Basic a2Vy"})
    void malformedHeaderPresentsNothing(String header) {
        assertThat(AuthorizationHeaders.parse(header)).isEmpty();
    }

    @Test
    void basicWithoutUserOrWithAWrongPasswordFormPresentsNothing() {
        assertThat(AuthorizationHeaders.parse("Basic " + basic(":" + key.value()))).isEmpty();
        assertThat(AuthorizationHeaders.parse("Basic " + basic("kz-cert:secret"))).isEmpty();
    }

    private static String basic(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
