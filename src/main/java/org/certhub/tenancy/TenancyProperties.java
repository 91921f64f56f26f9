package org.certhub.tenancy;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.certhub.stix.Tlp;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the community ({@code certhub.tenancy.*}).
 *
 * @param topic the compacted Kafka topic that is the system of record of principals and key hashes
 * @param replicationFactor the topic's replication factor when the hub creates it
 * @param defaultTlp the marking of a new principal's unmarked objects when its creator names none
 * @param startupReadTimeout how long start-up may take to read the whole topic before it fails
 * @param writeTimeout how long a change waits for Kafka's acknowledgement (acks=all)
 * @param demo the demo community of the default run
 */
@ConfigurationProperties("certhub.tenancy")
@Validated
public record TenancyProperties(
        @DefaultValue("certhub.tenancy") @NotBlank String topic,
        @DefaultValue("1") @Min(1) int replicationFactor,
        @DefaultValue("AMBER") @NotNull Tlp defaultTlp,
        @DefaultValue("30s") @NotNull Duration startupReadTimeout,
        @DefaultValue("10s") @NotNull Duration writeTimeout,
        @DefaultValue @Valid @NotNull Demo demo) {

    /**
     * @param enabled create the demo CERTs, partner and admin on first start (turn off in production)
     * @param credentialsFile where their API keys are written (mode 0600); the run puts it in its data dir
     * @param usersFile where the demo console users' passwords are written (mode 0600), beside the keys
     */
    public record Demo(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("data/demo-credentials.json") @NotNull Path credentialsFile,
            @DefaultValue("data/demo-users.json") @NotNull Path usersFile) {
    }
}
