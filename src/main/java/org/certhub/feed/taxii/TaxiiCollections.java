package org.certhub.feed.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certhub.feed.FeedProperties;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.springframework.stereotype.Component;

/**
 * The collections a principal is shown: every sharing scope (with {@code can_read} as the sharing
 * policy decides), the correlations, and its own CERT collection. Another CERT's collection does not exist for it.
 */
@Component
class TaxiiCollections {

    private final FeedProperties properties;
    private final Community community;

    TaxiiCollections(FeedProperties properties, Community community) {
        this.properties = properties;
        this.community = community;
    }

    List<TaxiiCollection> visibleTo(Principal principal) {
        List<TaxiiCollection> collections = new ArrayList<>();
        properties.scopes().forEach(scope -> collections.add(TaxiiCollection.of(scope)));
        collections.add(TaxiiCollection.correlations());
        ownCollection(principal).ifPresent(collections::add);
        return collections;
    }

    /** The collection with this id (or alias) as the principal may know it. */
    Optional<TaxiiCollection> find(String idOrAlias, Principal principal) {
        return visibleTo(principal).stream()
                .filter(c -> c.id().equals(idOrAlias) || c.alias().equals(idOrAlias)).findFirst();
    }

    private Optional<TaxiiCollection> ownCollection(Principal principal) {
        if (!properties.perCertCollections() || principal.kind() != PrincipalKind.CERT) {
            return Optional.empty();
        }
        return community.find(principal.id()).map(TaxiiCollection::ownedBy);
    }
}
