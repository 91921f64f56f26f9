package org.certhub.benchmark;

import org.certhub.TestHolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.CerthubApplication;
import org.certhub.correlation.CorrelationFound;
import org.certhub.notify.NotificationRequested;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.PlaybookRegistry;
import org.certhub.playbook.internal.RunIds;
import org.certhub.playbook.internal.RunStore;
import org.certhub.playbook.internal.SubjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Playbook engine benchmark, run on demand, never by the normal build:
 * <pre>
 * ./mvnw -B -q -Pbenchmark verify -Dbench.check=playbook
 * </pre>
 * Starts a hub in this JVM on embedded engines, releases a cross-border playbook with a long
 * acknowledgement deadline, then (1) sends correlations at an open-loop 20/s and measures the time
 * from sending a {@code CorrelationFound} to the first {@code NotificationRequested} of its run,
 * (2) sends 1,000 correlations at once and measures how long until every run has notified and waits
 * for its acknowledgement (1,000 runs in flight, each with an armed deadline). Figures go to stdout.
 */
class PlaybookBenchmark {

    private static final String PLAYBOOK = "bench-cross-border";
    private static final int LATENCY_SAMPLES = 300;
    private static final int IN_FLIGHT = 1000;

    @Test
    @EnabledIfSystemProperty(named = "bench.check", matches = "playbook")
    void correlationToFirstNotification() throws Exception {
        QuietLogs.warningsOnly();
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CerthubApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0", "--logging.level.org.certhub=WARN")) {
            release(hub);
            KafkaProperties kafka = hub.getBean(KafkaProperties.class);
            Map<String, Long> firstSeen = new ConcurrentHashMap<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> read(kafka, firstSeen, reading), "bench-requests");
            reader.start();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.buildProducerProperties(),
                    new StringSerializer(), new ByteArraySerializer())) {
                send(hub.getBean(RunIds.class), producer, 50, 20, firstSeen, new Latencies());
                Latencies latencies = new Latencies();
                send(hub.getBean(RunIds.class), producer, LATENCY_SAMPLES, 20, firstSeen, latencies);
                System.out.printf("playbook: correlation -> first notification at 20/s, %d runs: p50 / p95 / p99 / max = %s%n",
                        latencies.count(), latencies.summary());

                long started = System.nanoTime();
                Latencies burst = new Latencies();
                send(hub.getBean(RunIds.class), producer, IN_FLIGHT, 0, firstSeen, burst);
                double seconds = (System.nanoTime() - started) / 1e9;
                long waiting = waitingRuns(hub.getBean(RunStore.class));
                System.out.printf("playbook: %d correlations at once: all first notifications in %.1f s (%.0f runs/s), "
                        + "latency p50 / p95 / p99 / max = %s; runs waiting for an acknowledgement: %d%n",
                        IN_FLIGHT, seconds, IN_FLIGHT / seconds, burst.summary(), waiting);
                assertThat(waiting).isGreaterThanOrEqualTo(IN_FLIGHT);
            } finally {
                reading.set(false);
                reader.join();
            }
        }
    }

    /** Sends {@code count} correlations ({@code rate} per second, 0 = at once) and waits for each run's first notification. */
    private static void send(RunIds runIds, KafkaProducer<String, byte[]> producer, int count, int rate,
            Map<String, Long> firstSeen, Latencies latencies) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + TimeUnit.SECONDS.toNanos(i) / rate;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            Instant now = Instant.now();
            CorrelationFound found = new CorrelationFound(1, UUID.randomUUID().toString().replace("-", ""), "ipv4",
                    "198.51." + (i / 250) % 250 + "." + i % 250, "shared-value", 2, List.of("kz-cert", "uz-cert"), 70, now, now,
                    TestHolders.green("kz-cert", "uz-cert"));
            sent.put(runIds.of(PLAYBOOK, 1, SubjectKind.CORRELATION, found.id()), System.nanoTime());
            producer.send(new ProducerRecord<>("certhub.correlations", found.id(), found.toJson()));
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!firstSeen.keySet().containsAll(sent.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("runs without a notification after 5 minutes");
            }
            Thread.sleep(20);
        }
        sent.forEach((runId, at) -> latencies.record(firstSeen.get(runId) - at));
    }

    private static void read(KafkaProperties kafka, Map<String, Long> firstSeen, AtomicBoolean reading) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(NotificationRequested.DEFAULT_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long at = System.nanoTime();
                    NotificationRequested.fromJson(record.value()).ifPresent(request -> firstSeen.putIfAbsent(request.runId(), at));
                }
            }
        }
    }

    private static long waitingRuns(RunStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long waiting = 0;
        while (System.nanoTime() < deadline) {
            waiting = 0;
            RunStore.Filter filter = new RunStore.Filter(Optional.empty(), Optional.of(PLAYBOOK), Optional.empty(),
                    Optional.empty(), Optional.of("waiting"));
            RunStore.Page page = store.list(filter, 500, List.of());
            waiting += page.runs().size();
            while (page.next().isPresent()) {
                page = store.list(filter, 500, page.next().get());
                waiting += page.runs().size();
            }
            if (waiting >= IN_FLIGHT + LATENCY_SAMPLES + 50) {
                break;
            }
            Thread.sleep(500);
        }
        return waiting;
    }

    private static void release(ConfigurableApplicationContext hub) throws Exception {
        Path directory = hub.getBean(PlaybookProperties.class).directory().resolve(PLAYBOOK);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("v1.yaml"), """
                id: bench-cross-border
                version: 1
                title: Benchmark cross-border playbook
                owner: kz-cert
                trigger:
                  on: correlation
                  when: {min-certs: 2, observable-types: [ipv4]}
                steps:
                  - id: alert
                    type: notify
                    recipients: [affected-certs]
                    channels: [kafka]
                    message: {subject: "Match {{subject.id}}", text: "Value {{subject.value}}"}
                  - id: wait
                    type: expect-ack
                    from: alert
                    within: PT1H
                """);
        PlaybookRegistry registry = hub.getBean(PlaybookRegistry.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (registry.version(PLAYBOOK, 1).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
