package org.certhub.correlation.kafka;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.correlation.ObservationRecorded;
import org.certhub.correlation.Sightings;
import org.certhub.intake.BundleAccepted;
import org.certhub.pipeline.StageProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

/**
 * Stage one: reads accepted bundles and publishes one {@link ObservationRecorded} per sighting
 * (value, object, container) to the observations topic, keyed {@code type:value}. Stateless, so
 * a replay only repeats sightings, which the next stage merges away.
 */
@Component
class ObservationExtractor {

    static final String LISTENER_ID = "certhub-correlation-extract";
    private static final Logger log = LoggerFactory.getLogger(ObservationExtractor.class);

    private final CorrelationProducer producer;
    private final CorrelationProperties properties;

    ObservationExtractor(CorrelationProducer producer, CorrelationProperties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.intake.topic:certhub.intake}",
            containerFactory = CorrelationKafkaConfiguration.EXTRACT_FACTORY, batch = "true", autoStartup = "false")
    void extract(List<ConsumerRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        StageProducer.Batch batch = producer.batch();
        int sightings = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            for (ObservationRecorded observation : read(record)) {
                batch.send(properties.topics().observations(), observation.key(), observation.toJson());
                sightings++;
            }
        }
        batch.await();
        log.debug("Extracted {} sightings from {} bundles in {} ms", sightings, records.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private List<ObservationRecorded> read(ConsumerRecord<String, byte[]> record) {
        Optional<BundleAccepted> accepted = BundleAccepted.fromRecord(record);
        if (accepted.isEmpty()) {
            producer.deadLetter(record, "missing or unreadable certhub headers");
            return List.of();
        }
        try {
            return Sightings.of(accepted.get(), TreeWithoutDescriptions.read(accepted.get().bundle()));
        } catch (JacksonException | IllegalArgumentException e) {
            producer.deadLetter(record, "unreadable bundle: " + e.getClass().getSimpleName());
            return List.of();
        }
    }
}
