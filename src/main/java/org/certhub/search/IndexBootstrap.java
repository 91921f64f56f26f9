package org.certhub.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Applies the index templates (JSON resources under {@code elasticsearch/}) and creates the first
 * version of each index behind its alias. Runs once all beans exist and before any listener starts
 * consuming, so the indexer never writes into an index without its mapping.
 */
@Component
class IndexBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

    private final ElasticsearchClient client;
    private final SearchProperties properties;

    IndexBootstrap(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (String alias : SearchIndices.ALL) {
                applyTemplate(alias);
                createIndexBehind(alias);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set up the Elasticsearch indices", e);
        }
    }

    private void applyTemplate(String alias) throws IOException {
        ClassPathResource resource = new ClassPathResource("elasticsearch/" + alias + ".json");
        try (InputStream template = resource.getInputStream()) {
            client.indices().putIndexTemplate(t -> t.name(alias).withJson(template));
        }
    }

    private void createIndexBehind(String alias) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        String index = alias + SearchIndices.FIRST_VERSION_SUFFIX;
        client.indices().create(c -> c.index(index)
                .settings(s -> s.numberOfReplicas(String.valueOf(properties.replicas()))
                        .refreshInterval(r -> r.time(properties.refreshInterval().toMillis() + "ms")))
                .aliases(alias, a -> a.isWriteIndex(true)));
        log.info("Created index {} behind alias {}", index, alias);
    }
}
