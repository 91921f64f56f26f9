package org.certhub.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.certhub.stix.Tlp;

/**
 * The one place that turns a caller's {@link Visibility} into an Elasticsearch filter. Every query
 * on object indices is built through {@link #restrict}, so none can bypass the sharing policy.
 */
public final class SharingFilter {

    private SharingFilter() {
    }

    public static Query visibleTo(Visibility visibility) {
        List<FieldValue> levels = visibility.othersTlps().stream().map(Tlp::label).map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field("owner").value(visibility.owner())))
                .should(s -> s.terms(t -> t.field("tlp").terms(v -> v.value(levels))))));
    }

    /** The given query, restricted to what the caller may see. */
    public static Query restrict(Query query, Visibility visibility) {
        return Query.of(q -> q.bool(b -> b.must(query).filter(visibleTo(visibility))));
    }
}
