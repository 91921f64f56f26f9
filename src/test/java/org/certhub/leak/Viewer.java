package org.certhub.leak;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whoever reads an egress path: a CERT, a partner, the admin, or a feed scope (what a scope's
 * Kafka topic or TAXII collection carries is public to its readers, so the scope itself is judged).
 */
record Viewer(String id, Kind kind, boolean member, Set<Level> scopeLevels) {

    enum Kind { CERT, PARTNER, ADMIN, SCOPE }

    static Viewer cert(String id) {
        return new Viewer(id, Kind.CERT, true, Set.of());
    }

    static Viewer partner(String id, boolean member) {
        return new Viewer(id, Kind.PARTNER, member, Set.of());
    }

    static Viewer admin(String id) {
        return new Viewer(id, Kind.ADMIN, false, Set.of());
    }

    static Viewer scope(String name, Level... levels) {
        return new Viewer("scope:" + name, Kind.SCOPE, false, EnumSet.of(levels[0], levels));
    }
}
