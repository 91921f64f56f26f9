package org.certhub.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.kafka.TopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the whole deletions topic into {@link DeletedObjects} at start-up, then follows it, on a
 * thread of its own and without a consumer group: every hub instance needs every deletion, because
 * each instance's indexer may meet any object. {@link #loaded()} completes once the topic was read
 * up to the end it had when the hub started; the index-writing listeners start only then, so a
 * restart or a replay never indexes a version whose deletion the hub has not read yet.
 */
@Component
class DeletionsFollower implements SmartLifecycle {

    /**
     * Below the listener containers' phase: stopped after them, so that a batch still running at
     * shutdown is not left waiting for a follower that is gone.
     */
    static final int PHASE = Integer.MAX_VALUE - 200;
    private static final Logger log = LoggerFactory.getLogger(DeletionsFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DeletedObjects deleted;
    private final KafkaProperties kafka;
    private final Admin admin;
    private final String topic;
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    /** The next offset to read, per partition, as of the last poll: what {@link DeletedObjects} holds. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private volatile TopicFollower<String, byte[]> follower;
    /** Set before the follower thread starts, then read and written by that thread only. */
    private Map<TopicPartition, Long> startEnds = Map.of();
    private long readingStarted;

    DeletionsFollower(DeletedObjects deleted, KafkaProperties kafka, Admin kafkaAdminClient, PipelineProperties properties) {
        this.deleted = deleted;
        this.kafka = kafka;
        this.admin = kafkaAdminClient;
        this.topic = properties.deletionsTopic();
    }

    /** Completes once every deletion made before the hub (or this component, restarted) started is known. */
    CompletableFuture<Void> loaded() {
        return loaded;
    }

    /**
     * Waits until every deletion durable on the topic now is known here: after this returns, a
     * deletion this instance does not know was made after the call.
     *
     * @throws TransientIndexingException when Kafka does not answer, or the follower lags, within {@code timeout}
     */
    void awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!loaded.isDone() || positions.isEmpty()) {
            throw new TransientIndexingException("The deletions topic " + topic + " is being read again; the batch will be retried");
        }
        Map<TopicPartition, Long> ends = endOffsets(timeout);
        synchronized (progress) {
            while (ends.entrySet().stream().anyMatch(end -> positions.getOrDefault(end.getKey(), 0L) < end.getValue())) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running()) {
                    throw new TransientIndexingException("The deletions topic " + topic + " was not read up to its end within "
                            + timeout + "; the batch will be retried");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransientIndexingException("Interrupted while waiting for the deletions topic", e);
                }
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets(Duration timeout) {
        try {
            List<TopicPartition> partitions = List.copyOf(positions.keySet());
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientIndexingException("Kafka did not tell the end of the deletions topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientIndexingException("Interrupted while asking for the end of the deletions topic", e);
        }
    }

    @Override
    public void start() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "certhub-deletions-follower-" + System.identityHashCode(this));
        Consumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        // A stopped context (e.g. a cached test context, paused) is started again: read the topic anew.
        positions.clear();
        if (loaded.isDone()) {
            loaded = new CompletableFuture<>();
        }
        readingStarted = System.nanoTime();
        startEnds = Map.of();
        follower = TopicFollower.start(consumer, "deletions-follower", "the deletions topic " + topic, RETRY, this::step);
    }

    /** One round on the follower thread: (re)assign when needed, apply a poll, publish progress. */
    private void step(Consumer<String, byte[]> reader) {
        if (reader.assignment().isEmpty()) {
            startEnds = assignFromTheBeginning(reader);
        }
        reader.poll(POLL).forEach(this::apply);
        advance(reader);
        if (!loaded.isDone() && caughtUpWith(startEnds)) {
            log.info("Read the deletions topic {}: {} deleted objects in {} ms", topic, deleted.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readingStarted));
            loaded.complete(null);
        }
    }

    /** The end offsets when reading starts; assigned only once they are known, so a failure here starts over. */
    private Map<TopicPartition, Long> assignFromTheBeginning(Consumer<String, byte[]> reader) {
        List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new KafkaException("the deletions topic " + topic + " has no partitions yet");
        }
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(30));
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        partitions.forEach(partition -> positions.put(partition, 0L));
        return ends;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        // An unreadable deletion is dead-lettered by the DeletionApplier; here it can only be skipped.
        ObjectDeleted.fromJson(record.value()).ifPresent(deleted::record);
    }

    /** Publishes how far the topic has been read, after its records are in {@link DeletedObjects}. */
    private void advance(Consumer<String, byte[]> reader) {
        synchronized (progress) {
            positions.keySet().forEach(partition -> positions.put(partition, reader.position(partition)));
            progress.notifyAll();
        }
    }

    private boolean caughtUpWith(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    @Override
    public void stop() {
        TopicFollower<String, byte[]> following = follower;
        if (following == null) {
            return;
        }
        follower = null;
        synchronized (progress) {
            progress.notifyAll();
        }
        following.stop();
    }

    @Override
    public boolean isRunning() {
        return running();
    }

    private boolean running() {
        TopicFollower<String, byte[]> following = follower;
        return following != null && following.running();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
