package org.certhub.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that follows a topic with a consumer of its own (assigned partitions, no
 * consumer group: every hub instance needs every record), one {@code step} after another until
 * {@link #stop()}. A Kafka failure is logged and retried after a pause; the consumer is closed
 * when the thread ends.
 *
 * @param <K> record key type
 * @param <V> record value type
 */
public final class TopicFollower<K, V> {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration JOIN = Duration.ofSeconds(10);

    private final org.apache.kafka.clients.consumer.Consumer<K, V> consumer;
    private final String what;
    private final Duration retryPause;
    private final Thread thread;
    private volatile boolean running = true;

    private TopicFollower(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, String threadName, String what,
            Duration retryPause, Consumer<org.apache.kafka.clients.consumer.Consumer<K, V>> step) {
        this.consumer = consumer;
        this.what = what;
        this.retryPause = retryPause;
        this.thread = new Thread(() -> run(step), threadName);
        this.thread.setDaemon(true);
    }

    /**
     * Starts following.
     *
     * @param consumer owned by the follower from now on (closed when it stops)
     * @param what the topic as the log names it, e.g. "the tenancy topic certhub.tenancy"
     * @param step one round of work, typically a poll and applying its records
     */
    public static <K, V> TopicFollower<K, V> start(org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
            String threadName, String what, Duration retryPause,
            Consumer<org.apache.kafka.clients.consumer.Consumer<K, V>> step) {
        TopicFollower<K, V> follower = new TopicFollower<>(consumer, threadName, what, retryPause, step);
        follower.thread.start();
        return follower;
    }

    /**
     * Reads the assigned partitions from their beginning to the end they have now, on the caller's
     * thread; for a view that must be complete before the hub serves a request.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static <K, V> void readToTheEnd(org.apache.kafka.clients.consumer.Consumer<K, V> reader, String what,
            List<TopicPartition> partitions, Duration timeout, Duration poll, Consumer<ConsumerRecords<K, V>> apply) {
        long deadline = System.nanoTime() + timeout.toNanos();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, timeout);
        while (ends.entrySet().stream().anyMatch(end -> reader.position(end.getKey(), timeout) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + what + " to its end within " + timeout);
            }
            apply.accept(reader.poll(poll));
        }
    }

    public boolean running() {
        return running;
    }

    /** Ends the thread (waking up a poll in progress) and waits for it. */
    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(JOIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Consumer<org.apache.kafka.clients.consumer.Consumer<K, V>> step) {
        try {
            while (running) {
                try {
                    step.accept(consumer);
                } catch (WakeupException e) {
                    // stop() woke us up; the loop condition ends the thread
                } catch (KafkaException | IllegalStateException e) {
                    log.warn("Following {} failed, retrying: {}", what, e.toString());
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
