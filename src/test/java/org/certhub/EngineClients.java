package org.certhub;

import org.certhub.EngineClients;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.CommonClientConfigs;
import org.certhub.kafka.KafkaConnectionProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The one way for tests and benchmarks to open their own Kafka clients or Elasticsearch calls on the
 * hub's engines: the embedded engines ask for credentials, which the hub publishes as
 * {@code certhub.kafka.*} / {@code certhub.elasticsearch.*} (in a context) and keeps in
 * {@code <data-dir>/engine-credentials.properties} (for a hub run as a process).
 */
public final class EngineClients {

    private static final Map<String, Map<String, Object>> KNOWN_KAFKA = new ConcurrentHashMap<>();

    private EngineClients() {
    }

    /**
     * Remembers the credentials of the broker at {@code bootstrap} (a hub process's, kept under
     * {@code dataDir}), for {@link #kafka(String)}. Tools that only pass a bootstrap address around use this.
     */
    public static void remember(String bootstrap, Path dataDir) {
        if (Files.exists(dataDir.resolve("engine-credentials.properties"))) {
            KNOWN_KAFKA.put(bootstrap, kafka(dataDir, bootstrap));
        }
    }

    /** A client config for the broker at {@code bootstrap}: with its credentials when they were remembered. */
    public static Map<String, Object> kafka(String bootstrap) {
        return new HashMap<>(KNOWN_KAFKA.getOrDefault(bootstrap, Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
    }

    /** Bootstrap servers and credentials of the hub's Kafka, for a producer, consumer or admin client. */
    public static Map<String, Object> kafka(Environment hub) {
        KafkaConnectionProperties connection = Binder.get(hub).bindOrCreate("certhub.kafka", KafkaConnectionProperties.class);
        Map<String, Object> config = new HashMap<>(connection.securityProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        return config;
    }

    /** The same for a hub run as a process on {@code dataDir}, whose broker listens on {@code bootstrap}. */
    public static Map<String, Object> kafka(Path dataDir, String bootstrap) {
        Properties credentials = credentials(dataDir);
        Map<String, Object> config = new HashMap<>(new KafkaConnectionProperties(bootstrap, "SASL_PLAINTEXT", "SCRAM-SHA-512",
                credentials.getProperty("username"), credentials.getProperty("kafka.password")).securityProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    /** {@code http://user:password@host:port} of a hub process's Elasticsearch at {@code uri}. */
    public static String elasticsearchWithCredentials(Path dataDir, String uri) {
        Properties credentials = credentials(dataDir);
        return uri.replaceFirst("://", "://" + credentials.getProperty("username") + ":"
                + credentials.getProperty("elasticsearch.password") + "@");
    }

    /** The {@code Authorization} header value for the hub's Elasticsearch. */
    public static String elasticsearchAuthorization(Environment hub) {
        String user = hub.getProperty("certhub.elasticsearch.username") + ":" + hub.getProperty("certhub.elasticsearch.password");
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code --name=value} arguments that point another hub at this hub's engines as external
     * clusters, credentials included.
     */
    public static List<String> externalArguments(Environment hub) {
        return List.of("certhub.kafka.bootstrap-servers", "certhub.kafka.security-protocol", "certhub.kafka.sasl-mechanism",
                        "certhub.kafka.username", "certhub.kafka.password", "certhub.elasticsearch.uris",
                        "certhub.elasticsearch.username", "certhub.elasticsearch.password").stream()
                .map(name -> "--" + name + "=" + hub.getProperty(name)).toList();
    }

    private static Properties credentials(Path dataDir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("engine-credentials.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("no engine credentials under " + dataDir, e);
        }
        return properties;
    }
}
