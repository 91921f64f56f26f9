package org.certhub.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Elasticsearch, brought back when it dies. A server that exits on its own (killed,
 * out of memory, crashed) is logged with its exit code and the last lines it wrote, then started
 * again on the same ports, data and credentials with exponential back-off, so the hub's clients
 * reconnect to the same address and every stage catches up from Kafka by itself. Health says
 * Elasticsearch is DOWN meanwhile; reads answer 503 with Retry-After; submissions are still
 * accepted (they depend on Kafka alone).
 */
final class SupervisedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedElasticsearch.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);

    private final Path dataRoot;
    private final Path distRoot;
    private final LocalProperties.Elasticsearch settings;
    private final EngineCredentials credentials;
    private volatile EmbeddedElasticsearch server;
    private volatile boolean closed;

    private SupervisedElasticsearch(Path dataRoot, Path distRoot, LocalProperties.Elasticsearch settings,
            EngineCredentials credentials, EmbeddedElasticsearch first) {
        this.dataRoot = dataRoot;
        this.distRoot = distRoot;
        this.settings = first.samePorts(settings);
        this.credentials = credentials;
        watch(first);
    }

    static SupervisedElasticsearch start(Path dataRoot, Path distRoot, LocalProperties.Elasticsearch settings,
            EngineCredentials credentials) {
        EmbeddedElasticsearch first = EmbeddedElasticsearch.start(dataRoot, distRoot, settings, credentials);
        return new SupervisedElasticsearch(dataRoot, distRoot, settings, credentials, first);
    }

    Map<String, String> connectionProperties() {
        return server.connectionProperties();
    }

    private void watch(EmbeddedElasticsearch started) {
        server = started;
        started.unexpectedExit().thenAccept(code -> {
            log.error("The embedded Elasticsearch (pid {}) exited with code {}; restarting it on {}. Its last lines:\n{}",
                    started.pid(), code, started.uri(), started.consoleTail(20));
            Thread restart = new Thread(this::restart, "elasticsearch-restart");
            restart.setDaemon(true);
            restart.start();
        });
    }

    private void restart() {
        Duration backOff = FIRST_BACK_OFF;
        for (int attempt = 1; !closed; attempt++) {
            long started = System.nanoTime();
            try {
                EmbeddedElasticsearch again = EmbeddedElasticsearch.start(dataRoot, distRoot, settings, credentials);
                if (closed) {
                    again.close();
                    return;
                }
                log.info("The embedded Elasticsearch is back on {} (attempt {}, {} ms); the stages catch up from Kafka",
                        again.uri(), attempt, Duration.ofNanos(System.nanoTime() - started).toMillis());
                watch(again);
                return;
            } catch (RuntimeException e) {
                log.error("Restarting the embedded Elasticsearch failed (attempt {}), next try in {} s: {}", attempt,
                        backOff.toSeconds(), e.toString());
            }
            try {
                Thread.sleep(backOff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.close();
    }
}
