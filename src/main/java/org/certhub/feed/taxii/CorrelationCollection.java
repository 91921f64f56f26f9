package org.certhub.feed.taxii;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.correlation.CorrelationFeed;
import org.certhub.correlation.CorrelationStixIds;
import org.certhub.correlation.SharedCorrelation;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

/**
 * The pages of the {@code correlations} collection, in the same {@link CollectionStore.Page} shape
 * as the object collections so every TAXII endpoint, header and paging token works alike. The hub
 * keeps only a correlation's current state: its one version answers {@code first}, {@code last},
 * {@code all} and its own timestamp.
 */
@Component
class CorrelationCollection {

    private static final String HUB = "certhub";

    private final CorrelationFeed feed;

    CorrelationCollection(CorrelationFeed feed) {
        this.feed = feed;
    }

    CollectionStore.Page page(Audience audience, ObjectSelection selection, int limit, List<FieldValue> after,
            boolean withObjects) {
        if (!selection.specVersionMatches()
                || !selection.types().isEmpty() && !selection.types().contains(CorrelationStixIds.TYPE)
                || onlyOtherVersions(selection)) {
            return new CollectionStore.Page(List.of(), false);
        }
        List<Instant> versions = selection.last() || selection.first() || selection.all() ? List.of()
                : selection.versions().stream().map(Instant::parse).toList();
        CorrelationFeed.Page page = feed.page(new CorrelationFeed.Query(selection.addedAfter(), selection.ids(), versions,
                limit, after), audience);
        return new CollectionStore.Page(page.correlations().stream().map(correlation -> entry(correlation, withObjects))
                .toList(), page.more());
    }

    /** {@code match[version]} names only timestamps, none of which can be a current version to the millisecond. */
    private static boolean onlyOtherVersions(ObjectSelection selection) {
        return !selection.last() && !selection.first() && !selection.all()
                && selection.versions().stream().map(Instant::parse).allMatch(v -> v.getNano() % 1_000_000 != 0);
    }

    private static CollectionStore.Entry entry(SharedCorrelation correlation, boolean withObjects) {
        return new CollectionStore.Entry(correlation.stixId(), HUB, CorrelationObjects.version(correlation),
                CorrelationObjects.dateAdded(correlation),
                withObjects ? Optional.of(CorrelationObjects.toStix(correlation)) : Optional.empty(), correlation.sort());
    }
}
