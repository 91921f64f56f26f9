package org.certhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StixIdentityTests {

    @Test
    void identityIdIsUuidV5OfThePrincipalIdUnderCerthubsNamespace() {
        // Computed independently: Python's uuid.uuid5(UUID('5de2c612-...'), 'kz-cert')
        assertThat(StixIdentity.idFor("kz-cert")).isEqualTo("identity--2fe4ee1a-4a0a-50a4-ac74-4101bde64352");
    }

    @Test
    void identityIdIsTheSameEveryTimeAndDiffersBetweenPrincipals() {
        assertThat(StixIdentity.idFor("uz-cert")).isEqualTo(StixIdentity.idFor("uz-cert"))
                .isNotEqualTo(StixIdentity.idFor("kg-cert"));
    }

    @Test
    void identityIdIsANameBasedVersion5Uuid() {
        UUID uuid = UUID.fromString(StixIdentity.idFor("tj-cert").substring("identity--".length()));
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void certIdentityIsAGovernmentOrganisationWithItsCountry() {
        Principal cert = Principals.cert("kz-cert");

        StixIdentity identity = StixIdentity.of(cert);

        assertThat(identity.type()).isEqualTo("identity");
        assertThat(identity.specVersion()).isEqualTo("2.1");
        assertThat(identity.id()).isEqualTo(cert.identityId());
        assertThat(identity.identityClass()).isEqualTo("organization");
        assertThat(identity.sectors()).containsExactly("government");
        assertThat(identity.country()).contains("KZ");
        assertThat(identity.created()).isEqualTo("2026-01-15T10:00:00.123Z").isEqualTo(identity.modified());
    }

    @Test
    void partnerIdentityHasNoSectorNorCountry() {
        StixIdentity identity = StixIdentity.of(Principals.partner("regional-soc", false));

        assertThat(identity.sectors()).isEmpty();
        assertThat(identity.country()).isEqualTo(Optional.empty());
    }
}
