package org.certhub.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;

/**
 * An opaque cursor: the sort values of the last object of a page (time shared, owner, STIX id).
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
            text.append(value.isLong() ? String.valueOf(value.longValue()) : value._toJsonString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values to continue after, or empty when the cursor is not one of ours. */
    static Optional<List<FieldValue>> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(List.of(FieldValue.of(Long.parseLong(parts[0])), FieldValue.of(parts[1]),
                    FieldValue.of(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
