package org.certhub.feed.taxii;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.certhub.feed.FeedProperties.Scope;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.SharingPolicy.Audience;

/**
 * A TAXII collection: a sharing scope (every CERT's objects at some TLP levels), one CERT's own
 * collection (everything it submitted, at every level, for it alone), or the correlations (each a
 * STIX grouping cut to what the reader may see). Its id is a name-based UUID of its alias, so it is
 * the same on every hub instance and after every restart.
 */
record TaxiiCollection(String id, String alias, String title, String description, Optional<Scope> scope,
        Optional<String> cert) {

    static final String CORRELATIONS = "correlations";

    /** The correlations collection: every reader may read it, each correlation as far as it may see it. */
    static TaxiiCollection correlations() {
        return new TaxiiCollection(idOf(CORRELATIONS), CORRELATIONS, "Correlations",
                "Values that two or more incidents or reports share, as STIX groupings (context suspicious-activity),"
                        + " each listing only the members the reader may see", Optional.empty(), Optional.empty());
    }

    boolean holdsCorrelations() {
        return scope.isEmpty() && cert.isEmpty();
    }

    static TaxiiCollection of(Scope scope) {
        return new TaxiiCollection(idOf(scope.name()), scope.name(), scope.title(), scope.description(),
                Optional.of(scope), Optional.empty());
    }

    static TaxiiCollection ownedBy(Principal cert) {
        return new TaxiiCollection(idOf("cert/" + cert.id()), cert.id(), cert.name(),
                "Everything " + cert.name() + " submitted, at every TLP level; read and written by it alone",
                Optional.empty(), Optional.of(cert.id()));
    }

    private static String idOf(String alias) {
        return UUID.nameUUIDFromBytes(("certhub-feed-collection:" + alias).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A scope is readable by whoever the sharing policy lets see others' objects at all of its levels
     * (so {@code members}, which carries TLP:AMBER, only by members); a CERT's own by that CERT.
     */
    boolean canRead(Principal principal, Audience audience) {
        if (holdsCorrelations()) {
            return true;
        }
        return scope.map(s -> audience.othersLevels().containsAll(s.tlp()))
                .orElseGet(() -> cert.get().equals(principal.id()));
    }

    /** Only a CERT's own collection takes objects, from that CERT as submitter. */
    boolean canWrite(Principal principal) {
        return cert.filter(owner -> owner.equals(principal.id())).isPresent() && principal.holds(Role.SUBMITTER);
    }

    /** What an object collection holds, before the caller's own sharing filter is added. */
    Query contents() {
        return scope.map(s -> Query.of(q -> q.terms(t -> t.field("tlp").terms(v -> v.value(
                        s.tlp().stream().sorted().map(Tlp::label).map(FieldValue::of).toList())))))
                .orElseGet(() -> Query.of(q -> q.term(t -> t.field("owner").value(cert.get()))));
    }
}
