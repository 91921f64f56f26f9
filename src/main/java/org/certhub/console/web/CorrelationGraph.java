package org.certhub.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A correlation as a graph of CERTs, their incidents or reports, and the shared value: made from the
 * correlation view the API answers the viewer, so a blind member is a node that says only which CERT
 * holds a restricted report, at which level, and whom to contact.
 */
final class CorrelationGraph {

    private CorrelationGraph() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> correlation) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, String>> edges = new ArrayList<>();
        String valueNode = "value";
        nodes.add(node(valueNode, "observable", correlation.get("value_type") + ": " + correlation.get("value"), null, null));
        Set<String> certs = new LinkedHashSet<>();
        int index = 0;
        for (Map<String, Object> member : (List<Map<String, Object>>) correlation.get("members")) {
            String cert = String.valueOf(member.get("cert"));
            String certNode = "cert:" + cert;
            if (certs.add(cert)) {
                nodes.add(node(certNode, "cert", cert, null, null));
            }
            String memberNode = "member:" + index++;
            String tlp = String.valueOf(member.get("tlp"));
            if (Boolean.TRUE.equals(member.get("blind"))) {
                nodes.add(node(memberNode, "blind", String.valueOf(member.get("contact")), tlp, null));
            } else {
                String container = String.valueOf(member.get("container"));
                nodes.add(node(memberNode, "incident", container, tlp, "/console/objects/" + container));
            }
            edges.add(Map.of("from", certNode, "to", memberNode));
            edges.add(Map.of("from", memberNode, "to", valueNode));
        }
        return Map.of("nodes", nodes, "edges", edges);
    }

    private static Map<String, Object> node(String id, String kind, String label, String tlp, String href) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("kind", kind);
        node.put("label", label);
        if (tlp != null) {
            node.put("tlp", tlp);
        }
        if (href != null) {
            node.put("href", href);
        }
        return node;
    }
}
