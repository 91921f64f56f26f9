package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import org.certhub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@HubIntegrationTest
class IndexBootstrapIntegrationTests {

    /** The alias of {@code src/test/resources/elasticsearch/bootstrap-upgrade.json}. */
    private static final String ALIAS = "bootstrap-upgrade";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexBootstrap bootstrap;

    @Test
    void anIndexOfAnEarlierReleaseGetsTheNewFieldsAndKeepsTheParametersItWasCreatedWith() throws Exception {
        String index = ALIAS + "-v1";
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
        // As an earlier template made it: "value" with doc values (the template now has none), no "added_later".
        client.indices().create(c -> c.index(index).aliases(ALIAS, a -> a.isWriteIndex(true))
                .mappings(m -> m.withJson(new StringReader("{\"dynamic\":\"strict\",\"properties\":{\"value\":{\"type\":\"keyword\"}}}"))));

        bootstrap.addNewFields(ALIAS);

        Map<String, Property> fields = client.indices().getMapping(m -> m.index(index)).get(index).mappings().properties();
        assertThat(fields).containsKeys("value", "added_later");
        assertThat(fields.get("value").keyword().docValues()).isNotEqualTo(Boolean.FALSE);
    }
}
