package org.certhub.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.notify.Mailbox;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The generative leak test: a random community (from a seed) submits random objects at every TLP
 * level with overlapping observables, new versions and deletions; the shipped playbooks run on
 * them; then every viewer reads every egress path (API, correlations, observables, stats, runs,
 * notifications by inbox, webhook, e-mail and Kafka, TAXII, the live stream, subscription
 * webhooks, the scope topics, the console) and no secret of that viewer, as the test's own TLP
 * oracle computes it, may appear in any status line, header or body; an invisible object,
 * incident or correlation must answer exactly like one that does not exist.
 * <p>
 * {@code -Dleak.seed=} and {@code -Dleak.size=} (incidents and lone indicators per submitter) run
 * it with another world or a bigger one. This hub has topics, a playbook directory and a notify
 * consumer group of its own, so the shipped playbooks run here only.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "certhub.intake.topic=" + LeakIntegrationTests.INTAKE,
        "certhub.correlation.topics.observations=certhub.observations.it-leak",
        "certhub.correlation.topics.correlations=" + LeakIntegrationTests.CORRELATIONS,
        "certhub.playbook.topics.intake=" + LeakIntegrationTests.INTAKE,
        "certhub.playbook.topics.correlations=" + LeakIntegrationTests.CORRELATIONS,
        "certhub.playbook.topics.runs=certhub.playbook.runs.it-leak",
        "certhub.playbook.topics.versions=certhub.playbook.versions.it-leak",
        "certhub.playbook.topics.publications=certhub.playbook.publications.it-leak",
        "certhub.playbook.topics.notify-requests=" + LeakIntegrationTests.REQUESTS,
        "certhub.playbook.topics.notify-events=" + LeakIntegrationTests.EVENTS,
        "certhub.notify.requests-topic=" + LeakIntegrationTests.REQUESTS,
        "certhub.notify.events-topic=" + LeakIntegrationTests.EVENTS,
        "certhub.notify.notifications-topic=" + LeakIntegrationTests.NOTIFICATIONS,
        "certhub.notify.consumer-group=certhub-notify-it-leak",
        "certhub.notify.public-base-url=" + Mailbox.PUBLIC_BASE_URL,
        "certhub.notify.webhook-timeout=2s",
        "certhub.notify.delivery.initial-back-off=200ms",
        "certhub.notify.delivery.max-back-off=1s",
        "certhub.notify.delivery.poll-interval=200ms",
        "certhub.feed.subscriptions.topic=certhub.feed.subscriptions.it-leak",
        "certhub.playbook.directory=${certhub.local.data-dir}/playbooks-it-leak",
        "spring.mail.host=127.0.0.1",
        // a 2-core box shared with other builds can take longer than the default to start Elasticsearch
        "certhub.local.elasticsearch.startup-timeout=300s"})
class LeakIntegrationTests {

    static final String INTAKE = "certhub.intake.it-leak";
    static final String CORRELATIONS = "certhub.correlations.it-leak";
    static final String REQUESTS = "certhub.notify.requests.it-leak";
    static final String EVENTS = "certhub.notify.events.it-leak";
    static final String NOTIFICATIONS = "certhub.notifications.it-leak";
    private static final long SEED = Long.getLong("leak.seed", 20261207L);
    private static final int SIZE = Integer.getInteger("leak.size", 2);
    private static final int CERTS = 4;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, Level[]> SCOPES = Map.of(
            "public", new Level[] {Level.CLEAR},
            "community", new Level[] {Level.CLEAR, Level.GREEN},
            "members", new Level[] {Level.CLEAR, Level.GREEN, Level.AMBER});
    private static final Mailbox SMTP = Mailbox.start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    PlaybookProperties playbooks;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Test
    void noViewerReadsOnAnyEgressPathWhatTheSharingPolicyHidesFromIt() throws Exception {
        long begun = System.nanoTime();
        DemoKeys demo = new DemoKeys(tenancy);
        Hub hub = new Hub(port);
        String adminKey = demo.of("admin");
        releaseShippedPlaybooks(hub, adminKey);
        try (Receiver receiver = Receiver.start()) {
            Community community = new Community(hub, adminKey, receiver, SEED);
            community.create(CERTS);
            community.demo(Viewer.cert("kz-cert"), demo.of("kz-cert"));
            community.demo(Viewer.partner("regional-soc", false), demo.of("regional-soc"));
            community.demo(Viewer.admin("admin"), adminKey);
            List<Viewer> viewers = community.viewers();
            community.user(viewers.get(0).id());
            community.user(viewers.get(1).id());
            Map<String, String> keys = community.keys();

            Map<String, Level> submitters = new LinkedHashMap<>();
            viewers.stream().filter(viewer -> viewer.kind() == Viewer.Kind.CERT)
                    .forEach(viewer -> submitters.put(viewer.id(), Level.AMBER));
            World world = World.generate(SEED, SIZE, submitters);

            List<LiveStream> streams = new ArrayList<>();
            Map<String, LiveStream> streamOf = new LinkedHashMap<>();
            for (Viewer viewer : viewers) {
                LiveStream stream = LiveStream.open(hub.base(), keys.get(viewer.id()));
                streams.add(stream);
                streamOf.put(viewer.id(), stream);
                hub.post("/api/v1/subscriptions", keys.get(viewer.id()), """
                        {"url":"%s","secret":"subscription-secret-of-the-leak-test-%s"}"""
                        .formatted(receiver.url("/sub/" + viewer.id()), viewer.id()));
            }

            Set<String> statusIds = new LinkedHashSet<>();
            statusIds.addAll(submit(hub, keys, world.submissions()));
            awaitIndexed(hub, keys, world.objects(), false);
            statusIds.addAll(submit(hub, keys, world.versions()));
            awaitIndexed(hub, keys, world.objects(), true);
            for (SharedObject deleted : world.deletions()) {
                Reply gone = hub.taxii("DELETE", TaxiiReads.ROOT + "collections/" + deleted.owner() + "/objects/"
                        + deleted.id() + "/", deleted.owner(), keys.get(deleted.owner()));
                assertThat(gone.status()).as("DELETE %s: %s", deleted.id(), gone.body()).isEqualTo(200);
                deleted.delete();
            }
            awaitIndexed(hub, keys, world.objects(), true);
            Oracle oracle = new Oracle(world.objects(),
                    Stream.concat(world.submissions().stream(), world.versions().stream()).toList());
            awaitCorrelations(hub, keys, oracle);
            awaitPlaybooks(hub, adminKey, receiver);
            streams.forEach(LiveStream::close);

            Map<String, Viewer> everyone = new LinkedHashMap<>();
            community.everyPrincipal().forEach(viewer -> everyone.put(viewer.id(), viewer));
            viewers.forEach(viewer -> everyone.put(viewer.id(), viewer));
            Map<String, Map<String, String>> secrets = new HashMap<>();
            everyone.values().forEach(viewer -> secrets.put(viewer.id(), oracle.secretsOf(viewer)));
            secrets.put(Ledger.STRANGER, oracle.secretsOf(Viewer.partner(Ledger.STRANGER, false)));
            Map<String, Map<String, String>> scopeSecrets = new HashMap<>();
            SCOPES.forEach((scope, levels) -> {
                Viewer reader = Viewer.scope(scope, levels);
                everyone.put(reader.id(), reader);
                scopeSecrets.put(scope, oracle.secretsOf(reader));
                secrets.put(reader.id(), scopeSecrets.get(scope));
            });
            for (Viewer viewer : viewers) {
                for (String scope : SCOPES.keySet()) {
                    Map<String, String> both = new HashMap<>(scopeSecrets.get(scope));
                    both.putAll(secrets.get(viewer.id()));
                    secrets.put(viewer.id() + "@" + scope, both);
                    everyone.put(viewer.id() + "@" + scope, viewer);
                }
            }
            Ledger ledger = new Ledger(world.objects().size(), secrets);
            Reading reading = new Reading(hub, ledger, world, oracle, everyone);
            reading.statusIds.addAll(statusIds);
            long started = System.nanoTime();
            long settled = Duration.ofNanos(started - begun).toSeconds();

            Set<String> submitterIds = submitters.keySet();
            parallel(viewers.stream().map(viewer -> (Runnable) () ->
                    new ApiReads(reading, viewer.id(), keys.get(viewer.id())).learnRunsAndNotifications()).toList());
            for (Receiver.Post post : receiver.received()) {
                if (post.path().startsWith("/hook/")) {
                    JsonNode body = Hub.JSON.readTree(post.body());
                    reading.notificationIds.add(body.path("notification_id").asString());
                }
            }
            List<Runnable> reads = new ArrayList<>();
            for (Viewer viewer : viewers) {
                String key = keys.get(viewer.id());
                ApiReads api = new ApiReads(reading, viewer.id(), key);
                reads.add(api::me);
                reads.add(api::objectsById);
                reads.add(() -> api.objectLists(submitterIds));
                reads.add(() -> api.correlations(submitterIds));
                reads.add(api::lookup);
                reads.add(() -> api.stats(submitterIds));
                reads.add(api::statuses);
                reads.add(api::runsAndNotificationsById);
                reads.add(api::subscriptions);
                Map<String, String> judges = SCOPES.keySet().stream()
                        .collect(Collectors.toMap(scope -> scope, scope -> viewer.id() + "@" + scope));
                reads.add(() -> new TaxiiReads(reading, viewer.id(), key, judges).read());
                reads.add(() -> reading.check(viewer.id(), "GET /api/v1/stream", streamOf.get(viewer.id()).text()));
            }
            for (Community.ConsoleUser user : community.users()) {
                reads.add(() -> ConsoleReads.signIn(reading, user).read());
            }
            parallel(reads);
            readPushedChannels(reading, receiver);
            // what the pushed channels carried, so that a channel that delivered nothing is seen as not covered
            System.out.printf("leak test: %d notification webhooks, %d subscription webhooks, %d e-mails, %d stream lines%n",
                    receiver.received().stream().filter(post -> post.path().startsWith("/hook/")).count(),
                    receiver.received().stream().filter(post -> post.path().startsWith("/sub/")).count(), SMTP.all().length,
                    streamOf.values().stream().mapToLong(stream -> stream.text().lines().count()).sum());
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            List<Ledger.Leak> leaks = ledger.leaks();
            System.out.printf("leak test: seed %d, size %d: %d principals viewing, %d objects (%d deleted, %d new versions), "
                    + "%d values, %d responses, %d checks (viewer x object x path), %d leaks; built and settled in %d s, read in %d s%n",
                    SEED, SIZE,
                    viewers.size(), world.objects().size(), world.deletions().size(),
                    world.versions().stream().mapToInt(v -> v.objects().size()).sum(), oracle.holders().size(),
                    ledger.responses(), ledger.checks(), leaks.size(), settled, seconds);
            ledger.summary().forEach((where, count) -> System.out.println("  leaks " + count + " x " + where));
            describe(leaks, world, oracle);
            assertThat(ledger.checks()).isGreaterThanOrEqualTo(100_000);
            assertThat(leaks).as("secrets read where the sharing policy forbids them (viewer path secret-kind token), "
                    + "first 50 of %d; seed %d size %d", leaks.size(), SEED, SIZE)
                    .satisfies(found -> assertThat(found.stream().limit(50).map(Ledger.Leak::toString).toList()).isEmpty());
        }
    }

    /** What the first leaked tokens are in the world: an object's type, owner and level, or a value's holders. */
    private static void describe(List<Ledger.Leak> leaks, World world, Oracle oracle) {
        Set<String> tokens = leaks.stream().limit(50).map(Ledger.Leak::token).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String token : tokens) {
            world.objects().stream().filter(object -> object.uuid().equals(token) || object.markers().contains(token))
                    .forEach(object -> System.out.printf("  %s is %s of %s at %s%s%n", token, object.id(), object.owner(),
                            object.level().label(), object.marked() ? "" : " (unmarked)"));
            oracle.holders().forEach((value, holders) -> {
                if (value.value().equals(token) || Oracle.correlationId(value).equals(token)
                        || Oracle.groupingUuid(Oracle.correlationId(value)).equals(token)) {
                    System.out.printf("  %s is %s, held by %s%n", token, value.key(), holders.stream()
                            .map(object -> object.owner() + "/" + object.level().label()).toList());
                }
            });
        }
    }

    /** Notification webhooks, subscription webhooks, e-mail, the notifications topic and the scope topics. */
    private void readPushedChannels(Reading reading, Receiver receiver) throws Exception {
        java.util.Map<String, Object> bootstrap = org.certhub.EngineClients.kafka(environment);
        for (Receiver.Post post : receiver.received()) {
            String[] parts = post.path().split("/");
            String path = post.path().startsWith("/hook/") ? "notification webhook" : "subscription webhook";
            reading.check(parts[2], path, post.headers() + "\n" + post.body());
        }
        for (MimeMessage mail : SMTP.all()) {
            String to = mail.getAllRecipients()[0].toString();
            String principal = to.substring(to.indexOf('@') + 1, to.length() - ".example".length());
            reading.check(principal, "notification e-mail", mail.getSubject() + "\n" + String.join("\n", Mailbox.textParts(mail)));
        }
        for (TopicRecords.Text record : TopicRecords.all(bootstrap, NOTIFICATIONS)) {
            reading.check(record.key(), "Kafka " + NOTIFICATIONS, record.text());
        }
        for (String scope : SCOPES.keySet()) {
            List<TopicRecords.Text> records = TopicRecords.all(bootstrap, "certhub.feed." + scope);
            System.out.printf("leak test: %d records on certhub.feed.%s%n", records.size(), scope);
            for (TopicRecords.Text record : records) {
                reading.check("scope:" + scope, "Kafka certhub.feed." + scope, record.text());
            }
        }
    }

    private void releaseShippedPlaybooks(Hub hub, String adminKey) throws IOException {
        Path shipped = Path.of("playbooks");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("v[0-9]+\\.yaml")).toList()) {
                String id = file.getParent().getFileName().toString();
                Path target = Files.createDirectories(playbooks.directory().resolve(id)).resolve(file.getFileName());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                ids.add(id);
            }
        }
        await().atMost(WAIT).untilAsserted(() -> {
            Reply listed = hub.get("/api/v1/playbooks", adminKey);
            assertThat(listed.body()).contains(ids);
        });
    }

    private static List<String> submit(Hub hub, Map<String, String> keys, List<World.Submission> submissions) {
        List<String> statusIds = new ArrayList<>();
        for (World.Submission submission : submissions) {
            Reply accepted = hub.post("/api/v1/bundles", keys.get(submission.owner()), submission.bundle());
            assertThat(accepted.status()).as("submission of %s: %s", submission.owner(), accepted.body()).isEqualTo(202);
            statusIds.add(Hub.json(accepted).path("id").asString());
        }
        return statusIds;
    }

    /** Every object answers its owner with its first (or newest) marker, and every deleted one is gone. */
    private static void awaitIndexed(Hub hub, Map<String, String> keys, List<SharedObject> objects, boolean newest) {
        Set<SharedObject> pending = ConcurrentSet.of(objects);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            pending.removeIf(object -> {
                Reply reply = hub.get("/api/v1/objects/" + object.id(), keys.get(object.owner()));
                return object.deleted() ? reply.status() == 404
                        : reply.status() == 200 && reply.body().contains(object.markers().get(newest ? object.markers().size() - 1 : 0));
            });
            assertThat(pending).extracting(SharedObject::id).isEmpty();
        });
    }

    /** Every value two CERTs reported has its correlation (the correlation stage is asynchronous). */
    private static void awaitCorrelations(Hub hub, Map<String, String> keys, Oracle oracle) {
        Map<Observable, String> expected = new LinkedHashMap<>();
        oracle.holders().forEach((value, holders) -> {
            Set<String> owners = holders.stream().map(SharedObject::owner).collect(Collectors.toSet());
            if (owners.size() >= 2 && !value.type().equals("cidr")) {
                expected.put(value, holders.get(0).owner());
            }
        });
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            expected.entrySet().removeIf(entry -> hub.get("/api/v1/correlations/" + Oracle.correlationId(entry.getKey()),
                    keys.get(entry.getValue())).status() == 200);
            assertThat(expected).isEmpty();
        });
    }

    /** Playbook runs started and their webhooks went out, and nothing more arrives for a while. */
    private static void awaitPlaybooks(Hub hub, String adminKey, Receiver receiver) {
        AtomicInteger last = new AtomicInteger(-1);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Reply runs = hub.get("/api/v1/playbook-runs?limit=500", adminKey);
            int count = Hub.json(runs).path("runs").size();
            long hooks = receiver.received().stream().filter(post -> post.path().startsWith("/hook/")).count();
            int now = count * 100_000 + (int) hooks + SMTP.all().length * 1000;
            boolean settled = count > 0 && hooks > 0 && now == last.get();
            last.set(now);
            return settled;
        });
    }

    private static void parallel(List<Runnable> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = tasks.stream().<Future<?>>map(threads::submit).toList();
            for (Future<?> task : running) {
                task.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A thread-safe set of the given elements. */
    private static final class ConcurrentSet {
        static <T> Set<T> of(List<T> elements) {
            Set<T> set = java.util.concurrent.ConcurrentHashMap.newKeySet();
            set.addAll(elements);
            return set;
        }
    }
}
