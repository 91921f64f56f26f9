package org.certhub.playbook.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.certhub.notify.NotificationRequested;
import org.certhub.pipeline.StageProducer;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.PublicationRequested;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.ReleasedVersion;
import org.certhub.playbook.internal.Run;
import org.certhub.playbook.internal.RunMachine;
import org.certhub.playbook.internal.RunStore;
import org.certhub.playbook.internal.TransientPlaybookException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The run owner: applies the runs topic's commands to the runs of its partitions. Per batch: one
 * multi-get of the runs, the transitions in record order, every notification and publication sent
 * and acknowledged, then one bulk write of the new states, then the offsets. A crash before the
 * write replays the batch: the same deterministic notification ids are sent again, which the notify
 * module delivers once. A run requested again (a correlation that grew) is not started twice.
 */
@Component
class RunStage {

    static final String LISTENER_ID = "certhub-playbook-runs";
    private static final Logger log = LoggerFactory.getLogger(RunStage.class);

    private final RunStore store;
    private final RunMachine machine;
    private final PlaybookRegistry registry;
    private final PlaybookProducer producer;
    private final DeadlineTimers timers;
    private final PlaybookProperties properties;
    private final Clock clock = Clock.systemUTC();

    RunStage(RunStore store, RunMachine machine, PlaybookRegistry registry, PlaybookProducer producer,
            DeadlineTimers timers, PlaybookProperties properties) {
        this.store = store;
        this.machine = machine;
        this.registry = registry;
        this.producer = producer;
        this.timers = timers;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.playbook.topics.runs:certhub.playbook.runs}",
            containerFactory = PlaybookKafkaConfiguration.RUNS_FACTORY, batch = "true", autoStartup = "false")
    void apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<ConsumerRecord<String, byte[]>, RunCommand> commands = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            RunCommand.fromJson(record.value()).ifPresentOrElse(command -> commands.put(record, command),
                    () -> producer.deadLetter(record, "not a run command"));
        }
        Set<String> ids = new LinkedHashSet<>();
        commands.values().forEach(command -> ids.add(command.runId()));
        Map<String, Run> runs = new HashMap<>(store.load(ids));
        Map<String, Run> changed = new LinkedHashMap<>();
        Map<String, String> statuses = new HashMap<>();
        StageProducer.Batch sends = producer.batch();
        for (Map.Entry<ConsumerRecord<String, byte[]>, RunCommand> entry : commands.entrySet()) {
            RunCommand command = entry.getValue();
            Optional<RunMachine.Transition> transition = transition(entry.getKey(), command, runs.get(command.runId()));
            if (transition.isEmpty()) {
                continue;
            }
            RunMachine.Transition done = transition.get();
            for (NotificationRequested request : done.notifications()) {
                sends.send(properties.topics().notifyRequests(), request.notificationId(), request.toJson());
            }
            for (PublicationRequested publication : done.publications()) {
                sends.send(properties.topics().publications(), publication.subjectId(), publication.toJson());
            }
            done.statuses().forEach(status -> statuses.put(command.runId(), status));
            runs.put(command.runId(), done.run());
            changed.put(command.runId(), done.run());
        }
        sends.await();
        store.write(changed.values(), statuses);
        changed.values().forEach(timers::arm);
        log.debug("Applied {} run commands, {} runs changed", records.size(), changed.size());
    }

    private Optional<RunMachine.Transition> transition(ConsumerRecord<String, byte[]> record, RunCommand command, Run run) {
        Instant now = clock.instant();
        if (command.kind().equals(RunCommand.REQUESTED)) {
            if (run != null) {
                return Optional.empty();
            }
            ReleasedVersion version = version(command.playbookId(), command.playbookVersion());
            return Optional.of(machine.start(command.runId(), version, command.subject(), record.topic(), record.partition(), now));
        }
        if (run == null || !run.topic().equals(record.topic())) {
            // Not a run of this topic (none yet, or owned by another runs topic on the same cluster).
            log.debug("Command {} for run {} not owned here ignored", command.kind(), command.runId());
            return Optional.empty();
        }
        ReleasedVersion version = version(run.playbookId(), run.playbookVersion());
        return Optional.of(command.kind().equals(RunCommand.EVENT) ? machine.onEvent(run, version, command.event(), now)
                : machine.onDeadline(run, version, command.stepId(), now));
    }

    /**
     * The version a run runs. The registry keeps every released version; one it lacks was released
     * by another instance since this one read the ledger, so the ledger is read again.
     */
    private ReleasedVersion version(String id, int version) {
        Optional<ReleasedVersion> found = registry.version(id, version);
        if (found.isEmpty()) {
            registry.restore();
            found = registry.version(id, version);
        }
        return found.orElseThrow(() -> new TransientPlaybookException("Playbook " + id + " v" + version + " is not loaded (yet)"));
    }
}
