package org.certhub.correlation.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.correlation.CorrelationFound;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.correlation.ObservationRecorded;
import org.certhub.correlation.internal.Correlation;
import org.certhub.correlation.internal.CorrelationCache;
import org.certhub.correlation.internal.CorrelationStore;
import org.certhub.correlation.internal.NetworkBreadth;
import org.certhub.correlation.internal.Suppression;
import org.certhub.pipeline.StageProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stage two: merges a batch of sightings into the correlations of their values. Every sighting of
 * one value arrives on one partition (the topic is keyed {@code type:value}), so one thread owns
 * each correlation and no two instances merge the same one concurrently; the conditional write
 * catches the rare overlap during a rebalance. Per batch: one multi-get of the summaries and members
 * not in the {@link CorrelationCache}, at most two containment searches, one bulk write.
 * <p>
 * New and grown correlations are announced <em>before</em> the write and the offset commit: after
 * a crash the batch is merged again against what was stored and announces the same growth again
 * (same id and member count), where announcing after the write could lose the event for good.
 */
@Component
class CorrelationEngine {

    static final String LISTENER_ID = "certhub-correlation";
    /** Most networks (or addresses) one batch's containment search brings back. */
    private static final int CONTAINMENT_HITS = 1000;
    private static final Logger log = LoggerFactory.getLogger(CorrelationEngine.class);

    private final CorrelationStore store;
    private final CorrelationProducer producer;
    private final CorrelationProperties properties;
    private final Suppression suppression;
    private final Correlation.Limits limits;
    private final Containment containment;
    private final CorrelationCache cache;

    CorrelationEngine(CorrelationStore store, CorrelationProducer producer, CorrelationProperties properties) {
        this.store = store;
        this.producer = producer;
        this.properties = properties;
        this.suppression = new Suppression(properties.suppressedValues(), properties.maxMembers());
        this.limits = new Correlation.Limits(properties.maxStoredMembers(), properties.maxObjectIdsPerMember());
        this.containment = new Containment(store, suppression, NetworkBreadth.of(properties), CONTAINMENT_HITS);
        this.cache = new CorrelationCache(properties.cachedMembers());
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.correlation.topics.observations:certhub.observations}",
            containerFactory = CorrelationKafkaConfiguration.CORRELATE_FACTORY, batch = "true", autoStartup = "false")
    void correlate(List<ConsumerRecord<String, byte[]>> records) {
        try {
            merge(records);
        } catch (RuntimeException e) {
            // A conflict, an outage or a crash mid-batch: the batch is read and merged again from
            // what is stored, not from what this instance believed.
            cache.clear();
            throw e;
        }
    }

    private void merge(List<ConsumerRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        Map<String, List<ObservationRecorded>> byCorrelation = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<ObservationRecorded> observation = ObservationRecorded.fromJson(record.value());
            if (observation.isEmpty()) {
                producer.deadLetter(record, "not an observation");
                continue;
            }
            byCorrelation.computeIfAbsent(Correlation.idOf(observation.get().key()), id -> new ArrayList<>())
                    .add(observation.get());
        }
        long read = System.nanoTime();
        List<ObservationRecorded> elsewhere = containment.add(byCorrelation);
        long contained = System.nanoTime();
        Map<String, CorrelationStore.Stored> stored = cache.load(byCorrelation, store);
        long loaded = System.nanoTime();
        List<CorrelationStore.Change> changed = new ArrayList<>();
        List<CorrelationFound> announced = new ArrayList<>();
        for (Map.Entry<String, List<ObservationRecorded>> entry : byCorrelation.entrySet()) {
            CorrelationStore.Stored before = stored.get(entry.getKey());
            Correlation after = before.correlation().merge(entry.getValue(), suppression, limits);
            if (!after.equals(before.correlation()) && !cache.defer(after)) {
                changed.add(new CorrelationStore.Change(before, after));
            }
            if (after.announcesOver(before.correlation())) {
                announced.add(after.found());
            }
        }
        StageProducer.Batch batch = producer.batch();
        announced.forEach(found -> batch.send(properties.topics().correlations(), found.id(), found.toJson()));
        elsewhere.forEach(observation -> batch.send(properties.topics().observations(), observation.key(), observation.toJson()));
        batch.await();
        long published = System.nanoTime();
        cache.putAll(store.write(changed));
        if (log.isDebugEnabled()) {
            long written = System.nanoTime();
            log.debug("Merged {} sightings into {} values ({} changed, {} announced) in {} ms: read {}, containment {}, "
                    + "load {}, merge and publish {}, write {}", records.size(), byCorrelation.size(), changed.size(),
                    announced.size(), millis(written - started), millis(read - started), millis(contained - read),
                    millis(loaded - contained), millis(published - loaded), millis(written - published));
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
