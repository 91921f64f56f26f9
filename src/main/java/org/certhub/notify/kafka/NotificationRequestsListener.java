package org.certhub.notify.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.notify.NotificationRequested;
import org.certhub.notify.internal.Deliveries;
import org.certhub.notify.internal.Incoming;
import org.certhub.notify.internal.NotifyProducer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link NotificationRequested} messages: what cannot be read or breaks the contract goes to
 * the dead-letter topic; the rest is recorded (a repeated notification id is dropped there) and
 * delivered. Offsets are committed after the batch is recorded, so a crash loses no request.
 */
@Component
class NotificationRequestsListener {

    static final String LISTENER_ID = "certhub-notify";
    /** Notification ids appear in URLs and headers: keep them to a safe alphabet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final Deliveries deliveries;
    private final NotifyProducer producer;

    NotificationRequestsListener(Deliveries deliveries, NotifyProducer producer) {
        this.deliveries = deliveries;
        this.producer = producer;
    }

    @KafkaListener(id = LISTENER_ID, groupId = "${certhub.notify.consumer-group:certhub-notify}",
            topics = "${certhub.notify.requests-topic:certhub.notify.requests}",
            containerFactory = NotifyKafkaConfiguration.FACTORY, batch = "true", autoStartup = "false")
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        List<Incoming> incoming = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<NotificationRequested> request = record.value() == null ? Optional.empty()
                    : NotificationRequested.fromJson(record.value());
            Optional<String> problem = request.isEmpty() ? Optional.of("not a NotificationRequested")
                    : contractBroken(request.get());
            if (problem.isPresent()) {
                producer.deadLetter(record, problem.get());
            } else {
                incoming.add(new Incoming(request.get(), record.topic(), record.partition()));
            }
        }
        deliveries.accept(incoming);
    }

    static Optional<String> contractBroken(NotificationRequested request) {
        if (request.schemaVersion() < 1 || request.schemaVersion() > NotificationRequested.SCHEMA_VERSION) {
            return Optional.of("unknown schema_version " + request.schemaVersion());
        }
        if (request.notificationId() == null || !ID.matcher(request.notificationId()).matches()) {
            return Optional.of("notification_id missing or not of [A-Za-z0-9._:-]{1,200}");
        }
        if (request.recipient() == null || request.recipient().isBlank()) {
            return Optional.of("recipient missing");
        }
        if (request.runId() == null || request.channels().isEmpty()) {
            return Optional.of("run_id or channels missing");
        }
        if (request.subject() == null || request.text() == null || request.tlp() == null) {
            return Optional.of("subject, text or tlp missing");
        }
        return Optional.empty();
    }
}
