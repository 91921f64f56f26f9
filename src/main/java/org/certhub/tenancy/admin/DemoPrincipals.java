package org.certhub.tenancy.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;

/** The demo community: six national CERTs of the region, a partner SOC, and an admin. */
final class DemoPrincipals {

    private DemoPrincipals() {
    }

    static List<NewPrincipal> all(Tlp defaultTlp) {
        return List.of(
                cert("kz-cert", "KZ-CERT", "KZ", defaultTlp),
                cert("uz-cert", "UZCERT", "UZ", defaultTlp),
                cert("kg-cert", "KG-CERT", "KG", defaultTlp),
                cert("tj-cert", "TJ-CERT", "TJ", defaultTlp),
                cert("tm-cert", "TM-CERT", "TM", defaultTlp),
                cert("cn-cert", "CNCERT/CC", "CN", defaultTlp),
                new NewPrincipal("regional-soc", PrincipalKind.PARTNER, Set.of(Role.FEED_READER),
                        "Regional SOC", Optional.empty(), false, defaultTlp),
                new NewPrincipal("admin", PrincipalKind.ADMIN, Set.of(Role.ADMIN),
                        "certhub administration", Optional.empty(), false, defaultTlp));
    }

    /**
     * Plausible contacts at example domains (RFC 2606): the principal's desk, and for CERTs a duty
     * officer and a head. No webhooks: a demo has no receivers.
     */
    static Contacts contactsOf(NewPrincipal principal) {
        String domain = principal.id() + ".example";
        if (principal.kind() != PrincipalKind.CERT) {
            return new Contacts(List.of("desk@" + domain), Optional.empty(), Map.of());
        }
        return new Contacts(List.of("incident@" + domain), Optional.empty(), Map.of(
                "duty-officer", new Contacts.Contact(List.of("duty@" + domain), Optional.empty()),
                "head", new Contacts.Contact(List.of("head@" + domain), Optional.empty())));
    }

    private static NewPrincipal cert(String id, String name, String country, Tlp defaultTlp) {
        return new NewPrincipal(id, PrincipalKind.CERT, Set.of(Role.SUBMITTER, Role.RESPONDER), name,
                Optional.of(country), true, defaultTlp);
    }
}
