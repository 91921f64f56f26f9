package org.certhub.feed.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.pipeline.ObjectDeleted;
import org.certhub.pipeline.PipelineProperties;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes an owner's deletion durable on the deletions topic, which the pipeline applies to the
 * indices and the feed to its scope topics; 503 when Kafka does not acknowledge it.
 */
@Component
public class DeletionPublisher {

    private final PipelineProperties properties;
    private final KafkaTemplate<String, byte[]> kafka;

    DeletionPublisher(PipelineProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate) {
        this.properties = properties;
        this.kafka = intakeKafkaTemplate;
    }

    public void publish(ObjectDeleted deleted) {
        try {
            kafka.send(new ProducerRecord<>(properties.deletionsTopic(), deleted.stixId(), deleted.toJson())).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException | org.apache.kafka.common.KafkaException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
                "Temporarily unavailable", "The deletion could not be made durable; nothing was deleted. Retry later."),
                headers);
    }
}
