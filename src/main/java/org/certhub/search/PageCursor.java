package org.certhub.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;

/**
 * An opaque cursor: the sort values of the last object of a page (text score when the listing is
 * by relevance, time shared, owner, STIX id).
 * It carries no filter and no permission: the filters and the sharing policy are applied afresh on
 * every page, so a forged cursor can only move within what the caller may see anyway.
 */
final class PageCursor {

    private static final char SEPARATOR = '\n';

    private PageCursor() {
    }

    static String encode(List<FieldValue> sortValues) {
        StringBuilder text = new StringBuilder();
        for (FieldValue value : sortValues) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(value.isLong() ? String.valueOf(value.longValue())
                    : value.isDouble() ? String.valueOf(value.doubleValue()) : value._toJsonString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort values to continue after, or empty when the cursor is not one of ours or was issued
     * for the other order ({@code scored}: a listing by text relevance).
     */
    static Optional<List<FieldValue>> decode(String cursor, boolean scored) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEPARATOR), -1);
            int first = scored ? 1 : 0;
            if (parts.length != first + 3) {
                return Optional.empty();
            }
            List<FieldValue> values = new ArrayList<>();
            if (scored) {
                double score = Double.parseDouble(parts[0]);
                if (!Double.isFinite(score)) {
                    return Optional.empty();
                }
                values.add(FieldValue.of(score));
            }
            values.add(FieldValue.of(Long.parseLong(parts[first])));
            values.add(FieldValue.of(parts[first + 1]));
            values.add(FieldValue.of(parts[first + 2]));
            return Optional.of(List.copyOf(values));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
