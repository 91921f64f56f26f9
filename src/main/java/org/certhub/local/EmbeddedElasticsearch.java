package org.certhub.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch server run as a child process of the hub, on its own JDK and, when the hub is
 * root, as an unprivileged user. The child is tied to the hub: {@code setpriv --pdeathsig} makes the
 * kernel stop it when the hub dies (even by {@code kill -9}), and a start cleans up what a crashed
 * earlier run may have left (via the server's pid file).
 */
final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final String uri;

    private EmbeddedElasticsearch(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    static EmbeddedElasticsearch start(Path dataRoot, Path distRoot, LocalProperties.Elasticsearch settings) {
        long started = System.nanoTime();
        Layout layout = Layout.under(dataRoot.toAbsolutePath().normalize(), distRoot);
        Optional<UnprivilegedUser> user = UnprivilegedUser.whenRunningAsRoot(settings.runAsUser());
        Path home = ElasticsearchDistribution.ensureUnpacked(settings.version(),
                settings.configuredDistribution(), layout.distRoot());
        Path javaHome = JdkLocator.forThisMachine().locate(settings.configuredJavaHome());
        LeftoverProcess.stopIfRunning(layout.pidFile(), layout.distRoot());
        layout.create();
        user.ifPresent(u -> {
            u.requireReachable(layout.data());
            u.requireReachable(home);
            List.of(home, layout.data(), layout.logs(), layout.run()).forEach(u::own);
        });
        int httpPort = FreePorts.resolve(settings.httpPort());
        int transportPort = FreePorts.resolve(settings.transportPort());
        List<String> command = command(home, layout, user, httpPort, transportPort, settings.niceness());
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                // -Xlog:disable: the distribution's GC log would otherwise grow to 2 GiB.
                "ES_JAVA_OPTS", "-Xms" + settings.heap().toMegabytes() + "m -Xmx" + settings.heap().toMegabytes()
                        + "m -Xlog:disable -Xlog:all=warning:stderr");
        Process process = Supervisor.spawn(command, environment, layout.logs());
        String uri = "http://127.0.0.1:" + httpPort;
        EmbeddedElasticsearch server = new EmbeddedElasticsearch(process, uri);
        try {
            server.awaitHealthy(settings.startupTimeout(), layout.console());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("Embedded Elasticsearch {} up on {} (pid {}, user {}, JDK {}, data {}, log {}) in {} ms",
                settings.version(), uri, process.pid(), user.map(UnprivilegedUser::name).orElse("current"),
                javaHome, layout.data(), layout.logs(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return server;
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        log.info("Stopping the embedded Elasticsearch on {} (pid {})", uri, process.pid());
        // SIGTERM reaches the launcher, which shuts the server process down cleanly.
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Elasticsearch did not stop within {}; killing it", STOP_GRACE);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static List<String> command(Path home, Layout layout, Optional<UnprivilegedUser> user,
            int httpPort, int transportPort, int niceness) {
        List<String> command = new ArrayList<>();
        if (niceness > 0 && Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", String.valueOf(niceness)));
        }
        if (Files.isExecutable(SETPRIV)) {
            command.add(SETPRIV.toString());
            user.ifPresent(u -> command.addAll(List.of("--reuid=" + u.uid(), "--regid=" + u.gid(), "--clear-groups")));
            command.addAll(List.of("--pdeathsig", "TERM", "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(List.of("-p", layout.pidFile().toString()));
        Map<String, String> settings = Map.of(
                "cluster.name", "certhub-local",
                "node.name", "certhub-local",
                "discovery.type", "single-node",
                "network.host", "127.0.0.1",
                "http.port", String.valueOf(httpPort),
                "transport.port", String.valueOf(transportPort),
                "path.data", layout.data().toString(),
                "path.logs", layout.logs().toString(),
                // Local, single-user development engine: no TLS/auth, and no read-only switch on a full disk.
                "xpack.security.enabled", "false",
                "cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
        return command;
    }

    private void awaitHealthy(Duration timeout, Path console) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalInfrastructureException("Elasticsearch exited with code " + process.exitValue()
                        + " while starting; its output is in " + console + ":\n" + tail(console));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalInfrastructureException("Interrupted while waiting for Elasticsearch", e);
            }
            pause();
        }
        throw new LocalInfrastructureException("Elasticsearch did not become healthy on " + uri + " within "
                + timeout + "; its output is in " + console + ":\n" + tail(console));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no output)";
        }
    }

    /** Where the server's files live under the hub's data directory. */
    record Layout(Path distRoot, Path data, Path logs, Path run) {

        static Layout under(Path dataRoot, Path distRoot) {
            return new Layout(distRoot, dataRoot.resolve("elasticsearch"),
                    dataRoot.resolve("logs").resolve("elasticsearch"), dataRoot.resolve("run"));
        }

        Path pidFile() {
            return run.resolve("elasticsearch.pid");
        }

        Path console() {
            return logs.resolve("console.log");
        }

        void create() {
            try {
                for (Path dir : List.of(data, logs, run)) {
                    Files.createDirectories(dir);
                }
            } catch (IOException e) {
                throw new LocalInfrastructureException("Cannot create the Elasticsearch directories under "
                        + data.getParent(), e);
            }
        }
    }

    /**
     * Spawns the server from a thread that lives exactly as long as the server: the parent-death
     * signal fires when the spawning thread ends, so a short-lived thread would take the server down.
     */
    static final class Supervisor {

        private Supervisor() {
        }

        static Process spawn(List<String> command, Map<String, String> environment, Path logs) {
            CompletableFuture<Process> spawned = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()));
                    builder.environment().putAll(environment);
                    Process process = builder.start();
                    spawned.complete(process);
                    process.waitFor();
                } catch (IOException | RuntimeException e) {
                    spawned.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "elasticsearch-supervisor");
            thread.setDaemon(true);
            thread.start();
            try {
                return spawned.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new LocalInfrastructureException("Could not start Elasticsearch: " + command, e);
            }
        }
    }
}
