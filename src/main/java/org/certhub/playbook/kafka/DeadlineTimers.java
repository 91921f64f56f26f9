package org.certhub.playbook.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.Run;
import org.certhub.playbook.internal.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement deadlines of the runs this instance owns. A run belongs to the runs-topic
 * partition of its id; the instance that is assigned a partition loads that partition's waiting
 * runs from Elasticsearch and arms their timers (a deadline already past fires at once), and drops
 * them when the partition goes elsewhere. A timer does not act itself: it sends a deadline command
 * to the run's partition, so that every transition of a run happens in the one consumer that owns it.
 */
@Component
class DeadlineTimers implements ConsumerRebalanceListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTimers.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final RunStore store;
    private final PlaybookProducer producer;
    private final PlaybookProperties properties;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Map<String, Armed> timers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "playbook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    DeadlineTimers(RunStore store, PlaybookProducer producer, PlaybookProperties properties) {
        this.store = store;
        this.producer = producer;
        this.properties = properties;
    }

    private record Armed(int partition, String stepId, Instant deadline, ScheduledFuture<?> future) {
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        Set<Integer> assigned = ConcurrentHashMap.newKeySet();
        partitions.stream().filter(p -> p.topic().equals(properties.topics().runs())).forEach(p -> assigned.add(p.partition()));
        owned.addAll(assigned);
        rearm(assigned);
    }

    private void rearm(Set<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            var waiting = store.waitingIn(properties.topics().runs(), partitions);
            waiting.forEach(this::arm);
            log.info("Re-armed {} acknowledgement deadlines of partitions {}", waiting.size(), partitions);
        } catch (RuntimeException e) {
            log.warn("Could not load the waiting runs of partitions {} ({}); retrying", partitions, e.toString());
            scheduler.schedule(() -> rearm(Set.copyOf(partitions.stream().filter(owned::contains).toList())),
                    RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.stream().filter(p -> p.topic().equals(properties.topics().runs())).forEach(p -> owned.remove(p.partition()));
        timers.entrySet().removeIf(entry -> {
            boolean lost = !owned.contains(entry.getValue().partition());
            if (lost) {
                entry.getValue().future().cancel(false);
            }
            return lost;
        });
    }

    /** Arms (or re-arms) the run's deadline; a run that no longer waits has its timer cancelled. */
    void arm(Run run) {
        if (run.waitingFor().isEmpty()) {
            cancel(run.runId());
            return;
        }
        Run.Waiting waiting = run.waiting();
        Armed current = timers.get(run.runId());
        if (current != null && current.stepId().equals(waiting.stepId()) && current.deadline().equals(waiting.deadline())
                && !current.future().isDone()) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), waiting.deadline()).toMillis());
        ScheduledFuture<?> future = scheduler.schedule(() -> fire(run.runId(), run.partition(), waiting.stepId()), delay,
                TimeUnit.MILLISECONDS);
        Armed previous = timers.put(run.runId(), new Armed(run.partition(), waiting.stepId(), waiting.deadline(), future));
        if (previous != null) {
            previous.future().cancel(false);
        }
    }

    void cancel(String runId) {
        Armed armed = timers.remove(runId);
        if (armed != null) {
            armed.future().cancel(false);
        }
    }

    /** Timers armed now: the runs this instance waits on. */
    int armed() {
        return timers.size();
    }

    private void fire(String runId, int partition, String stepId) {
        if (!owned.contains(partition)) {
            return;
        }
        try {
            producer.sendNow(properties.topics().runs(), runId, RunCommand.deadline(runId, stepId, Instant.now()).toJson());
        } catch (RuntimeException e) {
            log.warn("Deadline of run {} not sent ({}); retrying", runId, e.toString());
            scheduler.schedule(() -> fire(runId, partition, stepId), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
