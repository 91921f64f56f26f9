package org.certhub.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The indexing pipeline ({@code certhub.pipeline.*}).
 *
 * @param concurrency indexer consumer threads in this hub instance
 * @param maxPollRecords most bundles handled in one bulk request
 * @param deadLetterTopic where records that cannot be processed go, with their reason
 * @param maxBackOff longest pause between retries while Elasticsearch is unavailable
 */
@ConfigurationProperties("certhub.pipeline")
public record PipelineProperties(
        @DefaultValue("2") int concurrency,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("certhub.intake.dlt") String deadLetterTopic,
        @DefaultValue("30s") Duration maxBackOff) {
}
