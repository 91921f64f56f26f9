package org.certhub.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * TAXII 2.1 as one viewer reads it: discovery, the API root, the collections it is shown, and in
 * each: the objects (every version, every page), the manifest, and every object of the world by id
 * and its versions (in {@code correlations}: every value's grouping). A scope collection is judged
 * against the viewer's secrets and the scope's levels together.
 */
final class TaxiiReads {

    static final String ROOT = "/taxii2/api/";
    private static final int MAX_PAGES = 50;

    private final Reading reading;
    private final String viewer;
    private final String key;
    private final Map<String, String> scopeOfCollection;

    /** {@code scopeOfCollection}: alias of a scope collection to the secrets owner that judges it ({@code viewer@scope}). */
    TaxiiReads(Reading reading, String viewer, String key, Map<String, String> scopeOfCollection) {
        this.reading = reading;
        this.viewer = viewer;
        this.key = key;
        this.scopeOfCollection = scopeOfCollection;
    }

    void read() {
        reading.check(viewer, "GET /taxii2/", get("/taxii2/"));
        reading.check(viewer, "GET /taxii2/api/", get(ROOT));
        Reply listed = reading.check(viewer, "GET /taxii2/api/collections/", get(ROOT + "collections/"));
        for (String status : reading.statusIds) {
            reading.check(viewer, "GET /taxii2/api/status/{id}/", get(ROOT + "status/" + status + "/"), status);
        }
        if (listed.status() != 200) {
            return;
        }
        for (JsonNode collection : Hub.json(listed).path("collections")) {
            String alias = collection.path("alias").asString(collection.path("id").asString());
            String judge = scopeOfCollection.getOrDefault(alias, viewer);
            String base = ROOT + "collections/" + collection.path("id").asString() + "/";
            String label = "TAXII " + (scopeOfCollection.containsKey(alias) || alias.equals("correlations") ? alias : "own")
                    + " ";
            reading.check(judge, label + "collection", get(base));
            paged(judge, label + "objects", base + "objects/?match%5Bversion%5D=all&limit=1000");
            paged(judge, label + "manifest", base + "manifest/?match%5Bversion%5D=all&limit=1000");
            if (alias.equals("correlations")) {
                for (Observable value : reading.world().allValues()) {
                    String grouping = "grouping--" + Oracle.groupingUuid(Oracle.correlationId(value));
                    reading.check(judge, label + "objects/{id}", get(base + "objects/" + grouping + "/"), grouping);
                    reading.check(judge, label + "objects/?match[id]=", get(base + "objects/?match%5Bid%5D=" + grouping), grouping);
                }
                continue;
            }
            for (SharedObject object : reading.world().objects()) {
                reading.check(judge, label + "objects/{id}", get(base + "objects/" + object.id() + "/?match%5Bversion%5D=all"),
                        object.id());
                reading.check(judge, label + "objects/{id}/versions", get(base + "objects/" + object.id() + "/versions/"),
                        object.id());
            }
        }
    }

    private void paged(String judge, String label, String first) {
        String path = first;
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES && path != null; page++) {
            Reply reply = reading.check(judge, label, get(path));
            if (reply.status() != 200) {
                return;
            }
            JsonNode body = Hub.json(reply);
            String next = body.path("next").asString("");
            path = !body.path("more").asBoolean() || next.isEmpty() || seen.contains(next) ? null
                    : first + "&next=" + Hub.encode(next);
            seen.add(next);
        }
    }

    private Reply get(String path) {
        return reading.hub().taxii("GET", path, viewer, key);
    }
}
