package org.certhub.notify;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification delivery ({@code certhub.notify.*}).
 *
 * @param requestsTopic {@link NotificationRequested} messages, keyed by notification id
 * @param eventsTopic {@link NotificationEvent} messages, keyed by run id
 * @param notificationsTopic the Kafka channel: notifications for recipients that consume them from
 *     Kafka, keyed by recipient principal id
 * @param deadLetterTopic request records that cannot be read, with the reason
 * @param consumerGroup the consumer group of the hub instances that share the deliveries
 * @param partitions partitions of the topics when the hub creates them; a request topic partition
 *     is the unit of delivery ownership between hub instances
 * @param replicationFactor their replication when the hub creates them
 * @param delivery retries, back-off and the scheduler
 * @param webhookTimeout connect and response timeout of one webhook POST
 * @param mailFrom the sender address of notification e-mail
 * @param publicBaseUrl the hub's address as recipients reach it: the base of e-mail acknowledgement links
 * @param ackLinkSecret the HMAC key of acknowledgement links (no default: set it in production)
 * @param ackLinkSecretFile where a random key is generated and kept (mode 0600) when
 *     {@code ack-link-secret} is not set: the default run's data dir
 */
@ConfigurationProperties("certhub.notify")
@Validated
public record NotifyProperties(
        @DefaultValue(NotificationRequested.DEFAULT_TOPIC) @NotBlank String requestsTopic,
        @DefaultValue(NotificationEvent.DEFAULT_TOPIC) @NotBlank String eventsTopic,
        @DefaultValue("certhub.notifications") @NotBlank String notificationsTopic,
        @DefaultValue("certhub.notify.dlt") @NotBlank String deadLetterTopic,
        @DefaultValue("certhub-notify") @NotBlank String consumerGroup,
        @DefaultValue("4") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue @Valid @NotNull Delivery delivery,
        @DefaultValue("10s") @NotNull Duration webhookTimeout,
        @DefaultValue("certhub@localhost") @NotBlank String mailFrom,
        @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
        String ackLinkSecret,
        Path ackLinkSecretFile) {

    /**
     * @param maxAttempts attempts per channel before it is dead-lettered
     * @param maxAge a channel still undelivered this long after the request is dead-lettered
     * @param initialBackOff pause after the first failed attempt
     * @param backOffMultiplier growth of the pause after each further failure
     * @param jitter randomisation of each pause (0.5: between half and one and a half times it)
     * @param maxBackOff the longest pause
     * @param claimTimeout how long an attempt claimed by an instance that then died blocks the next one
     * @param pollInterval how often due retries are looked for
     * @param threads concurrent delivery attempts in this instance
     */
    public record Delivery(
            @DefaultValue("10") @Min(1) int maxAttempts,
            @DefaultValue("24h") @NotNull Duration maxAge,
            @DefaultValue("2s") @NotNull Duration initialBackOff,
            @DefaultValue("2.0") @DecimalMin("1.0") double backOffMultiplier,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("0.99") double jitter,
            @DefaultValue("5m") @NotNull Duration maxBackOff,
            @DefaultValue("60s") @NotNull Duration claimTimeout,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("4") @Min(1) int threads) {
    }
}
