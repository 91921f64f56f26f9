package org.certhub.feed.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.feed.subscription.FeedFilter;
import org.certhub.intake.IntakeProperties;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: every object version accepted from now on (or after
 * {@code Last-Event-ID}) that the caller may see, as server-sent events. Filters as query
 * parameters: {@code type}, {@code max_tlp}, {@code observable_type} (repeatable).
 */
@RestController
class StreamController {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final SharingPolicy policy;
    private final StreamSlots slots;
    private final StreamProperties properties;
    private final KafkaProperties kafka;
    private final String intakeTopic;

    StreamController(SharingPolicy policy, StreamSlots slots, StreamProperties properties, KafkaProperties kafka,
            IntakeProperties intake) {
        this.policy = policy;
        this.slots = slots;
        this.properties = properties;
        this.kafka = kafka;
        this.intakeTopic = intake.topic();
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Principal caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "max_tlp", required = false) String maxTlp,
            @RequestParam(name = "observable_type", required = false) List<String> observableTypes) {
        List<ProblemError> errors = new ArrayList<>();
        FeedFilter filter = FeedFilter.parse(Optional.ofNullable(types).orElse(List.of()), Optional.ofNullable(maxTlp),
                Optional.ofNullable(observableTypes).orElse(List.of()),
                new FeedFilter.Pointers("type", "max_tlp", "observable_type", false), errors);
        Optional<StreamPosition> resumeAt = Optional.ofNullable(lastEventId).filter(id -> !id.isEmpty()).map(id ->
                StreamPosition.parse(id).orElseThrow(() -> invalidLastEventId("Not an event id of this stream.")));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "Invalid parameter", "The stream's filter breaks " + errors.size() + " rule(s); see errors."), errors));
        }
        if (!slots.take(caller.id())) {
            throw new ProblemException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                    "At most " + properties.maxPerPrincipal() + " streams per principal are open at once; close one first."));
        }
        Consumer<String, byte[]> consumer = null;
        try {
            consumer = consumer();
            StreamPosition start = startingPosition(consumer, resumeAt);
            SseEmitter emitter = new SseEmitter(properties.maxDuration().plusSeconds(30).toMillis());
            Thread session = new Thread(new StreamSession(caller, filter, policy, consumer, start, emitter, properties,
                    () -> slots.release(caller.id())), "stream-" + caller.id());
            session.setDaemon(true);
            session.start();
            return emitter;
        } catch (RuntimeException e) {
            if (consumer != null) {
                consumer.close(Duration.ZERO);
            }
            slots.release(caller.id());
            if (e instanceof KafkaException) {
                throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "stream-unavailable",
                        "Stream unavailable", "The object log does not answer; try again."));
            }
            throw e;
        }
    }

    /**
     * Where the stream starts: right after the given event, which must name exactly the topic's
     * partitions at offsets the topic still holds; or, without one, at the end (live).
     */
    private StreamPosition startingPosition(Consumer<String, byte[]> consumer, Optional<StreamPosition> resumeAt) {
        List<TopicPartition> partitions = consumer.partitionsFor(intakeTopic, KAFKA_TIMEOUT).stream()
                .map(info -> new TopicPartition(intakeTopic, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
        if (resumeAt.isEmpty()) {
            return new StreamPosition(ends.entrySet().stream().collect(Collectors.toMap(
                    end -> end.getKey().partition(), end -> new StreamPosition.Cursor(end.getValue(), 0))));
        }
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
        StreamPosition position = resumeAt.get();
        Set<Integer> known = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        if (!position.cursors().keySet().equals(known)) {
            throw invalidLastEventId("The event id does not name this stream's partitions.");
        }
        Map<Integer, StreamPosition.Cursor> cursors = new TreeMap<>(position.cursors());
        for (TopicPartition partition : partitions) {
            StreamPosition.Cursor cursor = cursors.get(partition.partition());
            if (cursor.offset() > ends.get(partition)) {
                throw invalidLastEventId("The event id points past the end of the stream.");
            }
            if (cursor.offset() < beginnings.get(partition)) {
                // Older than what the log still holds: continue from its oldest record.
                cursors.put(partition.partition(), new StreamPosition.Cursor(beginnings.get(partition), 0));
            }
        }
        return new StreamPosition(cursors);
    }

    private static ProblemException invalidLastEventId(String detail) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-last-event-id",
                "Invalid Last-Event-ID", detail), List.of(new ProblemError("Last-Event-ID", "stream-event-id", detail))));
    }

    /** A consumer without a group: a stream's position is its own and lives in its event ids. */
    private Consumer<String, byte[]> consumer() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
