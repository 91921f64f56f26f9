package org.certhub.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the test read and found. One check is (viewer, object, path): every response a viewer gets
 * is checked against the secrets of every object of the world (and the values they carry), so a
 * response counts as many checks as the world has objects.
 */
final class Ledger {

    /** One secret read where it must not be. */
    record Leak(String viewer, String path, String kind, String token) {
        @Override
        public String toString() {
            return viewer + " " + path + " " + kind + " " + token;
        }
    }

    static final String STRANGER = "stranger";

    private final int objects;
    private final Map<String, Map<String, String>> secrets;
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final Set<Leak> leaks = ConcurrentHashMap.newKeySet();
    private final List<Leak> inOrder = new ArrayList<>();

    Ledger(int objects, Map<String, Map<String, String>> secretsByViewer) {
        this.objects = objects;
        this.secrets = secretsByViewer;
    }

    /** Checks one text {@code viewer} read at {@code path} (a path pattern, ids left out). */
    void check(String viewer, String path, String text) {
        responses.incrementAndGet();
        checks.addAndGet(objects);
        // a recipient the hub knows but the test does not (an address or key of no known principal)
        // is judged as a stranger: a non-member that sees others' CLEAR and GREEN only
        Map<String, String> mine = secrets.getOrDefault(viewer, secrets.get(STRANGER));
        for (String token : Tokens.in(text)) {
            String kind = mine.get(token);
            if (kind != null) {
                record(new Leak(viewer, path, kind, token));
            }
        }
    }

    /** A response that tells an invisible thing apart from a nonexistent one. */
    void shape(String viewer, String path, String kind, String token) {
        record(new Leak(viewer, path, "shape:" + kind, token));
    }

    private void record(Leak leak) {
        if (leaks.add(leak)) {
            synchronized (inOrder) {
                inOrder.add(leak);
            }
        }
    }

    long checks() {
        return checks.get();
    }

    long responses() {
        return responses.get();
    }

    List<Leak> leaks() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }

    /** Leaks counted by path and kind, for the summary. */
    Map<String, Integer> summary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Leak leak : leaks()) {
            counts.merge(leak.path() + " | " + leak.viewer().replaceAll("-[0-9a-f]{6}$", "") + " | "
                    + leak.kind(), 1, Integer::sum);
        }
        return counts;
    }
}
