package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certhub.TestBundles.addressIndicator;
import static org.certhub.TestBundles.reportBundle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.correlation.internal.Correlation;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * What a network's correlation tells a CERT that only reported an address inside it, and what
 * very broad networks tell anyone: a correlation's value is derived data, visible only to whoever
 * may see a member that reported the value itself. Every read path the value could leak through is
 * asked: the correlations list and its {@code value} filter, the correlation by id, observables,
 * the lookup, the dashboard figures and the TAXII {@code correlations} collection.
 */
@HubIntegrationTest
class ContainmentDisclosureIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String COLLECTION = "/taxii2/api/collections/correlations/objects/";

    @Autowired
    RestTestClient http;

    @Autowired
    TenancyProperties tenancy;

    private DemoKeys keys;

    @BeforeEach
    void readDemoKeys() {
        keys = new DemoKeys(tenancy);
    }

    @Test
    void aCertWithOnlyAnAddressInsideARedNetworkNeverSeesTheNetworkButGetsABlindMatch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String prefix = "100." + random.nextInt(64, 128) + "." + random.nextInt(256);
        String network = prefix + ".16/28";
        String address = prefix + ".20";
        String networkId = Correlation.idOf("cidr:" + network);
        String networkStixId = CorrelationStixIds.of(networkId);
        submit("uz-cert", reportBundle(Tlp.RED, TestBundles.indicator(Tlp.RED, "Infrastructure",
                "[ipv4-addr:value ISSUBSET '" + network + "']")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("uz-cert", "/api/v1/observables?value=" + network)
                .path("matches")).hasSize(1));

        submit("kz-cert", reportBundle(Tlp.GREEN, addressIndicator(Tlp.GREEN, "Beacon", address)));

        // The owner sees its network correlate with kz-cert's address, which it may see whole.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode detail = get("uz-cert", "/api/v1/correlations/" + networkId);
            assertThat(detail.path("value").asString()).isEqualTo(network);
            assertThat(detail.path("rule").asString()).isEqualTo("cidr-containment");
            JsonNode kz = detail.path("members").findParents("cert").stream()
                    .filter(member -> member.path("cert").asString().equals("kz-cert")).findFirst().orElseThrow();
            assertThat(kz.path("blind").asBoolean()).isFalse();
            assertThat(kz.path("via").toString()).contains(address);
        });

        // kz-cert: the network does not exist, wherever it asks.
        String[] secrets = {prefix + ".16", networkId, networkStixId};
        http.get().uri("/api/v1/correlations/" + networkId).header("Authorization", "Bearer " + keys.of("kz-cert"))
                .exchange().expectStatus().isNotFound().expectHeader().contentType("application/problem+json");
        assertThat(get("kz-cert", "/api/v1/correlations?value=" + address).path("correlations")).isEmpty();
        assertThat(get("kz-cert", "/api/v1/correlations?value=" + network).path("correlations")).isEmpty();
        assertThat(get("kz-cert", "/api/v1/correlations?cert=kz-cert&limit=1000").toString()).doesNotContain(secrets);
        assertThat(get("kz-cert", "/api/v1/stats?top=100").toString()).doesNotContain(secrets);
        for (String reader : List.of("kz-cert", "regional-soc")) {
            assertThat(taxii(reader, COLLECTION + "?match[id]=" + networkStixId).has("objects")).isFalse();
            assertThat(taxii(reader, COLLECTION + "?limit=1000").toString()).doesNotContain(secrets);
            taxiiRequest(reader, COLLECTION + networkStixId + "/").expectStatus().isNotFound();
        }

        // kz-cert asked about an address it knows: a restricted report matches, and whom to contact.
        JsonNode observed = get("kz-cert", "/api/v1/observables?value=" + address);
        JsonNode looked = lookup("kz-cert", address).path("results").get(0);
        for (JsonNode answer : List.of(observed, looked)) {
            assertThat(answer.toString()).doesNotContain(secrets);
            // Its own sighting of the address, and the blind match.
            assertThat(answer.path("matches").findValuesAsString("relation")).containsExactly("equal", "contained-in");
            assertThat(answer.path("matches").get(0).path("value").asString()).isEqualTo(address);
            JsonNode blind = answer.path("matches").get(1);
            assertThat(blind.propertyNames()).containsExactly("relation", "blind", "sightings");
            assertThat(blind.path("relation").asString()).isEqualTo("contained-in");
            assertThat(blind.path("blind").asBoolean()).isTrue();
            assertThat(blind.path("sightings")).hasSize(1);
            JsonNode entry = blind.path("sightings").get(0);
            assertThat(entry.propertyNames()).containsExactly("blind", "cert", "contact", "tlp");
            assertThat(entry.path("cert").asString()).isEqualTo("uz-cert");
            assertThat(entry.path("tlp").asString()).isEqualTo("TLP:RED");
        }

        // A third CERT that may see a shareable holder of the same network sees it whole, restricted members blind.
        submit("tj-cert", reportBundle(Tlp.GREEN, TestBundles.indicator(Tlp.GREEN, "Range",
                "[ipv4-addr:value ISSUBSET '" + network + "']")));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode detail = get("kg-cert", "/api/v1/correlations/" + networkId);
            assertThat(detail.path("value").asString()).isEqualTo(network);
            assertThat(detail.path("members")).hasSize(3);
        });
        JsonNode seenByKg = get("kg-cert", "/api/v1/correlations/" + networkId).path("members");
        assertThat(seenByKg.findParents("cert")).extracting(member -> member.path("cert").asString() + ":"
                + member.path("blind").asBoolean()).containsExactlyInAnyOrder("uz-cert:true", "kz-cert:false", "tj-cert:false");
        // Searches see the summary at the index's next refresh; a read by id sees it at once.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(get("kg-cert", "/api/v1/correlations?value=" + address).path("correlations")
                    .findValuesAsString("value")).containsExactly(network);
            assertThat(taxii("regional-soc", COLLECTION + "?match[id]=" + networkStixId).path("objects")).hasSize(1);
        });
    }

    @Test
    void veryBroadNetworksTellNothingAboutTheAddressesInsideThemAndStillCorrelateAsValues() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int octet = random.nextInt(30, 60);
        String eight = octet + ".0.0.0/8";
        String redAddress = octet + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        String unreported = octet + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        submit("kg-cert", reportBundle(Tlp.GREEN, TestBundles.indicator(Tlp.GREEN, "Everything",
                "[ipv4-addr:value ISSUBSET '0.0.0.0/0']"), TestBundles.indicator(Tlp.GREEN, "A /8",
                "[ipv4-addr:value ISSUBSET '" + eight + "']")));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(get("kg-cert", "/api/v1/observables?value=0.0.0.0/0").path("matches")).isNotEmpty();
            assertThat(get("kg-cert", "/api/v1/observables?value=" + eight).path("matches")).hasSize(1);
        });

        submit("uz-cert", reportBundle(Tlp.RED, addressIndicator(Tlp.RED, "Victim", redAddress)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("uz-cert", "/api/v1/observables?value=" + redAddress)
                .path("matches")).hasSize(1));

        JsonNode results = lookup("tj-cert", redAddress, unreported).path("results");
        assertThat(results.get(0).path("matches")).isEmpty();
        assertThat(results.get(1).path("matches")).isEmpty();
        assertThat(results.toString()).doesNotContain("uz-cert").doesNotContain("TLP:RED");
        assertThat(get("tj-cert", "/api/v1/observables?value=" + redAddress).path("matches")).isEmpty();
        assertThat(get("tj-cert", "/api/v1/correlations?value=" + redAddress).path("correlations")).isEmpty();
        assertThat(get("kg-cert", "/api/v1/correlations/" + Correlation.idOf("cidr:" + eight)).path("members").toString())
                .doesNotContain("uz-cert");

        // The same /8 reported by another CERT: a correlation of the value itself.
        submit("kz-cert", reportBundle(Tlp.GREEN, TestBundles.indicator(Tlp.GREEN, "Same /8",
                "[ipv4-addr:value ISSUBSET '" + eight + "']")));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode listed = get("tj-cert", "/api/v1/correlations?value=" + eight).path("correlations");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("member_count").asInt()).isEqualTo(2);
            assertThat(listed.get(0).path("rule").asString()).isEqualTo("shared-value");
            assertThat(listed.get(0).path("certs").toString()).isEqualTo("[\"kg-cert\",\"kz-cert\"]");
        });
    }

    private void submit(String cert, String bundle) {
        http.post().uri("/api/v1/bundles").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keys.of(cert)).body(bundle).exchange().expectStatus().isAccepted();
    }

    private JsonNode get(String principal, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + keys.of(principal)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode lookup(String principal, String... values) {
        StringBuilder body = new StringBuilder("{\"values\":[");
        for (int i = 0; i < values.length; i++) {
            body.append(i == 0 ? "\"" : ",\"").append(values[i]).append('"');
        }
        return http.post().uri("/api/v1/observables/lookup").header("Authorization", "Bearer " + keys.of(principal))
                .contentType(MediaType.APPLICATION_JSON).body(body.append("]}").toString()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec taxiiRequest(String principal, String path) {
        String basic = Base64.getEncoder().encodeToString((principal + ":" + keys.of(principal)).getBytes(StandardCharsets.UTF_8));
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Basic " + basic).header(HttpHeaders.ACCEPT, TAXII)
                .exchange();
    }

    private JsonNode taxii(String principal, String path) {
        return taxiiRequest(principal, path).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
