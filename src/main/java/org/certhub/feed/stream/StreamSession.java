package org.certhub.feed.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.certhub.feed.subscription.FeedFilter;
import org.certhub.feed.subscription.SharedObject;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream, in a thread of its own: reads the intake topic from the stream's position and
 * sends each object the viewer may see and the filter matches as an {@code object} event whose id
 * is the position right after it. A heartbeat comment goes out when nothing was sent for a while;
 * a failed write means the client left, and the session ends.
 */
final class StreamSession implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final long RECONNECT_MILLIS = 2000;

    private final Principal viewer;
    private final FeedFilter filter;
    private final SharingPolicy policy;
    private final Consumer<String, byte[]> consumer;
    private final SseEmitter emitter;
    private final StreamProperties properties;
    private final Runnable onEnd;
    private StreamPosition position;
    private volatile boolean open = true;

    StreamSession(Principal viewer, FeedFilter filter, SharingPolicy policy, Consumer<String, byte[]> consumer,
            StreamPosition position, SseEmitter emitter, StreamProperties properties, Runnable onEnd) {
        this.viewer = viewer;
        this.filter = filter;
        this.policy = policy;
        this.consumer = consumer;
        this.position = position;
        this.emitter = emitter;
        this.properties = properties;
        this.onEnd = onEnd;
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    private void close() {
        open = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        long ends = System.nanoTime() + properties.maxDuration().toNanos();
        long lastSent = System.nanoTime();
        try {
            for (Map.Entry<Integer, StreamPosition.Cursor> cursor : position.cursors().entrySet()) {
                consumer.seek(partition(cursor.getKey()), cursor.getValue().offset());
            }
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
            while (open && System.nanoTime() < ends) {
                if (send(consumer.poll(POLL)) > 0) {
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent >= properties.heartbeat().toNanos()) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = System.nanoTime();
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("Stream of {} ended: the client left ({})", viewer.id(), e.toString());
        } catch (WakeupException e) {
            // closed by the emitter's callbacks
        } catch (KafkaException e) {
            log.warn("Stream of {} ended by a Kafka error; the client resumes with Last-Event-ID: {}", viewer.id(),
                    e.toString());
            emitter.completeWithError(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
            onEnd.run();
        }
    }

    /** Sends the visible, matching objects of these records; returns how many. */
    private int send(ConsumerRecords<String, byte[]> records) throws IOException {
        int sent = 0;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                List<SharedObject> objects = SharedObject.of(record);
                StreamPosition.Cursor cursor = position.cursors().get(record.partition());
                int skip = cursor != null && cursor.offset() == record.offset() ? cursor.skip() : 0;
                for (int index = skip; index < objects.size(); index++) {
                    SharedObject object = objects.get(index);
                    if (object.mayReach(viewer, policy) && filter.matches(object)) {
                        position = position.with(record.partition(), new StreamPosition.Cursor(record.offset(), index + 1));
                        emitter.send(SseEmitter.event().id(position.text()).name("object")
                                .data(object.object().toString(), MediaType.APPLICATION_JSON));
                        sent++;
                    }
                }
                position = position.with(record.partition(), new StreamPosition.Cursor(record.offset() + 1, 0));
            }
        }
        return sent;
    }

    private TopicPartition partition(int partition) {
        return consumer.assignment().stream().filter(assigned -> assigned.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalStateException("partition " + partition + " not assigned"));
    }
}
