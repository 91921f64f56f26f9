package org.certhub.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.certhub.DemoKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Requests as a TAXII 2.1 client sends them: the TAXII media type, HTTP Basic (principal id, API key). */
final class TaxiiClient {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String ROOT = "/taxii2/api/";

    private final RestTestClient http;
    private final DemoKeys keys;

    TaxiiClient(RestTestClient http, DemoKeys keys) {
        this.http = http;
        this.keys = keys;
    }

    /** GET as {@code principal} (empty: anonymous). */
    RestTestClient.ResponseSpec get(Optional<String> principal, String path) {
        return http.get().uri(path).headers(h -> auth(h, principal)).header(HttpHeaders.ACCEPT, TAXII).exchange();
    }

    RestTestClient.ResponseSpec get(String principal, String path) {
        return get(Optional.of(principal), path);
    }

    JsonNode json(String principal, String path) {
        return get(principal, path).expectStatus().isOk().expectHeader().contentType(TAXII)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec post(String principal, String path, String body) {
        return http.post().uri(path).headers(h -> auth(h, Optional.of(principal))).header(HttpHeaders.ACCEPT, TAXII)
                .contentType(MediaType.parseMediaType(TAXII)).body(body).exchange();
    }

    RestTestClient.ResponseSpec delete(String principal, String path) {
        return http.delete().uri(path).headers(h -> auth(h, Optional.of(principal))).header(HttpHeaders.ACCEPT, TAXII)
                .exchange();
    }

    /** The collection's id as the server lists it, by alias. */
    String collectionId(String principal, String alias) {
        for (JsonNode collection : json(principal, ROOT + "collections/").path("collections")) {
            if (collection.path("alias").asString().equals(alias)) {
                return collection.path("id").asString();
            }
        }
        throw new IllegalArgumentException("no collection " + alias + " for " + principal);
    }

    private void auth(HttpHeaders headers, Optional<String> principal) {
        principal.ifPresent(id -> headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((id + ":" + keys.of(id)).getBytes(StandardCharsets.UTF_8))));
    }
}
