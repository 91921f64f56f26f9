package org.certhub.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.certhub.kafka.KafkaConnectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker and controller) running inside the hub's JVM: it
 * cannot outlive the hub, so a crash of the hub leaves no orphan broker behind.
 * <p>
 * Both listeners authenticate, so that another local user cannot read or write the hub's topics
 * (the tenancy topic holds key hashes: a forged record there would be a way to admin). Clients use
 * SCRAM-SHA-512 on the broker listener; its one account is bootstrapped into the metadata log when the
 * directory is formatted. A log formatted before the account existed gets it on the one start that
 * finds it missing: then the broker listener also takes SASL/PLAIN with the account (checked against
 * its JAAS line, not the metadata), through which the SCRAM account is added.
 * The controller listener uses SASL/PLAIN with the same account, declared in its JAAS line: SCRAM
 * credentials live in the metadata the controller itself serves, so they cannot protect it.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CLIENT_LISTENER = "SASL_PLAINTEXT";
    private static final String CLIENT_MECHANISM = "SCRAM-SHA-512";
    private static final String CONTROLLER_MECHANISM = "PLAIN";

    private final KafkaRaftServer server;
    private final KafkaConnectionProperties connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, KafkaConnectionProperties connection) {
        this.server = server;
        this.connection = connection;
    }

    static EmbeddedKafka start(Path logDir, int configuredPort, int configuredControllerPort, EngineCredentials credentials) {
        long started = System.nanoTime();
        int port = FreePorts.resolve(configuredPort);
        int controllerPort = FreePorts.resolve(configuredControllerPort);
        String dir = createPrivateDirectory(logDir).toAbsolutePath().toString();
        boolean formattedEarlier = Files.exists(Path.of(dir, "meta.properties"));
        boolean addingAccount = formattedEarlier && credentials.generated();
        KafkaConfig config = new KafkaConfig(brokerProperties(dir, port, controllerPort, credentials, addingAccount), false);
        if (!formattedEarlier) {
            format(dir, credentials);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        KafkaConnectionProperties connection = new KafkaConnectionProperties("127.0.0.1:" + port, CLIENT_LISTENER,
                CLIENT_MECHANISM, credentials.username(), credentials.kafkaPassword());
        try {
            if (addingAccount) {
                addAccount(port, credentials);
            }
            awaitReady(connection, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        log.info("Embedded Kafka broker up on {} (SASL {}, controller port {}, data {}) in {} ms",
                connection.bootstrapServers(), CLIENT_MECHANISM, controllerPort, dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new EmbeddedKafka(server, connection);
    }

    String bootstrapServers() {
        return connection.bootstrapServers();
    }

    /** How a client reaches and authenticates to this broker, as {@code certhub.kafka.*} properties. */
    Map<String, String> connectionProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("certhub.kafka.bootstrap-servers", connection.bootstrapServers());
        properties.put("certhub.kafka.security-protocol", connection.securityProtocol());
        properties.put("certhub.kafka.sasl-mechanism", connection.saslMechanism());
        properties.put("certhub.kafka.username", connection.username());
        properties.put("certhub.kafka.password", connection.password());
        return properties;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping the embedded Kafka broker on {}", connection.bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(String dir, int port, int controllerPort, EngineCredentials credentials,
            boolean addingAccount) {
        String user = credentials.username();
        String password = credentials.kafkaPassword();
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", CLIENT_LISTENER + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER
                        + "://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + port),
                Map.entry("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT,"
                        + CONTROLLER_LISTENER + ":SASL_PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", CLIENT_LISTENER),
                Map.entry("sasl.enabled.mechanisms", CLIENT_MECHANISM),
                Map.entry("sasl.mechanism.inter.broker.protocol", CLIENT_MECHANISM),
                Map.entry("sasl.mechanism.controller.protocol", CONTROLLER_MECHANISM),
                Map.entry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", CLIENT_MECHANISM),
                Map.entry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                                + "\" password=\"" + password + "\";"),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", CONTROLLER_MECHANISM),
                // PLAIN: the server side checks user_<name>, the broker's own controller client sends username/password.
                Map.entry("listener.name.controller.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                                + "\" password=\"" + password + "\" user_" + user + "=\"" + password + "\";"),
                Map.entry("log.dirs", dir),
                // One node: internal topics cannot be replicated.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The hub declares its topics; a typo must not silently create one.
                Map.entry("auto.create.topics.enable", "false")));
        if (addingAccount) {
            props.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", CLIENT_MECHANISM + "," + CONTROLLER_MECHANISM);
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + user + "=\"" + password + "\";");
        }
        return props;
    }

    /**
     * Formats the log directory on first use, with the hub's SCRAM account in the bootstrap
     * metadata; a formatted one keeps its cluster id, data and accounts.
     */
    private static void format(String dir, EngineCredentials credentials) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dir))
                    .setMetadataLogDirectory(dir)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setScramArguments(List.of(CLIENT_MECHANISM + "=[name=" + credentials.username()
                            + ",password=" + credentials.kafkaPassword() + "]"))
                    .run();
        } catch (Exception e) {
            throw new LocalInfrastructureException("Could not format the Kafka log directory " + dir, e);
        }
    }

    /**
     * Adds the hub's SCRAM account to a log formatted before it existed, over SASL/PLAIN (checked
     * against the listener's JAAS line, which needs no metadata); controllers do not take this request directly.
     */
    private static void addAccount(int port, EngineCredentials credentials) {
        Map<String, Object> config = new HashMap<>(new KafkaConnectionProperties(null, "SASL_PLAINTEXT",
                CONTROLLER_MECHANISM, credentials.username(), credentials.kafkaPassword()).securityProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        try (Admin admin = Admin.create(config)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(credentials.username(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), credentials.kafkaPassword())))
                    .all().get(60, TimeUnit.SECONDS);
            log.info("Added the account {} to the Kafka log formatted before accounts existed", credentials.username());
        } catch (Exception e) {
            throw new LocalInfrastructureException("Could not add the hub's account to the embedded Kafka broker", e);
        }
    }

    /** Ready once the broker answers an authenticated client (an added account may take a moment to arrive). */
    private static void awaitReady(KafkaConnectionProperties connection, Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection.securityProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) left))
                            .nodes().get(left, TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            }
        } catch (Exception e) {
            throw new LocalInfrastructureException("The embedded Kafka broker on " + connection.bootstrapServers()
                    + " did not become ready within " + timeout, e);
        }
    }

    /** The log directory, readable by the hub's user only: the topics' data is on disk there. */
    private static Path createPrivateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system: nothing to restrict
            }
            return dir;
        } catch (IOException e) {
            throw new LocalInfrastructureException("Cannot create the Kafka data directory " + dir, e);
        }
    }
}
