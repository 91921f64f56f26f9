package org.certhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub as a separate process, as an operator runs it: its embedded Elasticsearch must never
 * outlive it, whether it is stopped (SIGTERM) or killed (SIGKILL), and a second start reuses the
 * unpacked server and the data of the first.
 */
class HubProcessIntegrationTests {

    private static final Pattern ELASTICSEARCH_PID = Pattern.compile("Embedded Elasticsearch \\S+ up on \\S+ \\(pid (\\d+)");
    private static Path dataDir;

    @BeforeAll
    static void createDataDir() throws IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "certhub-it"));
        // Elasticsearch may run as another user: the directory must be traversable (temp dirs are 0700).
        dataDir = Files.createTempDirectory(root, "process-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterAll
    static void deleteDataDir() throws IOException {
        ElasticsearchDistribution.deleteRecursively(dataDir);
    }

    @Test
    void elasticsearchStopsWithTheHubWhetherStoppedOrKilled() throws Exception {
        Hub first = Hub.start(dataDir);
        long firstElasticsearch = first.elasticsearchPid();
        first.process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !first.process.isAlive() && !alive(firstElasticsearch));

        Hub second = Hub.start(dataDir);
        long secondElasticsearch = second.elasticsearchPid();
        assertThat(second.log()).doesNotContain("Unpacking Elasticsearch");
        second.process.destroyForcibly();
        await().atMost(Duration.ofSeconds(60)).until(() -> !second.process.isAlive() && !alive(secondElasticsearch));
        assertThat(Files.exists(dataDir.resolve("kafka/meta.properties"))).isTrue();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A hub started with {@code java -cp <test class path> CerthubApplication} on free ports. */
    private record Hub(Process process, Path logFile) {

        static Hub start(Path dataDir) throws IOException {
            Path log = Files.createTempFile(dataDir, "hub-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), "org.certhub.CerthubApplication",
                    "--server.port=0", "--certhub.local.data-dir=" + dataDir,
                    "--certhub.local.dist-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "certhub-dist"),
                    "--certhub.local.kafka.port=0", "--certhub.local.kafka.controller-port=0",
                    "--certhub.local.elasticsearch.http-port=0", "--certhub.local.elasticsearch.transport-port=0",
                    "--certhub.local.elasticsearch.heap=512MB"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Hub hub = new Hub(process, log);
            await().atMost(Duration.ofSeconds(150)).until(() -> hub.log().contains("Started CerthubApplication")
                    || !process.isAlive());
            assertThat(process.isAlive()).as("hub started; its log:\n%s", hub.log()).isTrue();
            return hub;
        }

        long elasticsearchPid() throws IOException {
            Matcher matcher = ELASTICSEARCH_PID.matcher(log());
            assertThat(matcher.find()).as("the hub logs the Elasticsearch pid").isTrue();
            return Long.parseLong(matcher.group(1));
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }
    }
}
