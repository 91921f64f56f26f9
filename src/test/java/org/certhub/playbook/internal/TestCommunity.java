package org.certhub.playbook.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;

/** A fixed community for unit tests: three CERTs and a partner that is not a member. */
final class TestCommunity implements Community {

    static final List<Principal> PRINCIPALS = List.of(cert("kz-cert", "KZ"), cert("tj-cert", "TJ"), cert("uz-cert", "UZ"),
            new Principal("regional-soc", PrincipalKind.PARTNER, Set.of(Role.FEED_READER), "identity--regional-soc", false,
                    Tlp.AMBER, "Regional SOC", Optional.empty(), Instant.EPOCH));

    private static Principal cert(String id, String country) {
        return new Principal(id, PrincipalKind.CERT, Set.of(Role.SUBMITTER, Role.RESPONDER), "identity--" + id, true,
                Tlp.AMBER, id.toUpperCase(), Optional.of(country), Instant.EPOCH);
    }

    @Override
    public Optional<Principal> find(String principalId) {
        return PRINCIPALS.stream().filter(p -> p.id().equals(principalId)).findFirst();
    }

    @Override
    public Optional<Principal> findByIdentity(String identityId) {
        return PRINCIPALS.stream().filter(p -> p.identityId().equals(identityId)).findFirst();
    }

    @Override
    public List<Principal> principals() {
        return PRINCIPALS;
    }

    @Override
    public Optional<Contacts> contacts(String principalId) {
        return Optional.empty();
    }
}
