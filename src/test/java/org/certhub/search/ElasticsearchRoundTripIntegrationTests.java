package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.certhub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@HubIntegrationTest
class ElasticsearchRoundTripIntegrationTests {

    @Autowired
    ElasticsearchClient client;

    @Test
    void documentIndexedThroughTheHubsClientIsFoundBySearch() throws Exception {
        String index = "roundtrip-" + UUID.randomUUID();
        client.index(i -> i.index(index).id("indicator--1").refresh(Refresh.True)
                .document(Map.of("type", "indicator", "name", "C2 server of the Qazaq campaign")));

        SearchResponse<Map> found = client.search(s -> s.index(index)
                .query(q -> q.match(m -> m.field("name").query("qazaq"))), Map.class);

        assertThat(found.hits().hits()).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("indicator--1");
            assertThat(hit.source()).containsEntry("type", "indicator");
        });
    }

    @Test
    void correlationsBecomeSearchableSoonerThanObjects() throws Exception {
        var settings = client.indices().getSettings(g -> g.index(SearchIndices.CORRELATIONS, SearchIndices.OBJECTS));

        assertThat(settings.settings().values()).extracting(index -> index.settings().index().refreshInterval().time())
                .containsExactlyInAnyOrder("250ms", "1000ms");
    }
}
