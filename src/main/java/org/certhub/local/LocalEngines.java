package org.certhub.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engines of this JVM. Each starts at most once and is shared by every application
 * context of the JVM. They stop with the application context, or (tests, where many contexts share
 * them) in a JVM shutdown hook.
 */
final class LocalEngines {

    private static final Logger log = LoggerFactory.getLogger(LocalEngines.class);

    private static EmbeddedKafka kafka;
    private static SupervisedElasticsearch elasticsearch;
    private static boolean hookInstalled;
    private static Path startedDataDir;
    private static LocalProperties.StopWith stopWith = LocalProperties.StopWith.CONTEXT;

    private LocalEngines() {
    }

    /** Where the requested engines listen, starting them (Elasticsearch in parallel) if needed. */
    static synchronized Endpoints start(LocalProperties properties, boolean wantKafka, boolean wantElasticsearch) {
        stopWith = properties.stopWith();
        if (stopWith == LocalProperties.StopWith.JVM) {
            installShutdownHook();
        }
        if (kafka == null && elasticsearch == null) {
            startedDataDir = properties.dataDir().toAbsolutePath().normalize();
            if (properties.deleteDataOnExit()) {
                deleteOnExit(startedDataDir);
            }
        }
        Path dataDir = startedDataDir;
        EngineCredentials credentials = EngineCredentials.under(dataDir);
        CompletableFuture<SupervisedElasticsearch> pendingElasticsearch = wantElasticsearch && elasticsearch == null
                ? CompletableFuture.supplyAsync(() -> SupervisedElasticsearch.start(dataDir,
                        properties.resolvedDistDir().toAbsolutePath().normalize(), properties.elasticsearch(), credentials))
                : CompletableFuture.completedFuture(elasticsearch);
        try {
            if (wantKafka && kafka == null) {
                kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), properties.kafka().port(),
                        properties.kafka().controllerPort(), credentials);
            }
            elasticsearch = pendingElasticsearch.join();
        } catch (CompletionException e) {
            stopAll();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            pendingElasticsearch.thenAccept(started -> Optional.ofNullable(started).ifPresent(SupervisedElasticsearch::close));
            stopAll();
            throw e;
        }
        Map<String, String> connections = new LinkedHashMap<>();
        if (wantKafka) {
            connections.putAll(kafka.connectionProperties());
        }
        if (wantElasticsearch) {
            connections.putAll(elasticsearch.connectionProperties());
        }
        return new Endpoints(dataDir, connections);
    }

    /** Stops the engines unless they outlive application contexts (then the JVM hook stops them). */
    static synchronized void stopWithContext() {
        if (stopWith == LocalProperties.StopWith.CONTEXT) {
            stopAll();
        }
    }

    static synchronized void stopAll() {
        if (elasticsearch != null) {
            elasticsearch.close();
            elasticsearch = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalEngines::stopAll, "local-engines-shutdown"));
            hookInstalled = true;
        }
    }

    /** Deletes the data once the engines are stopped, in the same hook so the order is certain. */
    private static void deleteOnExit(Path dataDir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            try {
                ElasticsearchDistribution.deleteRecursively(dataDir);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", dataDir, e.toString());
            }
        }, "local-engines-cleanup"));
    }

    /**
     * Where the embedded engines keep their data, and how to reach and authenticate to the ones
     * asked for, as the {@code certhub.kafka.*} / {@code certhub.elasticsearch.*} properties an
     * external cluster would be configured with. The data directory is the one of the first start
     * in this JVM, whatever later contexts ask for.
     */
    record Endpoints(Path dataDir, Map<String, String> connectionProperties) {
    }
}
