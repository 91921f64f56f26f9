package org.certhub.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 */
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
        @DefaultValue("10s") Duration sendTimeout) {
}
