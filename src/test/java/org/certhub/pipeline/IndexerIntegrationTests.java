package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.HubIntegrationTest;
import org.certhub.intake.BundleAccepted;
import org.certhub.search.ObjectFilter;
import org.certhub.search.ObjectQueries;
import org.certhub.search.StoredObject;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

@HubIntegrationTest
class IndexerIntegrationTests {

    private static final String TOPIC = "certhub.intake";
    private static final Audience KZ = new Audience("kz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    private static final Audience UZ = new Audience("uz-cert", Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));

    @Autowired
    KafkaTemplate<String, byte[]> intakeKafkaTemplate;

    @Autowired
    ObjectQueries queries;

    @Test
    void indexesEveryObjectOfAnAcceptedBundleSearchableByItsObservable() throws Exception {
        String ip = randomIp();
        String indicator = "indicator--" + UUID.randomUUID();
        String address = "ipv4-addr--" + UUID.randomUUID();
        send(accepted("kz-cert", bundle(
                indicatorJson(indicator, "2026-11-01T10:00:00.000Z", Tlp.GREEN, ip),
                "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"" + address + "\",\"value\":\"" + ip
                        + "\",\"object_marking_refs\":[\"" + Tlp.GREEN.markingDefinitionId() + "\"]}")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(queries.current(indicator, KZ)).isPresent();
            assertThat(queries.list(filterByValue(ip), 10, Optional.empty(), KZ).objects())
                    .extracting(o -> o.object().path("id").asString()).contains(address, indicator);
        });
    }

    @Test
    void anAddressFindsTheIndicatorsWhosePatternCoversItsNetwork() throws Exception {
        String network = "indicator--" + UUID.randomUUID();
        String prefix = "10." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
                + java.util.concurrent.ThreadLocalRandom.current().nextInt(256);
        send(accepted("kz-cert", bundle(indicatorJson(network, "2026-11-01T10:00:00.000Z", Tlp.GREEN, "x")
                .replace("[ipv4-addr:value = 'x']", "[ipv4-addr:value ISSUBSET '" + prefix + ".0/24']"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(queries.list(filterByValue(prefix + ".77"), 10, Optional.empty(), UZ).objects())
                        .extracting(o -> o.object().path("id").asString()).contains(network));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theStagesConsumerThreadsRunBelowThePriorityOfEveryOtherThread() throws Exception {
        // The build may itself run niced: the stages run 5 below whatever the rest of the process runs at.
        int expected = Math.min(19, nice(Path.of("/proc/thread-self")) + 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                // Linux keeps the first 15 characters of a thread's name: certhub-indexer-0-C-1 is "certhub-indexer".
                assertThat(niceValues(Path.of("/proc/self/task"), "certhub-indexer")).as("the indexer's consumer threads")
                        .isNotEmpty().containsOnly(expected));
    }

    private static List<Integer> niceValues(Path tasks, String threadName) throws IOException {
        List<Integer> values = new ArrayList<>();
        try (Stream<Path> listed = Files.list(tasks)) {
            for (Path task : listed.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().equals(threadName)) {
                        values.add(nice(task));
                    }
                } catch (IOException gone) {
                    // The thread ended while they were listed.
                }
            }
        }
        return values;
    }

    /** Field 19 of stat(5), counted after the parenthesised name (which may hold spaces). */
    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    @Test
    void replayingARecordIndexesEachObjectVersionOnce() throws Exception {
        String indicator = "indicator--" + UUID.randomUUID();
        BundleAccepted event = accepted("kz-cert", bundle(indicatorJson(indicator, "2026-11-01T10:00:00.000Z", Tlp.GREEN, randomIp())));
        send(event);
        send(event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(queries.versions(indicator, KZ)).hasSize(1));
        // A later, different record proves the replay was consumed too before counting again.
        String marker = "indicator--" + UUID.randomUUID();
        send(accepted("kz-cert", bundle(indicatorJson(marker, "2026-11-01T10:00:00.000Z", Tlp.GREEN, randomIp()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(queries.current(marker, KZ)).isPresent());
        assertThat(queries.versions(indicator, KZ)).hasSize(1);
    }

    @Test
    void newestModifiedWinsWhateverTheArrivalOrderAndEveryVersionIsKept() throws Exception {
        String indicator = "indicator--" + UUID.randomUUID();
        send(accepted("kz-cert", bundle(indicatorJson(indicator, "2026-11-02T10:00:00.000Z", Tlp.GREEN, randomIp()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(queries.current(indicator, KZ)).isPresent());
        send(accepted("kz-cert", bundle(indicatorJson(indicator, "2026-11-01T10:00:00.000Z", Tlp.GREEN, randomIp()))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(queries.versions(indicator, KZ)).hasSize(2));
        assertThat(queries.current(indicator, KZ)).get()
                .extracting(o -> o.object().path("modified").asString()).isEqualTo("2026-11-02T10:00:00.000Z");
    }

    @Test
    void anotherCertSeesGreenButNeitherAmberStrictNorRed() throws Exception {
        String green = "indicator--" + UUID.randomUUID();
        String strict = "indicator--" + UUID.randomUUID();
        String red = "indicator--" + UUID.randomUUID();
        String ip = randomIp();
        send(accepted("kz-cert", bundle(
                indicatorJson(green, "2026-11-01T10:00:00.000Z", Tlp.GREEN, ip),
                indicatorJson(strict, "2026-11-01T10:00:00.000Z", Tlp.AMBER_STRICT, ip),
                indicatorJson(red, "2026-11-01T10:00:00.000Z", Tlp.RED, ip))));

        // The owner reads its copies in real time; others find them once searchable.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(queries.current(green, UZ)).isPresent());
        assertThat(queries.current(red, KZ)).isPresent();
        assertThat(queries.current(strict, UZ)).isEmpty();
        assertThat(queries.current(red, UZ)).isEmpty();
        assertThat(queries.versions(red, UZ)).isEmpty();
        ObjectFilter kzIndicators = new ObjectFilter(List.of("indicator"), Optional.of("kz-cert"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<StoredObject> seenByUz = queries.list(kzIndicators, 1000, Optional.empty(), UZ).objects();
        assertThat(seenByUz).extracting(o -> o.object().path("id").asString()).contains(green).doesNotContain(strict, red);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithoutBlockingThePartition() throws Exception {
        String key = "bundle--" + UUID.randomUUID();
        intakeKafkaTemplate.send(new ProducerRecord<>(TOPIC, key, "not json".getBytes(StandardCharsets.UTF_8)))
                .get(10, TimeUnit.SECONDS);
        String after = "indicator--" + UUID.randomUUID();
        BundleAccepted event = accepted("kz-cert", bundle(indicatorJson(after, "2026-11-01T10:00:00.000Z", Tlp.GREEN, randomIp())));
        // Same key, so the same partition: the good record queues behind the bad one.
        intakeKafkaTemplate.send(new ProducerRecord<>(TOPIC, key, event.bundle())).get(10, TimeUnit.SECONDS);
        ProducerRecord<String, byte[]> good = event.toRecord(TOPIC);
        intakeKafkaTemplate.send(new ProducerRecord<>(TOPIC, null, key, good.value(), good.headers())).get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(queries.current(after, KZ)).isPresent());
    }

    private void send(BundleAccepted event) throws Exception {
        intakeKafkaTemplate.send(event.toRecord(TOPIC)).get(10, TimeUnit.SECONDS);
    }

    private static BundleAccepted accepted(String owner, String bundleJson) {
        byte[] bytes = bundleJson.getBytes(StandardCharsets.UTF_8);
        String bundleId = bundleJson.substring(bundleJson.indexOf("bundle--"), bundleJson.indexOf("bundle--") + 44);
        int objects = bundleJson.split("\"spec_version\"").length - 1;
        return new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(), bundleId, owner,
                Instant.now(), objects, bytes);
    }

    private static String bundle(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + String.join(",", objects) + "]}";
    }

    private static String indicatorJson(String id, String modified, Tlp tlp, String ip) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2026-11-01T10:00:00.000Z\","
                + "\"modified\":\"" + modified + "\",\"name\":\"C2 of the steppe campaign\",\"pattern_type\":\"stix\","
                + "\"pattern\":\"[ipv4-addr:value = '" + ip + "']\",\"valid_from\":\"2026-11-01T10:00:00Z\","
                + "\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    private static ObjectFilter filterByValue(String value) {
        return new ObjectFilter(List.of(), Optional.empty(), Optional.of(value), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String randomIp() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
