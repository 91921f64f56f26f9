package org.certhub.feed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.feed.subscription.FeedBundles;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream against real Kafka: what each kind of principal sees of a CERT's objects at every
 * TLP level, resumption after {@code Last-Event-ID} without loss or repeat, heartbeats, and the
 * refusals (anonymous, forged ids, too many streams).
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @LocalServerPort
    int port;

    private DemoKeys keys;

    @BeforeAll
    void readKeys() {
        keys = new DemoKeys(tenancy);
    }

    @Test
    void eachPrincipalStreamsExactlyWhatTheSharingPolicyAllows() throws Exception {
        try (SseClient own = open("kz-cert", ""); SseClient member = open("uz-cert", "");
                SseClient partner = open("regional-soc", "")) {
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.contentType()).startsWith("text/event-stream");
            FeedBundles bundle = FeedBundles.everyLevel();
            submit("kz-cert", bundle);

            assertThat(streamedIds(own, bundle)).containsExactlyElementsOf(bundle.allIds());
            assertThat(streamedIds(member, bundle)).containsExactlyElementsOf(bundle.idsOf(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
            assertThat(streamedIds(partner, bundle)).containsExactlyElementsOf(bundle.idsOf(Tlp.CLEAR, Tlp.GREEN));
            assertThat(partner.events().toString()).doesNotContain(bundle.id(Tlp.AMBER))
                    .doesNotContain(bundle.id(Tlp.AMBER_STRICT)).doesNotContain(bundle.id(Tlp.RED));
        }
    }

    @Test
    void anonymousCallersAndAdminsGetNoStream() throws Exception {
        try (SseClient anonymous = SseClient.open(uri(""), null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
        }
        try (SseClient admin = open("admin", "")) {
            assertThat(admin.status()).isEqualTo(403);
        }
    }

    @Test
    void reconnectWithLastEventIdContinuesRightAfterItWithoutLossOrRepeat() throws Exception {
        FeedBundles first = new FeedBundles(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.RED);
        FeedBundles second = new FeedBundles(Tlp.GREEN, Tlp.AMBER);
        List<String> expected = new ArrayList<>(first.idsOf(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
        expected.addAll(second.idsOf(Tlp.GREEN, Tlp.AMBER));
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient before = open("tj-cert", "")) {
            submit("kz-cert", first);
            await().atMost(WAIT).until(() -> ids(before, first).size() >= 2);
            List<SseClient.Event> got = ofBundle(before, first).subList(0, 2);
            got.forEach(event -> seen.add(idOf(event)));
            lastId = got.get(1).id();
        }
        submit("kz-cert", second);
        try (SseClient after = SseClient.open(uri(""), bearer("tj-cert"), lastId)) {
            assertThat(after.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> ids(after, second).contains(second.sentinel())
                    && ids(after, first).contains(first.sentinel()));
            ofBundle(after, first).forEach(event -> seen.add(idOf(event)));
            ofBundle(after, second).forEach(event -> seen.add(idOf(event)));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void filtersNarrowTheStream() throws Exception {
        try (SseClient green = open("kg-cert", "?max_tlp=green&type=malware")) {
            FeedBundles bundle = FeedBundles.everyLevel();
            submit("uz-cert", bundle);
            assertThat(streamedIds(green, bundle)).containsExactlyElementsOf(bundle.idsOf(Tlp.CLEAR, Tlp.GREEN));
        }
        http.get().uri("/api/v1/stream?max_tlp=purple&observable_type=dna").header("Authorization", bearer("kg-cert"))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void garbageOrForgedEventIdsAreRefused() throws Exception {
        for (String id : List.of("garbage", "v1.0-1-0_0-2-0", "v1.0-0-0", "v1.0-999999999-0_1-0-0_2-0-0_3-0-0",
                "v1." + "0-0-0_".repeat(1000) + "0-0-0")) {
            try (SseClient refused = SseClient.open(uri(""), bearer("cn-cert"), id)) {
                assertThat(refused.status()).as(id).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.errorBody()).contains("invalid-last-event-id");
            }
        }
    }

    @Test
    void idleStreamsGetHeartbeats() throws Exception {
        try (SseClient idle = open("tm-cert", "?type=x-nothing-ever")) {
            await().atMost(WAIT).until(() -> idle.comments() >= 3);
        }
    }

    @Test
    void aPrincipalHoldsAtMostItsLimitOfStreams() throws Exception {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(open("regional-soc", "?type=x-limit"));
            }
            assertThat(open).allSatisfy(client -> assertThat(client.status()).isEqualTo(200));
            try (SseClient fourth = open("regional-soc", "?type=x-limit")) {
                assertThat(fourth.status()).isEqualTo(429);
                assertThat(fourth.errorBody()).contains("too-many-streams");
            }
        } finally {
            for (SseClient client : open) {
                client.close();
            }
        }
        // A closed stream's slot comes back once the server notices (at its next heartbeat at the latest).
        await().atMost(WAIT).until(() -> {
            try (SseClient again = open("regional-soc", "?type=x-limit")) {
                return again.status() == 200;
            }
        });
    }

    private List<String> streamedIds(SseClient client, FeedBundles bundle) {
        await().atMost(WAIT).until(() -> ids(client, bundle).contains(bundle.sentinel()));
        return ids(client, bundle);
    }

    private static List<String> ids(SseClient client, FeedBundles bundle) {
        return ofBundle(client, bundle).stream().map(StreamIntegrationTests::idOf).toList();
    }

    private static List<SseClient.Event> ofBundle(SseClient client, FeedBundles bundle) {
        return client.events().stream().filter(event -> bundle.allIds().contains(idOf(event))).toList();
    }

    private static String idOf(SseClient.Event event) {
        return JSON.readTree(event.data()).path("id").asString();
    }

    private SseClient open(String principal, String query) throws Exception {
        return SseClient.open(uri(query), bearer(principal), null);
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/stream" + query);
    }

    private void submit(String principal, FeedBundles bundle) {
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(principal))
                .body(bundle.json()).exchange().expectStatus().isAccepted();
    }

    private String bearer(String principal) {
        return "Bearer " + keys.of(principal);
    }
}
