package org.certhub.feed.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.feed.FeedProperties;
import org.certhub.feed.ObjectDeleted;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Makes an owner's deletion durable on the deletions topic; 503 when Kafka does not acknowledge it. */
@Component
public class DeletionPublisher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedProperties properties;
    private final KafkaTemplate<String, byte[]> kafka;

    DeletionPublisher(FeedProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate) {
        this.properties = properties;
        this.kafka = intakeKafkaTemplate;
    }

    public void publish(ObjectDeleted deleted) {
        try {
            kafka.send(new ProducerRecord<>(properties.kafka().deletionsTopic(), deleted.stixId(),
                    JSON.writeValueAsBytes(deleted))).get(10, TimeUnit.SECONDS);
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
