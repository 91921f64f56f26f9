package org.certhub.feed.subscription;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook subscriptions ({@code certhub.feed.subscriptions.*}).
 *
 * @param topic the compacted topic holding every subscription and its delivery status
 * @param partitions its partitions when the hub creates it: the unit by which hub instances share deliveries
 * @param replicationFactor its replication when the hub creates it
 * @param minSecretLength shortest accepted signing secret (characters)
 * @param maxPerPrincipal most subscriptions one principal may hold
 * @param maxObjectsPerPost most objects in one POSTed bundle; a larger submission is sent in several
 * @param connectTimeout how long a delivery waits to connect
 * @param requestTimeout how long a delivery waits for the receiver's answer
 * @param initialBackOff the first pause after a failed delivery; doubled per attempt, with jitter
 * @param maxBackOff the longest pause between attempts
 * @param maxRetryAge how long one delivery is retried before the subscription turns {@code failing}
 */
@ConfigurationProperties("certhub.feed.subscriptions")
@Validated
public record SubscriptionProperties(
        @DefaultValue("certhub.feed.subscriptions") @NotBlank String topic,
        @DefaultValue("4") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("32") @Min(16) int minSecretLength,
        @DefaultValue("20") @Min(1) int maxPerPrincipal,
        @DefaultValue("500") @Min(1) int maxObjectsPerPost,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("15s") @NotNull Duration requestTimeout,
        @DefaultValue("1s") @NotNull Duration initialBackOff,
        @DefaultValue("5m") @NotNull Duration maxBackOff,
        @DefaultValue("24h") @NotNull Duration maxRetryAge) {
}
