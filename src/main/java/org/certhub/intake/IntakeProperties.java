package org.certhub.intake;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and Kafka settings of the intake ({@code certhub.intake.*}).
 *
 * @param maxBodySize largest accepted request body
 * @param maxObjects most objects in one bundle
 * @param maxDepth deepest JSON nesting in a bundle
 * @param maxStringLength longest JSON string value (characters)
 * @param maxErrors most validation errors listed in one answer
 * @param topic the Kafka topic submissions are made durable in
 * @param partitions partitions of that topic when the hub creates it
 * @param replicationFactor replication of the hub's topics when the hub creates them
 * @param sendTimeout how long a submission waits for Kafka before answering 503
 * @param statusReadTimeout how long a status read waits for Elasticsearch before answering from
 *     memory (pending statuses this instance recorded) or 503
 * @param pendingStatusQueue pending statuses waiting for their bulk write; past it they are kept in
 *     memory only until the bundle is indexed
 * @param pendingStatusMemory pending statuses remembered per instance, answered while Elasticsearch
 *     is behind or unavailable (~300 bytes each)
 * @param admission when the intake refuses new submissions to protect the pipeline and the disk
 */
@Validated
@ConfigurationProperties("certhub.intake")
public record IntakeProperties(
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("10000") int maxObjects,
        @DefaultValue("64") int maxDepth,
        @DefaultValue("1048576") int maxStringLength,
        @DefaultValue("100") int maxErrors,
        @DefaultValue("certhub.intake") String topic,
        @DefaultValue("4") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("2s") Duration statusReadTimeout,
        @DefaultValue("20000") @Positive int pendingStatusQueue,
        @DefaultValue("200000") @Positive int pendingStatusMemory,
        @DefaultValue @Valid Admission admission) {

    /**
     * Back-pressure and the disk guard ({@code certhub.intake.admission.*}).
     *
     * @param maxBacklogObjects objects accepted and not yet indexed past which submissions get 503
     *     until the backlog is below half of it
     * @param backlogGroup the consumer group whose lag is the backlog (the indexer)
     * @param groupPrefix consumer groups whose lag is measured and shown (every stage of the hub)
     * @param dataPath the directory whose file system must keep {@code minFreeDisk} free
     * @param minFreeDisk free space below which submissions get 507 (until 1.5 times it is free)
     * @param interval how often backlog and disk are measured
     * @param retryAfter what {@code Retry-After} says to a refused submitter
     */
    public record Admission(
            @DefaultValue("200000") @Positive long maxBacklogObjects,
            @DefaultValue("certhub-indexer") String backlogGroup,
            @DefaultValue("certhub-") String groupPrefix,
            @DefaultValue("data") Path dataPath,
            @DefaultValue("1GB") DataSize minFreeDisk,
            @DefaultValue("1s") Duration interval,
            @DefaultValue("5s") Duration retryAfter) {
    }
}
