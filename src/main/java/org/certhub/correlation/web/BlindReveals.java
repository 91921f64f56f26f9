package org.certhub.correlation.web;

import java.util.ArrayList;
import java.util.List;

import org.certhub.correlation.BlindDisclosure;
import org.certhub.correlation.BlindReveal;
import org.certhub.correlation.internal.Correlation;
import org.certhub.correlation.internal.CorrelationViews;
import org.certhub.correlation.internal.Group;
import org.certhub.correlation.internal.Member;
import org.certhub.stix.observable.Observable;
import org.certhub.tenancy.SharingPolicy.Audience;

/**
 * The blind reveals an answer would make, gathered before it is rendered so that the ledger
 * ({@link org.certhub.correlation.BlindMatches}) counts them against the viewer's daily budget and
 * tells their owners: every restricted CERT a visible correlation names (in its members, its
 * {@code certs}, counts or explanation), and every restricted sighting an observable answer shows.
 */
final class BlindReveals {

    private BlindReveals() {
    }

    /** What listings and details of these correlations reveal: each restricted (CERT, level) of a visible one. */
    static List<BlindReveal> ofCorrelations(List<Correlation> correlations, Audience audience) {
        List<BlindReveal> reveals = new ArrayList<>();
        for (Correlation correlation : correlations) {
            if (!CorrelationViews.visible(correlation, audience)) {
                continue;
            }
            for (Group group : CorrelationViews.restricted(correlation, audience)) {
                reveals.add(new BlindReveal(correlation.id(), group.owner(), correlation.valueType(), correlation.value(),
                        group.tlp()));
            }
        }
        return reveals;
    }

    /** A correlation without the restricted CERTs whose reveal the budget withheld. */
    static Correlation withheldRemoved(Correlation correlation, Audience audience, BlindDisclosure disclosure) {
        return correlation.without((owner, tlp) -> !audience.admits(owner, tlp)
                && !disclosure.shows(owner, correlation.valueType(), correlation.value()));
    }

    /** A restricted sighting of {@code candidate} that an observable answer shows as a blind entry. */
    static void addSighting(List<BlindReveal> reveals, Correlation correlation, Member member, Observable asked,
            Audience audience) {
        if (!audience.admits(member.owner(), member.tlp())) {
            reveals.add(new BlindReveal(correlation.id(), member.owner(), asked.type().id(), asked.value(), member.tlp()));
        }
    }
}
