package org.certhub.correlation.internal;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.certhub.search.SharingFilter;
import org.certhub.tenancy.SharingPolicy.Audience;

/**
 * The sharing filter of every search over correlation summaries, the index-side twin of
 * {@link CorrelationViews#visible}: a summary is found when a member that carries the value is the
 * caller's own or at a level the caller may see. A network's containment members carry only their
 * addresses and never make it visible.
 * <p>
 * A summary written before the value's holders were recorded has no {@code value_owners}: it is
 * found as before, through any member, unless it is a network's, the one kind of value that can have
 * containment members; such a summary is found again once its next change rewrites it.
 */
final class CorrelationSharing {

    private CorrelationSharing() {
    }

    static Query visibleTo(Audience audience) {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(SharingFilter.visibleTo(audience, CorrelationDocuments.VALUE_OWNERS, CorrelationDocuments.VALUE_TLPS))
                .should(s -> s.bool(legacy -> legacy
                        .mustNot(n -> n.term(t -> t.field("value_type").value("cidr")))
                        .filter(SharingFilter.visibleTo(audience, "member_owners", "member_tlps"))))));
    }
}
