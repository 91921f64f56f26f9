package org.certhub.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy.Audience;

/**
 * The one place that turns a caller's {@link Audience} into an Elasticsearch filter. Every query
 * on object indices is built through {@link #restrict}, so none can bypass the sharing policy.
 */
public final class SharingFilter {

    private SharingFilter() {
    }

    public static Query visibleTo(Audience audience) {
        List<FieldValue> levels = audience.othersLevels().stream().map(Tlp::label).map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field("owner").value(audience.principalId())))
                .should(s -> s.terms(t -> t.field("tlp").terms(v -> v.value(levels))))));
    }

    /** The given query, restricted to what the caller may see. */
    public static Query restrict(Query query, Audience audience) {
        return Query.of(q -> q.bool(b -> b.must(query).filter(visibleTo(audience))));
    }
}
