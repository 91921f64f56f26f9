package org.certhub.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.certhub.stix.IpValues;
import org.certhub.stix.observable.Normalization;

/**
 * Finds objects by an observable value: the normalised value itself, and for an IP address also
 * the CIDR blocks that contain it (a {@code term} on an {@code ip_range} field does exactly that).
 */
final class ObservableQuery {

    private ObservableQuery() {
    }

    static Query matching(String raw) {
        String value = raw.trim();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return Query.of(q -> q.bool(b -> {
            b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("observables.values").value(value)))
                    .should(s -> s.term(t -> t.field("observables.values").value(lower)));
            // The indexer stores canonical forms (URL scheme and host, punycode, RFC 5952 IPv6): find them too.
            Normalization.candidates(value).forEach(candidate ->
                    b.should(s -> s.term(t -> t.field("observables.values").value(candidate.value()))));
            IpValues.classify(value).filter(ip -> !ip.field().equals("cidr")).ifPresent(ip -> b
                    .should(s -> s.term(t -> t.field("observables." + ip.field()).value(ip.normalized())))
                    .should(s -> s.term(t -> t.field("observables.cidr").value(ip.normalized()))));
            return b;
        }));
    }
}
