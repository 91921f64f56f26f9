package org.certhub.correlation.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Decides which incident or report of a bundle each object belongs to: the first container
 * (incidents before reports before groupings, then by id) that reaches it through references
 * ({@code object_refs}, relationships, any {@code *_ref(s)}), never walking through another
 * container, an identity, a location or a marking. An object no container reaches belongs to the
 * bundle's only container when it has exactly one, else to the bundle itself. So a value sighted
 * twice in one incident is one member, and a bundle replayed gives the same members again.
 */
public final class Containers {

    private static final List<String> CONTAINER_TYPES = List.of("incident", "report", "grouping");
    private static final Set<String> NOT_WALKED = Set.of("identity", "location", "marking-definition",
            "extension-definition", "language-content");
    private static final Set<String> NOT_EDGES = Set.of("created_by_ref", "object_marking_refs");

    private Containers() {
    }

    /** The container id of every object of the bundle, by object id. */
    public static Map<String, String> assign(JsonNode objects, String bundleId) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            String id = object.path("id").asString("");
            if (!id.isEmpty()) {
                byId.put(id, object);
            }
        }
        Map<String, Set<String>> edges = edges(byId);
        List<String> containers = byId.values().stream().filter(o -> CONTAINER_TYPES.contains(type(o)))
                .sorted(Comparator.comparingInt((JsonNode o) -> CONTAINER_TYPES.indexOf(type(o)))
                        .thenComparing(o -> o.path("id").asString("")))
                .map(o -> o.path("id").asString("")).toList();
        Map<String, String> assigned = new HashMap<>();
        for (String container : containers) {
            assigned.put(container, container);
        }
        for (String container : containers) {
            Deque<String> queue = new ArrayDeque<>(edges.getOrDefault(container, Set.of()));
            Set<String> seen = new HashSet<>(List.of(container));
            while (!queue.isEmpty()) {
                String next = queue.poll();
                if (!seen.add(next) || !byId.containsKey(next)) {
                    continue;
                }
                String type = type(byId.get(next));
                if (CONTAINER_TYPES.contains(type) || NOT_WALKED.contains(type)) {
                    continue;
                }
                assigned.putIfAbsent(next, container);
                queue.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        String fallback = containers.size() == 1 ? containers.get(0) : bundleId;
        for (String id : byId.keySet()) {
            assigned.putIfAbsent(id, fallback);
        }
        return assigned;
    }

    /** References in both directions: a relationship links its source and its target. */
    private static Map<String, Set<String>> edges(Map<String, JsonNode> byId) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : byId.entrySet()) {
            for (String target : references(entry.getValue())) {
                edges.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(target);
                edges.computeIfAbsent(target, k -> new HashSet<>()).add(entry.getKey());
            }
        }
        return edges;
    }

    private static List<String> references(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (NOT_EDGES.contains(name)) {
                continue;
            }
            if (name.endsWith("_ref") && property.getValue().isString()) {
                out.add(property.getValue().asString());
            } else if (name.endsWith("_refs")) {
                property.getValue().forEach(ref -> {
                    if (ref.isString()) {
                        out.add(ref.asString());
                    }
                });
            }
        }
        return out;
    }

    private static String type(JsonNode object) {
        return object.path("type").asString("");
    }
}
