package org.certhub.feed.taxii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.web.ProblemError;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII {@code next} tokens: the sort values of a page's last object (date added, STIX id, owner,
 * version), so the next page is one {@code search_after} query whatever its number, bound to the
 * collection, the listing (endpoint and filters) and the principal, and signed with HMAC-SHA256.
 * A token that was altered, or is presented for another collection, filter or principal, is refused.
 */
@Component
class PageTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    PageTokens(PageTokenKey key) {
        this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
    }

    /** What a token is bound to: the same binding must be presented to continue. */
    record Binding(String collectionId, String principalId, String listing) {
    }

    String encode(Binding binding, List<FieldValue> after) {
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode values = payload.putArray("a");
        for (FieldValue value : after) {
            if (value.isLong()) {
                values.add(value.longValue());
            } else if (value.isDouble()) {
                values.add(value.doubleValue());
            } else if (value.isString()) {
                values.add(value.stringValue());
            } else {
                values.addNull();
            }
        }
        String body = base64(JSON.writeValueAsBytes(payload));
        return body + "." + base64(sign(binding, body));
    }

    /** The sort values to continue after; a 400 {@code invalid-next} for any token not issued for this binding. */
    List<FieldValue> decode(String token, Binding binding) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String body = token.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(signature, sign(binding, body))) {
            throw invalid();
        }
        try {
            JsonNode values = JSON.readTree(Base64.getUrlDecoder().decode(body)).path("a");
            List<FieldValue> after = new ArrayList<>();
            for (JsonNode value : values) {
                if (value.isIntegralNumber()) {
                    after.add(FieldValue.of(value.asLong()));
                } else if (value.isNumber()) {
                    after.add(FieldValue.of(value.asDouble()));
                } else if (value.isString()) {
                    after.add(FieldValue.of(value.asString()));
                } else {
                    after.add(FieldValue.NULL);
                }
            }
            return after;
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] sign(Binding binding, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Length-prefixed parts: no two different bindings sign the same bytes.
            for (String part : List.of(binding.collectionId(), binding.principalId(), binding.listing(), body)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RuntimeException invalid() {
        return ObjectSelection.badRequest(List.of(new ProblemError("next", "invalid-next",
                "not a next token this server issued for this collection, filter and principal")));
    }
}
