package org.certhub.correlation.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.correlation.ObservationRecorded;
import org.certhub.correlation.internal.Containers;
import org.certhub.correlation.internal.TechniqueTargets;
import org.certhub.intake.BundleAccepted;
import org.certhub.pipeline.StageProducer;
import org.certhub.stix.Tlp;
import org.certhub.stix.observable.Observable;
import org.certhub.stix.observable.ObservableExtractor;
import org.certhub.stix.observable.ObservableType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

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
            return sightings(accepted.get(), TreeWithoutDescriptions.read(accepted.get().bundle()));
        } catch (JacksonException | IllegalArgumentException e) {
            producer.deadLetter(record, "unreadable bundle: " + e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** Every distinct (value, container, object) of the bundle. */
    static List<ObservationRecorded> sightings(BundleAccepted accepted, JsonNode bundle) {
        JsonNode objects = bundle.path("objects");
        Map<String, String> containers = Containers.assign(objects, accepted.bundleId());
        Map<String, ObservationRecorded> distinct = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            String objectId = object.path("id").asString("");
            if (objectId.isEmpty()) {
                continue;
            }
            String tlp = tlpOf(object).label();
            String container = containers.getOrDefault(objectId, accepted.bundleId());
            for (Observable observable : ObservableExtractor.extract(object)) {
                if (observable.type() == ObservableType.OTHER) {
                    continue;
                }
                ObservationRecorded observation = ObservationRecorded.of(observable, accepted.owner(), container, objectId,
                        tlp, accepted.receivedAt());
                distinct.putIfAbsent(observation.key() + '\n' + container + '\n' + objectId, observation);
            }
        }
        for (ObservationRecorded observation : TechniqueTargets.sightings(objects, containers, accepted.owner(),
                accepted.receivedAt())) {
            distinct.putIfAbsent(observation.key() + '\n' + observation.container() + '\n' + observation.objectId(), observation);
        }
        return new ArrayList<>(distinct.values());
    }

    /** The intake marked every object; one that is not marked anyway is taken as AMBER, the hub's default. */
    private static Tlp tlpOf(JsonNode object) {
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(ref -> refs.add(ref.asString("")));
        return Tlp.strictest(refs).orElse(Tlp.AMBER);
    }
}
