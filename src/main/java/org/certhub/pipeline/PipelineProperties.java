package org.certhub.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The indexing pipeline ({@code certhub.pipeline.*}).
 *
 * @param concurrency indexer consumer threads in this hub instance
 * @param maxPollRecords most bundles handled in one bulk request
 * @param deadLetterTopic where records that cannot be processed go, with their reason
 * @param maxBackOff longest pause between retries while Elasticsearch is unavailable
 * @param backgroundNiceness how much lower than the HTTP threads the Kafka consumer threads of every
 *     stage run (a Linux nice value, 0 to 19; 0 leaves them alone): see {@link BackgroundPriority}
 * @param deletionsTopic owners' deletions ({@link ObjectDeleted}, keyed by STIX id), kept for ever: the
 *     indexer reads it whole at start-up and never indexes a version received before its deletion
 */
@ConfigurationProperties("certhub.pipeline")
@Validated
public record PipelineProperties(
        @DefaultValue("2") int concurrency,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("certhub.intake.dlt") String deadLetterTopic,
        @DefaultValue("30s") Duration maxBackOff,
        @DefaultValue("5") @Min(0) @Max(19) int backgroundNiceness,
        @DefaultValue("certhub.feed.deletions") @NotBlank String deletionsTopic) {

    /** Where a deletion that cannot be read goes, with its reason. */
    public String deletionsDeadLetterTopic() {
        return deletionsTopic + ".dlt";
    }
}
