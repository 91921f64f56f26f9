package org.certhub.playbook.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.notify.NotificationEvent;
import org.certhub.pipeline.StageProducer;
import org.certhub.playbook.PlaybookProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Forwards the notify module's events (deliveries, dead letters, acknowledgements) to the runs
 * topic, keyed by run id: whatever the events topic's partitioning, each event reaches the consumer
 * that owns its run, after the run's earlier commands.
 */
@Component
class EventRelay {

    static final String LISTENER_ID = "certhub-playbook-events";

    private final PlaybookProducer producer;
    private final PlaybookProperties properties;

    EventRelay(PlaybookProducer producer, PlaybookProperties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.playbook.topics.notify-events:certhub.notify.events}",
            containerFactory = PlaybookKafkaConfiguration.EVENTS_FACTORY, batch = "true", autoStartup = "false")
    void relay(List<ConsumerRecord<String, byte[]>> records) {
        StageProducer.Batch batch = producer.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<NotificationEvent> event = NotificationEvent.fromJson(record.value());
            if (event.isEmpty() || event.get().runId() == null || event.get().kind() == null) {
                producer.deadLetter(record, "not a notification event");
                continue;
            }
            if (event.get().runId().startsWith("run-")) {
                batch.send(properties.topics().runs(), event.get().runId(), RunCommand.event(event.get(), Instant.now()).toJson());
            }
        }
        batch.await();
    }
}
