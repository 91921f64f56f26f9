package org.certhub.playbook.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.correlation.CorrelationFound;
import org.certhub.intake.BundleAccepted;
import org.certhub.pipeline.StageProducer;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.ReleasedVersion;
import org.certhub.playbook.internal.RunIds;
import org.certhub.playbook.internal.Subject;
import org.certhub.playbook.internal.Subjects;
import org.certhub.playbook.internal.TransientPlaybookException;
import org.certhub.tenancy.Principal;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matches correlations ({@link CorrelationFound}) and the incidents of accepted bundles against the
 * newest version of every playbook, and requests a run for each match on the runs topic, keyed by
 * the run's deterministic id: the run's owner starts it once, however often it is requested.
 */
@Component
class TriggerStage {

    static final String LISTENER_ID = "certhub-playbook-triggers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlaybookRegistry registry;
    private final Subjects subjects;
    private final PlaybookProducer producer;
    private final PlaybookProperties properties;
    private final RunIds runIds;

    TriggerStage(PlaybookRegistry registry, Subjects subjects, PlaybookProducer producer, PlaybookProperties properties,
            RunIds runIds) {
        this.registry = registry;
        this.runIds = runIds;
        this.subjects = subjects;
        this.producer = producer;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, topics = {"${certhub.playbook.topics.correlations:certhub.correlations}",
            "${certhub.playbook.topics.intake:certhub.intake}"}, containerFactory = PlaybookKafkaConfiguration.TRIGGER_FACTORY,
            batch = "true", autoStartup = "false")
    void match(List<ConsumerRecord<String, byte[]>> records) {
        if (!registry.loaded()) {
            throw new TransientPlaybookException("The playbooks are not loaded yet");
        }
        List<ReleasedVersion> playbooks = registry.newestOfEach();
        StageProducer.Batch batch = producer.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<List<Subject>> read = subjectsOf(record);
            if (read.isEmpty()) {
                producer.deadLetter(record, "neither a correlation nor an accepted bundle");
                continue;
            }
            for (Subject subject : read.get()) {
                for (ReleasedVersion version : playbooks) {
                    if (version.playbook().trigger().on() == subject.kind() && version.playbook().trigger().when().matches(subject)) {
                        String runId = runIds.of(version.id(), version.version(), subject.kind(), subject.id());
                        batch.send(properties.topics().runs(), runId,
                                RunCommand.requested(runId, version.id(), version.version(), subject, Instant.now()).toJson());
                    }
                }
            }
        }
        batch.await();
    }

    private Optional<List<Subject>> subjectsOf(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(properties.topics().correlations())) {
            return CorrelationFound.fromJson(record.value()).map(found -> List.of(subjects.correlation(found)));
        }
        Optional<BundleAccepted> accepted = BundleAccepted.fromRecord(record);
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        Optional<Principal> owner = subjects.principal(accepted.get().owner());
        if (owner.isEmpty() || !mayHoldAnIncident(accepted.get().bundle())) {
            return Optional.of(List.of());
        }
        try {
            JsonNode bundle = JSON.readTree(accepted.get().bundle());
            return Optional.of(new ArrayList<>(subjects.incidents(bundle, owner.get())));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a bundle may hold an {@code incident}: every bundle on the intake topic, so parsing
     * each one costs as much as indexing it. The intake writes bundles as compact JSON, so an
     * incident's type is always the bytes {@code "incident"}; a bundle without them has none (a
     * bundle with them, say as a label, is merely parsed for nothing).
     */
    static boolean mayHoldAnIncident(byte[] bundle) {
        outer:
        for (int i = 0; i <= bundle.length - INCIDENT.length; i++) {
            for (int j = 0; j < INCIDENT.length; j++) {
                if (bundle[i + j] != INCIDENT[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final byte[] INCIDENT = "\"incident\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
