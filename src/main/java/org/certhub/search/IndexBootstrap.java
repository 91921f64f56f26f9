package org.certhub.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the index templates (JSON resources under {@code elasticsearch/}) and creates the first
 * version of each index behind its alias. When Elasticsearch is not reachable at start-up the hub
 * still starts (unready), and this keeps trying in the background; whoever writes to the indices
 * waits for {@link #ready()}.
 */
@Component
public class IndexBootstrap implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);
    private static final long RETRY_SECONDS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private ScheduledExecutorService retries;
    private volatile boolean running;

    IndexBootstrap(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** Completes once every index exists with its mapping. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    @Override
    public void start() {
        running = true;
        if (tryOnce()) {
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
        retries.scheduleWithFixedDelay(() -> {
            if (tryOnce()) {
                retries.shutdown();
            }
        }, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: the indices must exist before anything that writes to them starts. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private boolean tryOnce() {
        try {
            for (String alias : SearchIndices.ALL) {
                applyTemplate(alias);
                createIndexBehind(alias);
            }
            ready.complete(null);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Elasticsearch indices not set up yet ({}); retrying every {} s", e.toString(), RETRY_SECONDS);
            return false;
        }
    }

    /**
     * An index made by an earlier release gets the fields added since, also inside an object it
     * already has (adding a field is the one mapping change Elasticsearch allows in place). Fields
     * it has keep the parameters they were created with: a template that later stops indexing a
     * field only to save work applies to indices created from then on, and must not stop an older
     * one from starting.
     */
    void addNewFields(String alias) throws IOException {
        ClassPathResource resource = new ClassPathResource("elasticsearch/" + alias + ".json");
        ObjectNode wanted;
        try (InputStream template = resource.getInputStream()) {
            wanted = (ObjectNode) JSON.readTree(template).path("template").path("mappings").path("properties");
        }
        ObjectNode missing = JSON.createObjectNode();
        for (var index : client.indices().getMapping(m -> m.index(alias)).mappings().values()) {
            missing.setAll(missing(wanted, index.mappings().properties()));
        }
        if (missing.isEmpty()) {
            return;
        }
        ObjectNode mappings = JSON.createObjectNode();
        mappings.set("properties", missing);
        client.indices().putMapping(m -> m.index(alias).withJson(new StringReader(mappings.toString())));
        log.info("Added fields {} to the index behind {}", String.join(", ", missing.propertyNames()), alias);
    }

    /** The fields of {@code wanted} that {@code existing} lacks, with the objects they belong to. */
    private static ObjectNode missing(ObjectNode wanted, Map<String, Property> existing) {
        ObjectNode missing = JSON.createObjectNode();
        wanted.properties().forEach(field -> {
            Property have = existing.get(field.getKey());
            if (have == null) {
                missing.set(field.getKey(), field.getValue());
            } else if (field.getValue().path("properties").isObject() && have.isObject()) {
                ObjectNode inside = missing((ObjectNode) field.getValue().path("properties"), have.object().properties());
                if (!inside.isEmpty()) {
                    missing.set(field.getKey(), JSON.createObjectNode().set("properties", inside));
                }
            }
        });
        return missing;
    }

    private void applyTemplate(String alias) throws IOException {
        ClassPathResource resource = new ClassPathResource("elasticsearch/" + alias + ".json");
        try (InputStream template = resource.getInputStream()) {
            client.indices().putIndexTemplate(t -> t.name(alias).withJson(template));
        }
    }

    private void createIndexBehind(String alias) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            addNewFields(alias);
            return;
        }
        String index = alias + SearchIndices.FIRST_VERSION_SUFFIX;
        client.indices().create(c -> c.index(index)
                .settings(s -> s.numberOfReplicas(String.valueOf(properties.replicas()))
                        .refreshInterval(r -> r.time(properties.refreshIntervalOf(alias).toMillis() + "ms")))
                .aliases(alias, a -> a.isWriteIndex(true)));
        log.info("Created index {} behind alias {}", index, alias);
    }
}
