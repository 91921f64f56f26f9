package org.certhub.playbook;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotificationRequested;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Playbooks and their engine ({@code certhub.playbook.*}).
 *
 * @param enabled run the engine's consumers; off, playbooks are still loaded, listed, validated and simulated
 * @param directory where the playbook files are: {@code <directory>/<id>/v<N>.yaml} (relative to the working directory)
 * @param reloadInterval how often the directory is scanned for new versions and in-place edits
 * @param maxFileSize a playbook file larger than this is refused
 * @param topics the topics the engine reads and writes
 * @param partitions partitions of the runs topic (and of the topics it creates) when the hub creates them
 * @param replicationFactor their replication when the hub creates them
 * @param concurrency consumer threads of each engine stage in this hub instance
 * @param maxPollRecords most records handled in one batch
 * @param maxBackOff longest pause between retries while Elasticsearch or Kafka are unavailable
 * @param idSecret the key run ids are derived with (no default: set it in production, the same on every
 *     instance); run and notification ids reach people who may not see a run's subject, and must not
 *     let them guess it
 * @param idSecretFile where a random key is generated and kept (mode 0600) when {@code id-secret} is
 *     not set: the default run's data dir
 */
@ConfigurationProperties("certhub.playbook")
@Validated
public record PlaybookProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("playbooks") @NotNull Path directory,
        @DefaultValue("5s") @NotNull Duration reloadInterval,
        @DefaultValue("256KB") @NotNull DataSize maxFileSize,
        @DefaultValue @Valid @NotNull Topics topics,
        @DefaultValue("4") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("1") @Min(1) int concurrency,
        @DefaultValue("200") @Min(1) int maxPollRecords,
        @DefaultValue("30s") @NotNull Duration maxBackOff,
        String idSecret,
        Path idSecretFile) {

    /**
     * @param runs the engine's own commands (run requested, notification event, deadline reached),
     *     keyed by run id: the partition of a run id owns that run
     * @param versions every released playbook version with its content and hash (compacted)
     * @param publications {@link PublicationRequested}, for the feed
     * @param notifyRequests {@link NotificationRequested}, for the notify module
     * @param notifyEvents {@link NotificationEvent}s from the notify module
     * @param correlations the correlation events the engine triggers on
     * @param intake the accepted bundles whose incidents the engine triggers on
     * @param deadLetter records the engine cannot read, with the reason
     */
    public record Topics(
            @DefaultValue("certhub.playbook.runs") @NotBlank String runs,
            @DefaultValue("certhub.playbook.versions") @NotBlank String versions,
            @DefaultValue(PublicationRequested.DEFAULT_TOPIC) @NotBlank String publications,
            @DefaultValue(NotificationRequested.DEFAULT_TOPIC) @NotBlank String notifyRequests,
            @DefaultValue(NotificationEvent.DEFAULT_TOPIC) @NotBlank String notifyEvents,
            @DefaultValue("certhub.correlations") @NotBlank String correlations,
            @DefaultValue("certhub.intake") @NotBlank String intake,
            @DefaultValue("certhub.playbook.dlt") @NotBlank String deadLetter) {
    }
}
