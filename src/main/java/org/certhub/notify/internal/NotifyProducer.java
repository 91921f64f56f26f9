package org.certhub.notify.internal;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotifyProperties;
import org.certhub.pipeline.StageProducer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The notify module's producer: {@link NotificationEvent}s keyed by run id, and unreadable requests
 * to the dead-letter topic. Every send waits for Kafka's acknowledgement.
 */
@Component
public class NotifyProducer implements DisposableBean {

    private final StageProducer producer;
    private final NotifyProperties properties;

    NotifyProducer(KafkaProperties kafkaProperties, NotifyProperties properties) {
        this.producer = new StageProducer(kafkaProperties, "certhub-notify-events", 0);
        this.properties = properties;
    }

    void publish(List<NotificationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StageProducer.Batch batch = producer.batch();
        events.forEach(event -> batch.send(properties.eventsTopic(), event.runId(), event.toJson()));
        batch.await();
    }

    /** Moves a request record that cannot be read to the dead-letter topic, with the reason. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        producer.deadLetter(properties.deadLetterTopic(), record, reason);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
