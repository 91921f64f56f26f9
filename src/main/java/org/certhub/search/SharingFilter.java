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
        return visibleTo(audience, "owner", "tlp");
    }

    /**
     * The same filter over other fields: e.g. {@code members.owner} and {@code members.tlp} find the
     * documents with at least one member the caller may see (the caller's own, or another's at a
     * level it may see), since either condition alone is about one member.
     */
    public static Query visibleTo(Audience audience, String ownerField, String tlpField) {
        List<FieldValue> levels = audience.othersLevels().stream().map(Tlp::label).map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field(ownerField).value(audience.principalId())))
                .should(s -> s.terms(t -> t.field(tlpField).terms(v -> v.value(levels))))));
    }

    /** The given query, restricted to what the caller may see. */
    public static Query restrict(Query query, Audience audience) {
        return Query.of(q -> q.bool(b -> b.must(query).filter(visibleTo(audience))));
    }
}
