package org.certhub.leak;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every reader of an egress path shares: the hub, the ledger, the world and oracle, and the
 * ids learnt along the way (runs, notifications, submissions) that every viewer then asks for.
 */
final class Reading {

    private final Hub hub;
    private final Ledger ledger;
    private final World world;
    private final Oracle oracle;
    private final Map<String, Viewer> viewers;
    final Set<String> runIds = ConcurrentHashMap.newKeySet();
    final Set<String> notificationIds = ConcurrentHashMap.newKeySet();
    final Set<String> statusIds = ConcurrentHashMap.newKeySet();

    Reading(Hub hub, Ledger ledger, World world, Oracle oracle, Map<String, Viewer> viewers) {
        this.hub = hub;
        this.ledger = ledger;
        this.world = world;
        this.oracle = oracle;
        this.viewers = viewers;
    }

    Hub hub() {
        return hub;
    }

    World world() {
        return world;
    }

    Oracle oracle() {
        return oracle;
    }

    Viewer viewer(String id) {
        return viewers.get(id);
    }

    /**
     * Scans what {@code viewer} read at {@code path} for its secrets. What the viewer asked for
     * itself (an id in the path, a value in the query) is set aside: an echo of the question is not
     * an answer; whether the answer differs from a nonexistent thing's is checked apart.
     */
    Reply check(String viewer, String path, Reply reply, String... askedFor) {
        String text = reply.text();
        for (String asked : askedFor) {
            text = text.replace(asked, "").replace(Hub.encode(asked), "");
        }
        ledger.check(viewer, path, text);
        return reply;
    }

    void check(String viewer, String path, String text) {
        ledger.check(viewer, path, text);
    }

    /**
     * An invisible thing must answer exactly like one that does not exist: same status, headers
     * and body once the id asked for is set aside.
     */
    void sameAsMissing(String viewer, String path, String kind, String token, Reply seen, String askedFor, Reply missing,
            String missingId) {
        if (!seen.shape(askedFor).equals(missing.shape(missingId))) {
            ledger.shape(viewer, path, kind, token);
        }
    }

    /** An id of the same type and length as {@code id} that nothing has. */
    static String missingLike(String id) {
        return id.substring(0, id.indexOf("--") + 2) + UUID.randomUUID();
    }

    static List<String> secretList(Map<String, String> secrets) {
        return List.copyOf(secrets.keySet());
    }
}
