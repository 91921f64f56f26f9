package org.certhub.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * An Elasticsearch server run as a child process of the hub, on its own JDK and, when the hub is
 * root, as an unprivileged user. The child is tied to the hub: {@code setpriv --pdeathsig} makes the
 * kernel stop it when the hub dies (even by {@code kill -9}), and a start cleans up what a crashed
 * earlier run may have left (via the server's pid file).
 * <p>
 * Security is on: anonymous requests get 401. The hub's account is a file-realm user (a bcrypt hash
 * in the {@code users} file of a configuration directory of its own beside the data), so nothing has
 * to run before the server starts and the shared unpacked distribution is never written.
 */
final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Configuration files the server needs from the distribution; the realm files are written here. */
    private static final List<String> DIST_CONFIG = List.of("elasticsearch.yml", "jvm.options", "jvm.options.d",
            "log4j2.properties", "roles.yml", "role_mapping.yml");

    private final Process process;
    private final String uri;
    private final EngineCredentials credentials;
    private final int httpPort;
    private final int transportPort;
    private final Path console;
    private volatile boolean closing;

    private EmbeddedElasticsearch(Process process, String uri, EngineCredentials credentials, int httpPort,
            int transportPort, Path console) {
        this.process = process;
        this.uri = uri;
        this.credentials = credentials;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.console = console;
    }

    static EmbeddedElasticsearch start(Path dataRoot, Path distRoot, LocalProperties.Elasticsearch settings,
            EngineCredentials credentials) {
        long started = System.nanoTime();
        Layout layout = Layout.under(dataRoot.toAbsolutePath().normalize(), distRoot);
        Optional<UnprivilegedUser> user = UnprivilegedUser.whenRunningAsRoot(settings.runAsUser());
        Path home = ElasticsearchDistribution.ensureUnpacked(settings.version(),
                settings.configuredDistribution(), layout.distRoot());
        Path javaHome = JdkLocator.forThisMachine().locate(settings.configuredJavaHome());
        LeftoverProcess.stopIfRunning(layout.pidFile(), layout.distRoot());
        layout.create();
        writeConfig(home, layout.config(), credentials);
        user.ifPresent(u -> {
            u.requireReachable(layout.data());
            u.requireReachable(home);
            List.of(home, layout.data(), layout.config(), layout.logs(), layout.run()).forEach(u::own);
        });
        int httpPort = FreePorts.resolve(settings.httpPort());
        int transportPort = FreePorts.resolve(settings.transportPort());
        List<String> command = command(home, layout, user, httpPort, transportPort, settings.niceness());
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                "ES_PATH_CONF", layout.config().toString(),
                // -Xlog:disable: the distribution's GC log would otherwise grow to 2 GiB.
                "ES_JAVA_OPTS", "-Xms" + settings.heap().toMegabytes() + "m -Xmx" + settings.heap().toMegabytes()
                        + "m -Xlog:disable -Xlog:all=warning:stderr");
        Process process = Supervisor.spawn(command, environment, layout.logs());
        String uri = "http://127.0.0.1:" + httpPort;
        EmbeddedElasticsearch server = new EmbeddedElasticsearch(process, uri, credentials, httpPort, transportPort,
                layout.console());
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

    long pid() {
        return process.pid();
    }

    /** The settings a restart needs to come back on the same ports (and so the same URI). */
    LocalProperties.Elasticsearch samePorts(LocalProperties.Elasticsearch settings) {
        return new LocalProperties.Elasticsearch(httpPort, transportPort, settings.version(), settings.distribution(),
                settings.javaHome(), settings.runAsUser(), settings.heap(), settings.startupTimeout(), settings.niceness());
    }

    /** Completes when the server exits on its own (not when {@link #close()} stopped it). */
    CompletableFuture<Integer> unexpectedExit() {
        return process.onExit().thenCompose(exited -> closing ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(exited.exitValue()));
    }

    /** The last lines the server wrote, for the log line that says why it exited. */
    String consoleTail(int lines) {
        try (Stream<String> all = Files.lines(console, StandardCharsets.UTF_8)) {
            List<String> kept = all.toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no console log: " + e + ")";
        }
    }

    /** How a client reaches and authenticates to this server, as {@code certhub.elasticsearch.*} properties. */
    Map<String, String> connectionProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("certhub.elasticsearch.uris", uri);
        properties.put("certhub.elasticsearch.username", credentials.username());
        properties.put("certhub.elasticsearch.password", credentials.elasticsearchPassword());
        return properties;
    }

    @Override
    public void close() {
        closing = true;
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
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "certhub-local");
        settings.put("node.name", "certhub-local");
        settings.put("discovery.type", "single-node");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", String.valueOf(httpPort));
        settings.put("transport.port", String.valueOf(transportPort));
        settings.put("path.data", layout.data().toString());
        settings.put("path.logs", layout.logs().toString());
        // Authentication on (the hub's file-realm user); no TLS, as it listens on loopback only.
        settings.put("xpack.security.enabled", "true");
        settings.put("xpack.security.http.ssl.enabled", "false");
        settings.put("xpack.security.transport.ssl.enabled", "false");
        // No read-only switch on a full disk.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
        return command;
    }

    /**
     * The server's own configuration directory: the distribution's files (copied once), and the
     * hub's account as the file realm's only user, with the built-in superuser role. Only the
     * server's user may read it (it holds the password hash).
     */
    private static void writeConfig(Path home, Path config, EngineCredentials credentials) {
        try {
            for (String name : DIST_CONFIG) {
                copyIfAbsent(home.resolve("config").resolve(name), config.resolve(name));
            }
            String hash = new BCryptPasswordEncoder().encode(credentials.elasticsearchPassword());
            Files.writeString(config.resolve("users"), credentials.username() + ":" + hash + "\n", StandardCharsets.UTF_8);
            Files.writeString(config.resolve("users_roles"), "superuser:" + credentials.username() + "\n",
                    StandardCharsets.UTF_8);
            restrict(config.resolve("users"), "rw-------");
            restrict(config, "rwx------");
        } catch (IOException e) {
            throw new LocalInfrastructureException("Cannot write the Elasticsearch configuration in " + config, e);
        }
    }

    private static void copyIfAbsent(Path source, Path target) throws IOException {
        if (Files.exists(target) || !Files.exists(source)) {
            return;
        }
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        Files.createDirectories(target);
        try (Stream<Path> children = Files.list(source)) {
            for (Path child : children.toList()) {
                copyIfAbsent(child, target.resolve(child.getFileName().toString()));
            }
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to restrict
        }
    }

    private void awaitHealthy(Duration timeout, Path console) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String basic = Base64.getEncoder().encodeToString((credentials.username() + ":"
                + credentials.elasticsearchPassword()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .header("Authorization", "Basic " + basic)
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
    record Layout(Path distRoot, Path data, Path config, Path logs, Path run) {

        static Layout under(Path dataRoot, Path distRoot) {
            return new Layout(distRoot, dataRoot.resolve("elasticsearch"), dataRoot.resolve("elasticsearch-config"),
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
                for (Path dir : List.of(data, config, logs, run)) {
                    Files.createDirectories(dir);
                }
                // The indices are on disk there: only the server's user (and the hub's, root or owner) reads them.
                restrict(data, "rwx------");
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
