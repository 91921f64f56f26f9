package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/objects?q=...} over names and descriptions in Russian, Kazakh, Chinese and
 * English on the real Elasticsearch (standard analyzer only): case-folded words, Chinese words as
 * exact character sequences, names ranked above descriptions, and never another CERT's RED object.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextSearchIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    private DemoKeys keys;
    private final Instant started = Instant.now().minusSeconds(1);
    private final String token = "kw" + UUID.randomUUID().toString().replace("-", "");
    private final String russian = id();
    private final String kazakh = id();
    private final String chinese = id();
    private final String chineseApart = id();
    private final String english = id();
    private final String tokenInName = id();
    private final String tokenInDescription = id();
    private final String uzRed = id();
    private final String uzGreen = id();

    @BeforeAll
    void certsShareCampaignsInFourLanguages() {
        keys = new DemoKeys(tenancy);
        submit("kz-cert", campaign(russian, Tlp.GREEN, "Фишинговая кампания против министерства",
                "Письма от имени Министерства финансов с вредоносным макросом."),
                campaign(kazakh, Tlp.GREEN, "Қаржы министрлігіне қарсы фишингтік шабуыл",
                        "Шабуылдаушылар VPN шлюзінің осалдығын пайдаланды."),
                campaign(chinese, Tlp.GREEN, "勒索软件攻击", "勒索软件加密了共享网络驱动器上的文件。"),
                campaign(chineseApart, Tlp.GREEN, "勒索邮件中的恶意软件", "攻击者通过伪造的邮件投递文档。"),
                campaign(english, Tlp.GREEN, "Ransomware attack on the energy sector",
                        "Initial access was a spear-phishing attachment."),
                campaign(tokenInName, Tlp.GREEN, "Operation " + token, "A campaign."),
                campaign(tokenInDescription, Tlp.GREEN, "Operation Steppe Wind", "Also tracked as " + token + " by partners."));
        submit("uz-cert", campaign(uzRed, Tlp.RED, "Фишинговая кампания против министерства",
                "Restricted: " + token), campaign(uzGreen, Tlp.GREEN, "Фишинговая кампания против министерства", "Shared."));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ids("kz-cert", "фишинговая")).contains(russian, uzGreen);
            assertThat(ids("uz-cert", token)).contains(tokenInName, tokenInDescription, uzRed);
        });
    }

    @Test
    void findsRussianWordsWhateverTheirCase() {
        assertThat(ids("kz-cert", "фишинговая")).contains(russian);
        assertThat(ids("kz-cert", "ФИШИНГОВАЯ Министерства")).contains(russian);
        assertThat(ids("kz-cert", "фишинговая")).doesNotContain(kazakh, chinese, english);
    }

    @Test
    void findsKazakhWordsWithKazakhLettersWhateverTheirCase() {
        assertThat(ids("kz-cert", "ҚАРЖЫ")).containsExactly(kazakh);
        assertThat(ids("kz-cert", "шлюзінің")).containsExactly(kazakh);
    }

    @Test
    void findsAChineseWordAsItsExactSequenceOfCharacters() {
        assertThat(ids("kz-cert", "勒索软件")).containsExactly(chinese);
        assertThat(ids("kz-cert", "软件勒索")).isEmpty();
    }

    @Test
    void findsChineseTermsSeparatedBySpacesAnywhere() {
        assertThat(ids("kz-cert", "勒索 软件")).containsExactlyInAnyOrder(chinese, chineseApart);
    }

    @Test
    void findsEnglishWordsAcrossNameAndDescriptionAndRequiresEveryWord() {
        assertThat(ids("kz-cert", "RANSOMWARE energy")).containsExactly(english);
        assertThat(ids("kz-cert", "ransomware spear-phishing")).containsExactly(english);
        assertThat(ids("kz-cert", "ransomware finance")).isEmpty();
    }

    @Test
    void ranksAMatchInTheNameAboveOneInTheDescription() {
        assertThat(ids("kz-cert", token)).containsExactly(tokenInName, tokenInDescription);
    }

    @Test
    void pagesThroughResultsInRelevanceOrder() {
        JsonNode first = search("kz-cert", token, "&limit=1");
        assertThat(first.path("objects").get(0).path("object").path("id").asString()).isEqualTo(tokenInName);
        String cursor = first.path("next").asString();
        JsonNode second = search("kz-cert", token, "&limit=1&cursor=" + cursor);
        assertThat(second.path("objects").get(0).path("object").path("id").asString()).isEqualTo(tokenInDescription);
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void neverFindsAnotherCertsRedObject() {
        assertThat(ids("kz-cert", "фишинговая")).contains(uzGreen).doesNotContain(uzRed);
        assertThat(ids("kz-cert", token)).doesNotContain(uzRed);
        assertThat(ids("uz-cert", token)).contains(uzRed);
    }

    @Test
    void rejectsAnOversizedQuery() {
        get("kz-cert", "/api/v1/objects?q=" + "a".repeat(513)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("q");
    }

    @Test
    void rejectsACursorOfTheListingByTimeForATextQuery() {
        String byTime = get("kz-cert", "/api/v1/objects?type=campaign&limit=1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("next").asString();
        get("kz-cert", "/api/v1/objects?q=" + token + "&cursor=" + byTime).expectStatus().isBadRequest();
    }

    @Test
    void aQueryOfPunctuationAloneFindsNothing() {
        assertThat(ids("kz-cert", "!!! ???")).isEmpty();
    }

    private List<String> ids(String principal, String q) {
        List<String> ids = new ArrayList<>();
        search(principal, q, "&limit=100").path("objects").forEach(o -> ids.add(o.path("object").path("id").asString()));
        return ids;
    }

    private JsonNode search(String principal, String q, String more) {
        return http.get().uri("/api/v1/objects?type=campaign&since={since}&q={q}" + more, started, q)
                .header("Authorization", "Bearer " + keys.of(principal)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void submit(String principal, String... objects) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":["
                + String.join(",", objects) + "]}";
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of(principal)).body(bundle).exchange().expectStatus().isAccepted();
    }

    private static String campaign(String id, Tlp tlp, String name, String description) {
        return "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2026-11-01T10:00:00.000Z\","
                + "\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"" + name + "\",\"description\":\"" + description
                + "\",\"object_marking_refs\":[\"" + tlp.markingDefinitionId() + "\"]}";
    }

    private static String id() {
        return "campaign--" + UUID.randomUUID();
    }

    private RestTestClient.ResponseSpec get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange();
    }
}
