package org.certhub.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The accounts the hub uses on its embedded engines: one SCRAM user on the Kafka listener, one
 * Elasticsearch user. Generated on the first start into {@code <data-dir>/engine-credentials.properties}
 * (mode 0600, so only the hub's own user can read them) and reused by every later start, since the
 * engines keep them in their data (Kafka's metadata log, the Elasticsearch config beside the data).
 *
 * @param username the one account name on both engines
 * @param kafkaPassword the Kafka SCRAM password
 * @param elasticsearchPassword the Elasticsearch password
 * @param generated whether this start created them (a Kafka log formatted earlier lacks the SCRAM user)
 */
record EngineCredentials(String username, String kafkaPassword, String elasticsearchPassword, boolean generated) {

    static final String FILE_NAME = "engine-credentials.properties";
    private static final String USERNAME = "certhub";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The credentials kept under {@code dataDir}, generated and written (0600) when there are none yet. */
    static EngineCredentials under(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Optional<EngineCredentials> existing = read(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            EngineCredentials created = new EngineCredentials(USERNAME, secret(), secret(), true);
            write(file, created);
            return created;
        } catch (IOException e) {
            throw new LocalInfrastructureException("Cannot read or write the engines' credentials in " + file, e);
        }
    }

    @Override
    public String toString() {
        return "EngineCredentials[username=" + username + ", passwords=***]";
    }

    private static Optional<EngineCredentials> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String username = properties.getProperty("username");
        String kafka = properties.getProperty("kafka.password");
        String elasticsearch = properties.getProperty("elasticsearch.password");
        if (username == null || kafka == null || elasticsearch == null) {
            throw new IOException("Incomplete credentials file (username, kafka.password, elasticsearch.password)");
        }
        return Optional.of(new EngineCredentials(username, kafka, elasticsearch, false));
    }

    /** Written to a 0600 temporary file first: the passwords are never readable by others, not even briefly. */
    private static void write(Path file, EngineCredentials credentials) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Properties properties = new Properties();
        properties.setProperty("username", credentials.username());
        properties.setProperty("kafka.password", credentials.kafkaPassword());
        properties.setProperty("elasticsearch.password", credentials.elasticsearchPassword());
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Accounts of the hub on its embedded Kafka and Elasticsearch; keep private");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** 32 random bytes, URL-safe base64: nothing that needs quoting in a JAAS line or a URL. */
    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
