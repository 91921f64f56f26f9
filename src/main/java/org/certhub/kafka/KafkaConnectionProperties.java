package org.certhub.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches Kafka ({@code certhub.kafka.*}). When {@code bootstrapServers} is not set, the
 * embedded broker of the {@code local} module fills in all of these, its generated SCRAM account included.
 *
 * @param bootstrapServers the cluster, e.g. {@code kafka1:9093,kafka2:9093}
 * @param securityProtocol {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 *     (trust for SSL: {@code spring.kafka.ssl.*}, e.g. {@code spring.kafka.ssl.bundle}); not set,
 *     {@code spring.kafka.security.protocol} decides (PLAINTEXT by default)
 * @param saslMechanism {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}, used with a SASL protocol
 * @param username the SASL user (with a SASL protocol)
 * @param password the SASL password; never has a default
 */
@ConfigurationProperties("certhub.kafka")
public record KafkaConnectionProperties(
        String bootstrapServers,
        String securityProtocol,
        @DefaultValue("SCRAM-SHA-512") String saslMechanism,
        String username,
        String password) {

    /** Whether the protocol authenticates with SASL, so that a user and password are needed. */
    public boolean sasl() {
        return securityProtocol != null && securityProtocol.toUpperCase(Locale.ROOT).startsWith("SASL_");
    }

    /**
     * The client settings that authenticate (security protocol, SASL mechanism and JAAS line; none
     * when no protocol is set here), for
     * every Kafka client: the hub's own, and any other that must reach the same cluster.
     *
     * @throws IllegalStateException for a SASL protocol without user or password, or an unknown mechanism
     */
    public Map<String, Object> securityProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (securityProtocol == null || securityProtocol.isBlank()) {
            return properties;
        }
        String protocol = securityProtocol.toUpperCase(Locale.ROOT);
        properties.put("security.protocol", protocol);
        if (!sasl()) {
            return properties;
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalStateException("certhub.kafka.security-protocol is " + protocol
                    + ": set certhub.kafka.username and certhub.kafka.password");
        }
        String mechanism = saslMechanism.toUpperCase(Locale.ROOT);
        properties.put("sasl.mechanism", mechanism);
        properties.put("sasl.jaas.config", loginModule(mechanism) + " required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";");
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaConnectionProperties[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", username=" + username + ", password=***]";
    }

    private static String loginModule(String mechanism) {
        return switch (mechanism) {
            case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            default -> throw new IllegalStateException("Unsupported certhub.kafka.sasl-mechanism " + mechanism
                    + " (SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN)");
        };
    }

    /** JAAS option values are double-quoted strings in which a backslash escapes the next character. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
