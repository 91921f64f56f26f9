package org.certhub.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.tenancy.SharingPolicy.Audience;

/**
 * Correlations for the partner feed, in the order they last changed, each cut to what the reader
 * may see ({@link SharedCorrelation}). Only announced correlations are listed: two or more members,
 * not suppressed. Every page is one search continuing after the previous page's sort values, so
 * its cost does not grow with its number.
 */
public interface CorrelationFeed {

    /**
     * One page for {@code audience}: correlations with at least one member that carries the value
     * and that it may see, by date changed then id.
     */
    Page page(Query query, Audience audience);

    /**
     * What a page asks for; empty lists mean "any".
     *
     * @param changedAfter only correlations changed strictly after this instant
     * @param stixIds only these correlations, by {@link SharedCorrelation#stixId()}
     * @param changedAt only correlations whose last change was at one of these instants
     * @param limit most correlations in the page
     * @param after the sort values of the previous page's last correlation; empty for the first page
     */
    record Query(Optional<Instant> changedAfter, List<String> stixIds, List<Instant> changedAt, int limit,
            List<FieldValue> after) {

        public Query {
            stixIds = List.copyOf(stixIds);
            changedAt = List.copyOf(changedAt);
            after = List.copyOf(after);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }
    }

    /** One page, and whether more correlations follow it. */
    record Page(List<SharedCorrelation> correlations, boolean more) {

        public Page {
            correlations = List.copyOf(correlations);
        }
    }
}
