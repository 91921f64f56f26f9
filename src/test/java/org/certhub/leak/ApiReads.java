package org.certhub.leak;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The HTTP API as one viewer reads it: objects (by id, every version, HEAD, lists, text search,
 * observable filter), correlations (lists, by id), observables and lookup, dashboard figures,
 * submission status, playbook runs, incident status, notifications, subscriptions.
 */
final class ApiReads {

    private static final int MAX_PAGES = 50;

    private final Reading reading;
    private final String viewer;
    private final String key;

    ApiReads(Reading reading, String viewer, String key) {
        this.reading = reading;
        this.viewer = viewer;
        this.key = key;
    }

    void me() {
        reading.check(viewer, "GET /api/v1/me", reading.hub().get("/api/v1/me", key));
    }

    void objectsById() {
        Viewer who = reading.viewer(viewer);
        for (SharedObject object : reading.world().objects()) {
            String id = object.id();
            Reply current = reading.check(viewer, "GET /api/v1/objects/{id}", reading.hub().get("/api/v1/objects/" + id, key), id);
            Reply all = reading.check(viewer, "GET /api/v1/objects/{id}?versions=all",
                    reading.hub().get("/api/v1/objects/" + id + "?versions=all", key), id);
            Reply head = reading.check(viewer, "HEAD /api/v1/objects/{id}", reading.hub().head("/api/v1/objects/" + id, key), id);
            if (!Oracle.sees(who, object)) {
                String missing = Reading.missingLike(id);
                reading.sameAsMissing(viewer, "GET /api/v1/objects/{id}", object.type() + "-id", object.uuid(), current, id,
                        reading.hub().get("/api/v1/objects/" + missing, key), missing);
                reading.sameAsMissing(viewer, "GET /api/v1/objects/{id}?versions=all", object.type() + "-id", object.uuid(), all,
                        id, reading.hub().get("/api/v1/objects/" + missing + "?versions=all", key), missing);
                reading.sameAsMissing(viewer, "HEAD /api/v1/objects/{id}", object.type() + "-id", object.uuid(), head, id,
                        reading.hub().head("/api/v1/objects/" + missing, key), missing);
            }
            if (object.type().equals("incident")) {
                String path = "/api/v1/incidents/" + id + "/status";
                Reply status = reading.check(viewer, "GET /api/v1/incidents/{id}/status", reading.hub().get(path, key), id);
                if (!Oracle.sees(who, object)) {
                    String missing = Reading.missingLike(id);
                    reading.sameAsMissing(viewer, "GET /api/v1/incidents/{id}/status", "incident-id", object.uuid(), status, id,
                            reading.hub().get("/api/v1/incidents/" + missing + "/status", key), missing);
                }
                paged("GET /api/v1/playbook-runs?incident=", "/api/v1/playbook-runs?limit=500&incident=" + id, "runs", id);
            }
        }
    }

    void objectLists(Set<String> submitters) {
        paged("GET /api/v1/objects", "/api/v1/objects?limit=1000", "objects");
        paged("GET /api/v1/objects?q=", "/api/v1/objects?limit=1000&q=LEAKMARK", "objects");
        paged("GET /api/v1/objects?type=", "/api/v1/objects?limit=1000&type=incident,indicator,relationship", "objects");
        for (String cert : submitters) {
            paged("GET /api/v1/objects?cert=", "/api/v1/objects?limit=1000&cert=" + cert, "objects");
        }
        for (SharedObject object : reading.world().objects()) {
            for (String marker : object.markers()) {
                reading.check(viewer, "GET /api/v1/objects?q=", reading.hub().get("/api/v1/objects?q=" + marker, key), marker);
            }
        }
        for (Observable value : reading.world().allValues()) {
            reading.check(viewer, "GET /api/v1/objects?value=",
                    reading.hub().get("/api/v1/objects?limit=1000&value=" + Hub.encode(value.value()), key), value.value());
        }
    }

    void correlations(Set<String> submitters) {
        List<String> learnt = new ArrayList<>();
        for (String sort : List.of("recent", "score")) {
            for (JsonNode page : paged("GET /api/v1/correlations", "/api/v1/correlations?limit=1000&sort=" + sort, "correlations")) {
                page.path("correlations").forEach(correlation -> learnt.add(correlation.path("id").asString()));
            }
        }
        paged("GET /api/v1/correlations?suppressed=true", "/api/v1/correlations?limit=1000&suppressed=true", "correlations");
        for (String cert : submitters) {
            paged("GET /api/v1/correlations?cert=", "/api/v1/correlations?limit=1000&cert=" + cert, "correlations");
        }
        Viewer who = reading.viewer(viewer);
        for (Observable value : reading.world().allValues()) {
            reading.check(viewer, "GET /api/v1/correlations?value=",
                    reading.hub().get("/api/v1/correlations?limit=1000&value=" + Hub.encode(value.value()), key), value.value());
            Reply sightings = reading.hub().get("/api/v1/observables?value=" + Hub.encode(value.value()), key);
            reading.check(viewer, "GET /api/v1/observables?value=", sightings.status() == 200
                    ? sightings.status() + " " + sightings.headers() + " " + Hub.json(sightings).path("matches") : sightings.text());
            String id = Oracle.correlationId(value);
            Reply byId = reading.check(viewer, "GET /api/v1/correlations/{id}", reading.hub().get("/api/v1/correlations/" + id, key),
                    id);
            if (!reading.oracle().seesValue(who, value)) {
                String missing = randomHex();
                reading.sameAsMissing(viewer, "GET /api/v1/correlations/{id}", "correlation-id:" + value.type(), id, byId, id,
                        reading.hub().get("/api/v1/correlations/" + missing, key), missing);
            }
        }
        for (String id : learnt) {
            reading.check(viewer, "GET /api/v1/correlations/{id}", reading.hub().get("/api/v1/correlations/" + id, key));
        }
    }

    void lookup() {
        List<String> values = reading.world().allValues().stream().map(Observable::value).toList();
        for (int from = 0; from < values.size(); from += 1000) {
            StringBuilder body = new StringBuilder("{\"values\":[");
            List<String> batch = values.subList(from, Math.min(values.size(), from + 1000));
            for (int i = 0; i < batch.size(); i++) {
                body.append(i == 0 ? "" : ",").append('"').append(batch.get(i)).append('"');
            }
            body.append("]}");
            Reply found = reading.hub().post("/api/v1/observables/lookup", key, body.toString());
            if (found.status() != 200) {
                reading.check(viewer, "POST /api/v1/observables/lookup", found.text());
                continue;
            }
            // each result echoes its query and normalised key: only the matches are the hub's answer
            StringBuilder matches = new StringBuilder(found.status() + " " + found.headers());
            Hub.json(found).path("results").forEach(result -> matches.append(result.path("matches")).append('\n'));
            reading.check(viewer, "POST /api/v1/observables/lookup", matches.toString());
        }
    }

    void stats(Set<String> submitters) {
        reading.check(viewer, "GET /api/v1/stats", reading.hub().get("/api/v1/stats?top=100", key));
        for (String cert : submitters) {
            reading.check(viewer, "GET /api/v1/stats?cert=", reading.hub().get("/api/v1/stats?top=100&cert=" + cert, key));
        }
    }

    void statuses() {
        for (String id : reading.statusIds) {
            reading.check(viewer, "GET /api/v1/status/{id}", reading.hub().get("/api/v1/status/" + id, key), id);
        }
    }

    /** Lists runs and notifications, and remembers their ids for every viewer to ask for. */
    void learnRunsAndNotifications() {
        for (JsonNode page : paged("GET /api/v1/playbook-runs", "/api/v1/playbook-runs?limit=500", "runs")) {
            page.path("runs").forEach(run -> reading.runIds.add(run.path("run_id").asString()));
        }
        for (String query : List.of("", "&state=dead-lettered", "&acknowledged=true")) {
            for (JsonNode page : paged("GET /api/v1/notifications", "/api/v1/notifications?limit=500" + query, "notifications")) {
                page.path("notifications").forEach(note -> reading.notificationIds.add(note.path("notification_id").asString()));
            }
        }
    }

    void runsAndNotificationsById() {
        for (String run : reading.runIds) {
            reading.check(viewer, "GET /api/v1/playbook-runs/{id}", reading.hub().get("/api/v1/playbook-runs/" + run, key));
        }
        for (String notification : reading.notificationIds) {
            reading.check(viewer, "GET /api/v1/notifications/{id}",
                    reading.hub().get("/api/v1/notifications/" + notification, key));
        }
    }

    void subscriptions() {
        reading.check(viewer, "GET /api/v1/subscriptions", reading.hub().get("/api/v1/subscriptions", key));
    }

    /** Every page of a listing, each checked; the pages that parsed as JSON. */
    private List<JsonNode> paged(String label, String first, String field, String... askedFor) {
        List<JsonNode> pages = new ArrayList<>();
        String path = first;
        for (int page = 0; page < MAX_PAGES && path != null; page++) {
            Reply reply = reading.check(viewer, label, reading.hub().get(path, key), askedFor);
            if (reply.status() != 200) {
                return pages;
            }
            JsonNode body = Hub.json(reply);
            pages.add(body);
            String next = body.path("next").asString("");
            path = next.isEmpty() || body.path(field).isEmpty() ? null
                    : first.replaceAll("&cursor=.*", "") + "&cursor=" + Hub.encode(next);
        }
        return pages;
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
