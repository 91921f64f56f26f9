package org.certhub.correlation.blind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.correlation.BlindDisclosure;
import org.certhub.correlation.BlindMatchBudgetSpentException;
import org.certhub.correlation.BlindMatchProperties;
import org.certhub.correlation.BlindMatches;
import org.certhub.correlation.BlindReveal;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.PrincipalKind;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blind match ledger on real Kafka and Elasticsearch, called as the correlation views call it:
 * reveals are recorded once a day, listed to their owner only, limited by a daily budget (3 here),
 * and their owners told in their inbox.
 */
@HubIntegrationTest
@TestPropertySource(properties = "certhub.correlation.blind-matches.daily-budget=3")
@DirtiesContext
class BlindMatchesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    BlindMatches blindMatches;

    @Autowired
    Community community;

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    RevealStore store;

    @Autowired
    NoticeProducer notices;

    @Autowired
    BlindMatchProperties properties;

    private DemoKeys keys;

    @BeforeEach
    void readDemoKeys() {
        keys = new DemoKeys(tenancy);
    }

    @Test
    void aBlindRevealIsRecordedOnceADayListedToItsOwnerOnlyAndTheOwnerIsToldInItsInbox() {
        String ip = randomIp();
        Principal viewer = probe();
        BlindReveal reveal = new BlindReveal("c-" + ip, "uz-cert", "ipv4-addr", ip, Tlp.RED);

        BlindDisclosure first = blindMatches.disclose(viewer, List.of(reveal, reveal));
        BlindDisclosure again = blindMatches.disclose(viewer, List.of(reveal));

        assertThat(first.budgetSpent()).isFalse();
        assertThat(first.shows("uz-cert", "ipv4-addr", ip)).isTrue();
        assertThat(again.shows("uz-cert", "ipv4-addr", ip)).isTrue();
        List<JsonNode> listed = blindMatchesOf("uz-cert", ip);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("cert").asString()).isEqualTo(viewer.id());
        assertThat(listed.get(0).path("value_type").asString()).isEqualTo("ipv4-addr");
        assertThat(listed.get(0).path("withheld").asBoolean()).isFalse();
        assertThat(Instant.parse(listed.get(0).path("first_revealed_at").asString())).isBefore(Instant.now().plusSeconds(1));
        for (String other : List.of("kz-cert", "kg-cert", "tj-cert")) {
            assertThat(blindMatchesOf(other, ip)).as("%s's list", other).isEmpty();
        }

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> notices = noticesOf("uz-cert", ip);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).path("text").asString()).contains(viewer.name()).contains(ip);
            assertThat(notices.get(0).path("subject").asString()).contains(viewer.name()).doesNotContain(ip);
            assertThat(notices.get(0).path("subject_kind").asString()).isEqualTo("blind-match");
            assertThat(notices.get(0).path("subject_id").asString()).isEqualTo("c-" + ip);
            assertThat(notices.get(0).path("state").asString()).isEqualTo("delivered");
        });
        assertThat(noticesOf("kz-cert", ip)).isEmpty();
    }

    @Test
    void pastTheDailyBudgetNewRevealsAreWithheldWithTheProblemAndTheirOwnerIsTold() {
        Principal viewer = probe();
        List<String> ips = List.of(randomIp(), randomIp(), randomIp(), randomIp());
        List<BlindReveal> reveals = ips.stream()
                .map(ip -> new BlindReveal("c-" + ip, "tj-cert", "ipv4-addr", ip, Tlp.AMBER_STRICT))
                .toList();

        BlindDisclosure withinBudget = blindMatches.disclose(viewer, reveals.subList(0, 3));
        BlindDisclosure pastIt = blindMatches.disclose(viewer, List.of(reveals.get(0), reveals.get(3)));
        BlindDisclosure alreadyRevealed = blindMatches.disclose(viewer, List.of(reveals.get(2)));

        assertThat(withinBudget.shown()).hasSize(3);
        assertThat(withinBudget.budgetSpent()).isFalse();
        assertThat(pastIt.shows("tj-cert", "ipv4-addr", ips.get(0))).isTrue();
        assertThat(pastIt.shows("tj-cert", "ipv4-addr", ips.get(3))).isFalse();
        assertThat(pastIt.withheld()).containsExactly(reveals.get(3));
        assertThatThrownBy(pastIt::orThrowWhenBudgetSpent).isInstanceOfSatisfying(BlindMatchBudgetSpentException.class,
                spent -> {
                    assertThat(spent.problem().getStatus()).isEqualTo(429);
                    assertThat(spent.problem().getType().toString()).isEqualTo("https://certhub.org/problems/blind-match-budget-spent");
                    assertThat(spent.problem().getProperties()).containsEntry("retryable", true);
                    assertThat(Long.parseLong(spent.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 86_400L);
                    assertThat(spent.problem().getDetail()).doesNotContain("tj-cert").doesNotContain(ips.get(3));
                });
        assertThat(alreadyRevealed.budgetSpent()).isFalse();
        assertThat(alreadyRevealed.shown()).containsExactly(reveals.get(2));
        assertThat(blindMatchesOf("tj-cert", ips.get(3))).singleElement()
                .satisfies(entry -> assertThat(entry.path("withheld").asBoolean()).isTrue());
        assertThat(blindMatchesOf("tj-cert", ips.get(0))).singleElement()
                .satisfies(entry -> assertThat(entry.path("withheld").asBoolean()).isFalse());

        await().atMost(WAIT).untilAsserted(() -> assertThat(noticesOf("tj-cert", ips.get(3))).singleElement()
                .satisfies(notice -> assertThat(notice.path("text").asString()).contains(viewer.name())
                        .contains("daily budget of 3").contains("not told")));
    }

    @Test
    void anInstanceThatDidNotRecordARevealNeitherCountsNorTellsItAgain() {
        Principal viewer = probe();
        List<String> ips = List.of(randomIp(), randomIp(), randomIp(), randomIp(), randomIp());
        List<BlindReveal> reveals = ips.stream()
                .map(ip -> new BlindReveal("c-" + ip, "tm-cert", "ipv4-addr", ip, Tlp.RED))
                .toList();
        blindMatches.disclose(viewer, reveals.subList(0, 2));
        blindMatches.disclose(viewer, reveals.subList(2, 4));
        BlindMatchLedger otherInstance = new BlindMatchLedger(store, notices, properties);

        BlindDisclosure there = otherInstance.disclose(viewer, List.of(reveals.get(0), reveals.get(3), reveals.get(4)));

        assertThat(there.shown()).containsExactly(reveals.get(0));
        assertThat(there.withheld()).containsExactly(reveals.get(3), reveals.get(4));
        assertThat(blindMatchesOf("tm-cert", ips.get(0))).hasSize(1);
        await().atMost(WAIT).until(() -> !noticesOf("tm-cert", ips.get(4)).isEmpty());
        assertThat(noticesOf("tm-cert", ips.get(0))).hasSize(1);
        assertThat(noticesOf("tm-cert", ips.get(3))).hasSize(1);
    }

    @Test
    void theOwnersListPagesNewestFirstWithACursor() {
        Principal viewer = probe();
        String ip = randomIp();
        List<BlindReveal> reveals = new ArrayList<>();
        for (String owner : List.of("kg-cert", "tm-cert", "cn-cert")) {
            reveals.add(new BlindReveal("c-" + ip, owner, "ipv4-addr", ip, Tlp.RED));
        }
        blindMatches.disclose(viewer, reveals.subList(0, 1));
        blindMatches.disclose(viewer, reveals.subList(1, 3));
        blindMatches.disclose(probe(), reveals.subList(0, 1));

        JsonNode first = get("kg-cert", "/api/v1/blind-matches?limit=1");
        JsonNode second = get("kg-cert", "/api/v1/blind-matches?limit=1&cursor=" + first.path("next").asString());

        assertThat(first.path("blind_matches")).hasSize(1);
        assertThat(second.path("blind_matches")).hasSize(1);
        assertThat(Instant.parse(first.path("blind_matches").get(0).path("first_revealed_at").asString()))
                .isAfterOrEqualTo(Instant.parse(second.path("blind_matches").get(0).path("first_revealed_at").asString()));
        assertThat(first.path("blind_matches").get(0)).isNotEqualTo(second.path("blind_matches").get(0));
        http.get().uri("/api/v1/blind-matches?cursor=nonsense").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.of("kg-cert"))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("cursor");
    }

    @Test
    void onlyACertsSubmittersAndRespondersMayReadItsBlindMatches() {
        for (String principal : List.of("regional-soc", "admin")) {
            http.get().uri("/api/v1/blind-matches").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.of(principal))
                    .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://certhub.org/problems/forbidden");
        }
        http.get().uri("/api/v1/blind-matches").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/blind-matches").header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.of("cn-cert"))
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON);
    }

    /** A viewer of its own, so that each test starts with a whole budget. */
    private static Principal probe() {
        String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        return new Principal(id, PrincipalKind.CERT, Set.of(Role.RESPONDER), "identity--" + UUID.randomUUID(), true,
                Tlp.AMBER, id.toUpperCase(), Optional.empty(), Instant.now());
    }

    private List<JsonNode> blindMatchesOf(String owner, String value) {
        List<JsonNode> found = new ArrayList<>();
        get(owner, "/api/v1/blind-matches?limit=500").path("blind_matches").forEach(entry -> {
            if (entry.path("value").asString().equals(value)) {
                found.add(entry);
            }
        });
        return found;
    }

    private List<JsonNode> noticesOf(String recipient, String value) {
        List<JsonNode> found = new ArrayList<>();
        get(recipient, "/api/v1/notifications?limit=500").path("notifications").forEach(notice -> {
            if (notice.path("text").asString().contains(value)) {
                found.add(notice);
            }
        });
        return found;
    }

    private JsonNode get(String principal, String uri) {
        byte[] body = http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.of(principal)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
