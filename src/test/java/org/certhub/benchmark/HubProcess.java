package org.certhub.benchmark;

import org.certhub.EngineClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hub started as an operator runs it: {@code java -cp <class path> org.certhub.CerthubApplication}
 * as a child process, on free ports, with its data under a directory of its own. Where its embedded
 * engines listen is read from its log. A hub still running when this JVM exits is stopped. Public
 * for the integration tests that SIGKILL a hub mid-run ({@code playbook.HubKilledMidRunIntegrationTests}).
 */
public final class HubProcess {

    private static final Pattern KAFKA = Pattern.compile("Embedded Kafka broker up on (\\S+)");
    private static final Pattern ELASTICSEARCH = Pattern.compile("Embedded Elasticsearch \\S+ up on (\\S+) \\(pid (\\d+)");
    private static final String STARTED = "Started CerthubApplication";
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "hub-cleanup"));
    }

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI uri;
    private final long startedNanos;

    private HubProcess(Process process, Path dataDir, Path log, URI uri, long startedNanos) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.uri = uri;
        this.startedNanos = startedNanos;
    }

    /** A fresh data directory under {@code /tmp/certhub-bench}, traversable by Elasticsearch's own user. */
    public static Path freshDataDir(String prefix) throws IOException {
        var traversable = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "certhub-bench");
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root, traversable);
        }
        return Files.createTempDirectory(root, prefix, traversable);
    }

    /**
     * Starts a hub on {@code dataDir} (fresh, or the data of an earlier start) and waits until it
     * has started; the log goes to {@code dataDir/hub-<n>.log}.
     */
    static HubProcess start(Path dataDir, Optional<String> heap, Duration timeout) throws IOException {
        return start(dataDir, heap, timeout, List.of());
    }

    /**
     * The same, with more {@code --name=value} arguments for the hub (e.g. {@code --certhub.correlation.enabled=false}).
     *
     * @param heap the hub's {@code -Xmx}; empty leaves the JVM's default (a quarter of the memory),
     *     as {@code ./mvnw spring-boot:run} does
     */
    public static HubProcess start(Path dataDir, Optional<String> heap, Duration timeout, List<String> arguments)
            throws IOException {
        int n = 1;
        while (Files.exists(dataDir.resolve("hub-" + n + ".log"))) {
            n++;
        }
        Path log = dataDir.resolve("hub-" + n + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        heap.ifPresent(size -> command.add("-Xmx" + size));
        command.addAll(List.of("-cp", absoluteClassPath(), "org.certhub.CerthubApplication",
                "--server.port=" + port,
                "--certhub.local.data-dir=" + dataDir,
                "--certhub.local.dist-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "certhub-dist"),
                "--certhub.local.kafka.port=0", "--certhub.local.kafka.controller-port=0",
                "--certhub.local.elasticsearch.http-port=0", "--certhub.local.elasticsearch.transport-port=0",
                "--certhub.tenancy.demo.credentials-file=" + dataDir.resolve("demo-credentials.json"),
                // The tests' and benchmarks' webhook receivers listen on loopback, which the hub otherwise refuses.
                "--certhub.outbound.allowed-targets=127.0.0.1/32,::1/128"));
        command.addAll(arguments);
        long started = System.nanoTime();
        // The working directory is the data dir, so that anything written to a relative path stays in it.
        Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RUNNING.add(process);
        HubProcess hub = new HubProcess(process, dataDir, log, URI.create("http://127.0.0.1:" + port), started);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hub.log().contains(STARTED)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the hub did not start (" + (process.isAlive() ? "timeout" : "exited")
                        + "); its log " + log + " ends with:\n" + hub.tail(40));
            }
            pause(200);
        }
        return hub;
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers UP. A hub whose actuator is behind
     * authentication (401/403) counts as ready once it has started.
     */
    public Duration awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri.resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 401 || response.statusCode() == 403) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited; its log ends with:\n" + tail(40));
            }
            pause(200);
        }
        throw new IllegalStateException("the hub was not ready within " + timeout + "; its log ends with:\n" + tail(40));
    }

    public URI uri() {
        return uri;
    }

    Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return log;
    }

    /** The broker's address; its credentials are remembered for {@link EngineClients#kafka(String)}. */
    String kafkaBootstrap() throws IOException {
        String bootstrap = find(KAFKA, 1).orElseThrow(() -> new IllegalStateException("no 'Embedded Kafka broker up on' in " + log));
        EngineClients.remember(bootstrap, dataDir);
        return bootstrap;
    }

    /** The server's address with the hub's credentials in it ({@link ElasticsearchHttp} takes them from there). */
    String elasticsearchUri() throws IOException {
        return EngineClients.elasticsearchWithCredentials(dataDir, find(ELASTICSEARCH, 1).orElseThrow(() ->
                new IllegalStateException("no 'Embedded Elasticsearch ... up on' in " + log)));
    }

    /** The demo credentials the hub wrote, if it wrote any (tenancy seeds them on the first start). */
    public Optional<Path> credentialsFile(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            Optional<Path> found = Stream.of(dataDir.resolve("demo-credentials.json"), dataDir.resolve("data/demo-credentials.json"))
                    .filter(Files::isRegularFile).findFirst();
            if (found.isPresent()) {
                return found;
            }
            pause(200);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /** SIGTERM, then SIGKILL if the hub has not stopped within a minute. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        RUNNING.remove(process);
    }

    /** SIGKILL ({@code Process.destroyForcibly} on Linux), without waiting. */
    void killNow() {
        process.destroyForcibly();
    }

    /**
     * SIGKILL, then waits until the hub and its Elasticsearch child (which the kernel stops with it)
     * are gone.
     */
    public void kill() throws InterruptedException, IOException {
        Optional<Long> elasticsearchPid = find(ELASTICSEARCH, 2).map(Long::parseLong);
        process.destroyForcibly().waitFor();
        RUNNING.remove(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (elasticsearchPid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)
                && System.nanoTime() < deadline) {
            pause(100);
        }
    }

    /** CPU time of the hub and its descendants (the embedded Elasticsearch) so far. */
    Duration cpu() {
        Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : process.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private Optional<String> find(Pattern pattern, int group) throws IOException {
        Matcher matcher = pattern.matcher(log());
        return matcher.find() ? Optional.of(matcher.group(group)) : Optional.empty();
    }

    /** Deletes a data directory the tools created (its Elasticsearch files may belong to another user; root may delete them). */
    public static void deleteDataDir(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** This JVM's class path with absolute entries: the hub runs in its data dir. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
