package org.certhub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CorrelationGraphTests {

    @Test
    void aBlindMemberIsANodeWithItsCertAndContactOnly() {
        Map<String, Object> correlation = Map.of("value_type", "ipv4", "value", "198.18.0.1", "members", List.of(
                Map.of("blind", false, "cert", "uz-cert", "container", "report--a", "tlp", "TLP:GREEN"),
                Map.of("blind", true, "cert", "kz-cert", "contact", "KZ-CERT", "tlp", "TLP:RED")));

        Map<String, Object> graph = CorrelationGraph.of(correlation);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) graph.get("nodes");
        assertThat(nodes).extracting(node -> node.get("kind"))
                .containsExactly("observable", "cert", "incident", "cert", "blind");
        assertThat(nodes.get(2)).containsEntry("href", "/console/objects/report--a");
        assertThat(nodes.get(4)).containsOnlyKeys("id", "kind", "label", "tlp").containsEntry("label", "KZ-CERT");
        assertThat((List<?>) graph.get("edges")).hasSize(4);
    }
}
