package org.certhub.benchmark;

import org.certhub.EngineClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.intake.BundleAccepted;

import tools.jackson.databind.JsonNode;

/**
 * The raw engines alone, fed the same bundles and objects as the hub: the ceilings the hub's
 * figures are compared with. Each baseline writes to a fresh topic or index of its own and deletes it.
 */
final class EngineBaselines {

    private static final int MAX_RECORD = 16 * 1024 * 1024;

    private EngineBaselines() {
    }

    record KafkaResult(long records, long objects, long errors, Duration elapsed, double clientCpuSeconds) {
        double recordsPerSecond() {
            return records / seconds(elapsed);
        }

        double objectsPerSecond() {
            return objects / seconds(elapsed);
        }
    }

    record ElasticsearchResult(long docs, long bytes, int bulks, Duration elapsed, double clientCpuSeconds) {
        double docsPerSecond() {
            return docs / seconds(elapsed);
        }
    }

    /**
     * Produces the bundles (cycling through {@code pool}) for {@code duration} from {@code threads}
     * threads sharing one idempotent acks=all producer with 64 KiB batches and 5 ms linger, as
     * records of the intake's own format, to a fresh topic with as many partitions as the intake's.
     */
    static KafkaResult kafka(String bootstrap, String topic, int partitions, List<StixBundleGenerator.Bundle> pool,
            int threads, Duration duration) throws Exception {
        try (Admin admin = Admin.create(EngineClients.kafka(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(MAX_RECORD))))).all().get(30, TimeUnit.SECONDS);
            Map<String, Object> config = EngineClients.kafka(bootstrap);
            config.putAll(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD,
                    ProducerConfig.CLIENT_ID_CONFIG, "certhub-benchmark"));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
                // Warm up, untimed: metadata, connections, the producer id, and the JIT of client and broker.
                for (int i = 0; i < Math.min(10_000, pool.size()); i++) {
                    producer.send(record(topic, pool.get(i)));
                }
                producer.flush();
                LongAdder records = new LongAdder();
                LongAdder objects = new LongAdder();
                LongAdder errors = new LongAdder();
                ExecutorService executor = Executors.newFixedThreadPool(threads);
                double cpu = OtherLoad.ownCpuSeconds();
                long started = System.nanoTime();
                long deadline = started + duration.toNanos();
                List<Future<?>> senders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    senders.add(executor.submit(() -> {
                        for (int i = first; System.nanoTime() < deadline; i += threads) {
                            StixBundleGenerator.Bundle bundle = pool.get(i % pool.size());
                            producer.send(record(topic, bundle), (metadata, failure) -> {
                                if (failure == null) {
                                    records.increment();
                                    objects.add(bundle.objects().size());
                                } else {
                                    errors.increment();
                                }
                            });
                        }
                    }));
                }
                for (Future<?> sender : senders) {
                    sender.get();
                }
                producer.flush();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                executor.shutdown();
                return new KafkaResult(records.sum(), objects.sum(), errors.sum(), elapsed, OtherLoad.ownCpuSeconds() - cpu);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether a Kafka cluster answers at {@code bootstrap} within a few seconds. */
    static boolean kafkaReachable(String bootstrap) {
        Map<String, Object> config = EngineClients.kafka(bootstrap);
        config.putAll(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(6, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String topic,
            StixBundleGenerator.Bundle bundle) {
        return new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(), bundle.id(), "bench",
                Instant.now(), bundle.objects().size(), bundle.json()).toRecord(topic);
    }

    /**
     * Bulk-indexes every object of {@code pool} once (the object's JSON, its STIX id as the
     * document id) into a fresh index of one shard and no replica, {@code clients} bulks at a time.
     * The first {@code warmUpBulks} bulks go to a throwaway index first, untimed: a cold server
     * indexes at half speed until its JIT has warmed up.
     */
    static ElasticsearchResult elasticsearch(ElasticsearchHttp es, String index, List<StixBundleGenerator.Bundle> pool,
            int clients, int docsPerBulk, int warmUpBulks) throws IOException, InterruptedException, ExecutionException {
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long docs = 0;
        long bytes = 0;
        int inBody = 0;
        for (StixBundleGenerator.Bundle bundle : pool) {
            for (StixBundleGenerator.StixObject object : bundle.objects()) {
                body.writeBytes(("{\"index\":{\"_id\":\"" + object.id() + "\"}}\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(object.json());
                body.write('\n');
                docs++;
                bytes += object.json().length;
                if (++inBody == docsPerBulk) {
                    bodies.add(body.toByteArray());
                    body.reset();
                    inBody = 0;
                }
            }
        }
        if (inBody > 0) {
            bodies.add(body.toByteArray());
        }
        String settings = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";
        if (warmUpBulks > 0) {
            es.createIndex(index + "-warm-up", settings);
            try {
                bulkAll(es, index + "-warm-up", bodies.subList(0, Math.min(warmUpBulks, bodies.size())), clients);
            } finally {
                es.deleteIndex(index + "-warm-up");
            }
        }
        es.createIndex(index, settings);
        try {
            double cpu = OtherLoad.ownCpuSeconds();
            Duration elapsed = bulkAll(es, index, bodies, clients);
            double clientCpu = OtherLoad.ownCpuSeconds() - cpu;
            es.refresh(index);
            long counted = es.count(index, "{\"match_all\":{}}");
            if (counted != docs) {
                throw new IllegalStateException("the baseline index holds " + counted + " documents, not " + docs);
            }
            return new ElasticsearchResult(docs, bytes, bodies.size(), elapsed, clientCpu);
        } finally {
            es.deleteIndex(index);
        }
    }

    /** Sends every body, {@code clients} at a time; how long it took. Fails if any item failed. */
    private static Duration bulkAll(ElasticsearchHttp es, String index, List<byte[]> bodies, int clients)
            throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        JsonNode answer = es.bulk(index, bodies.get(i));
                        if (answer.path("errors").asBoolean(true)) {
                            firstError.compareAndSet(null, HubClient.abbreviate(answer.toString()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (firstError.get() != null) {
                throw new IllegalStateException("a bulk reported errors: " + firstError.get());
            }
            return elapsed;
        } finally {
            executor.shutdown();
        }
    }

    static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
