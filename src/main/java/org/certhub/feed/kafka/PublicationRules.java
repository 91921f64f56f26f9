package org.certhub.feed.kafka;

import java.util.List;
import java.util.Optional;

import org.certhub.feed.FeedProperties.Scope;
import org.certhub.stix.Tlp;

/**
 * Whether a publication may happen: the level is the stricter of the one asked and the subject's
 * own marking (a request can never widen who sees the subject), and the collection must be a sharing
 * scope that carries that level. RED and AMBER+STRICT are in no scope, so they are always refused.
 */
final class PublicationRules {

    private PublicationRules() {
    }

    /** The decision: the level judged, and the reason when refused. */
    record Decision(Tlp tlp, Optional<Scope> scope, Optional<String> refusal) {

        boolean allowed() {
            return refusal.isEmpty();
        }
    }

    static Decision decide(String collection, Tlp asked, Tlp subjectsOwn, List<Scope> scopes) {
        Tlp level = asked.compareTo(subjectsOwn) >= 0 ? asked : subjectsOwn;
        Optional<Scope> scope = scopes.stream().filter(s -> s.name().equals(collection)).findFirst();
        if (scope.isEmpty()) {
            return new Decision(level, scope, Optional.of("collection " + collection
                    + " is not a sharing scope of this feed"));
        }
        if (!scope.get().carries(level)) {
            String because = level == asked ? "" : " (the subject's own marking; " + asked.label() + " was asked)";
            return new Decision(level, scope, Optional.of("a subject at " + level.label() + because
                    + " may not be published to collection " + collection + ", which carries only "
                    + String.join(", ", scope.get().tlp().stream().sorted().map(Tlp::label).toList())));
        }
        return new Decision(level, scope, Optional.empty());
    }
}
