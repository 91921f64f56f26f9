package org.certhub.tenancy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certhub.tenancy.Principal;
import org.certhub.tenancy.Principals;
import org.certhub.tenancy.keys.ApiKey;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.Test;

class TenancyViewTests {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final TenancyView view = new TenancyView();
    private final Principal cert = Principals.cert("kz-cert");
    private final ApiKey oldKey = ApiKeys.generate();
    private final ApiKey newKey = ApiKeys.generate();

    @Test
    void keyIdFindsItsHolder() {
        view.apply(0, cert.id(), Optional.of(withKey(oldKey)));

        assertThat(view.holderOfKey(oldKey.keyId())).map(StoredPrincipal::id).contains("kz-cert");
        assertThat(view.find("kz-cert")).contains(cert);
    }

    @Test
    void newerRecordRevokesTheKeysItNoLongerLists() {
        view.apply(0, cert.id(), Optional.of(withKey(oldKey)));
        view.apply(1, cert.id(), Optional.of(withKey(newKey)));

        assertThat(view.holderOfKey(oldKey.keyId())).isEmpty();
        assertThat(view.holderOfKey(newKey.keyId())).isPresent();
    }

    @Test
    void olderRecordArrivingLateDoesNotOverwriteANewerOne() {
        view.apply(1, cert.id(), Optional.of(withKey(newKey)));
        view.apply(0, cert.id(), Optional.of(withKey(oldKey)));

        assertThat(view.holderOfKey(oldKey.keyId())).isEmpty();
        assertThat(view.holderOfKey(newKey.keyId())).isPresent();
    }

    @Test
    void tombstoneRemovesThePrincipalAndItsKeys() {
        view.apply(0, cert.id(), Optional.of(withKey(oldKey)));
        view.apply(1, cert.id(), Optional.empty());

        assertThat(view.find("kz-cert")).isEmpty();
        assertThat(view.principals()).isEmpty();
        assertThat(view.holderOfKey(oldKey.keyId())).isEmpty();
    }

    @Test
    void principalsAreOrderedById() {
        view.apply(0, "uz-cert", Optional.of(new StoredPrincipal(Principals.cert("uz-cert"), List.of())));
        view.apply(1, "kg-cert", Optional.of(new StoredPrincipal(Principals.cert("kg-cert"), List.of())));

        assertThat(view.principals()).extracting(Principal::id).containsExactly("kg-cert", "uz-cert");
    }

    private StoredPrincipal withKey(ApiKey key) {
        return new StoredPrincipal(cert, List.of(ApiKeys.hash(key, NOW)));
    }
}
