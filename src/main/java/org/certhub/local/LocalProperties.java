package org.certhub.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded engines ({@code certhub.local.*}). Used only when the matching external
 * cluster ({@code certhub.kafka.bootstrap-servers}, {@code certhub.elasticsearch.uris}) is not set.
 *
 * @param dataDir where Kafka logs, Elasticsearch data and logs live
 * @param distDir where the Elasticsearch server is unpacked (once); {@code <dataDir>/dist} by default
 * @param deleteDataOnExit delete {@code dataDir} when the JVM exits (tests use a fresh one each run)
 * @param stopWith stop the engines with the application context, or only when the JVM exits
 *     (tests share one set of engines between many contexts)
 */
@ConfigurationProperties("certhub.local")
public record LocalProperties(
        @DefaultValue("data") Path dataDir,
        Path distDir,
        @DefaultValue("false") boolean deleteDataOnExit,
        @DefaultValue("context") StopWith stopWith,
        @DefaultValue Kafka kafka,
        @DefaultValue Elasticsearch elasticsearch) {

    public enum StopWith { CONTEXT, JVM }

    Path resolvedDistDir() {
        return distDir != null ? distDir : dataDir.resolve("dist");
    }

    /**
     * @param port client port (0 picks a free one)
     * @param controllerPort KRaft controller port (0 picks a free one)
     */
    public record Kafka(@DefaultValue("9092") int port, @DefaultValue("9093") int controllerPort) {
    }

    /**
     * @param httpPort HTTP port (0 picks a free one)
     * @param transportPort transport port (0 picks a free one)
     * @param version the server version; the build fetches this distribution from Maven Central
     * @param distribution the distribution zip; by default the one the build put under
     *     {@code target/elasticsearch}, else the local Maven repository's copy
     * @param javaHome a JDK >= 21 for the server; found automatically when not set
     * @param runAsUser the unprivileged user the server runs as when the hub runs as root
     * @param heap the server's JVM heap
     * @param startupTimeout how long to wait for the cluster to turn at least yellow
     * @param niceness the server's nice value (Linux, 0 to 19): indexing in the background runs
     *     below the hub's answers to submissions, as the hub's own pipeline threads do
     */
    public record Elasticsearch(
            @DefaultValue("9200") int httpPort,
            @DefaultValue("9300") int transportPort,
            @DefaultValue("9.2.8") String version,
            Path distribution,
            Path javaHome,
            @DefaultValue("certhub-es") String runAsUser,
            @DefaultValue("1GB") DataSize heap,
            @DefaultValue("120s") Duration startupTimeout,
            @DefaultValue("5") int niceness) {

        Optional<Path> configuredDistribution() {
            return Optional.ofNullable(distribution);
        }

        Optional<Path> configuredJavaHome() {
            return Optional.ofNullable(javaHome);
        }
    }
}
