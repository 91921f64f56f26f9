package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

class PageCursorTests {

    @Test
    void aRelevanceCursorCarriesTheScoreBeforeTheTimeOwnerAndId() {
        String cursor = PageCursor.encode(List.of(FieldValue.of(3.25), FieldValue.of(1_764_000_000_000L),
                FieldValue.of("kz-cert"), FieldValue.of("campaign--1")));
        List<FieldValue> values = PageCursor.decode(cursor, true).orElseThrow();
        assertThat(values.get(0).doubleValue()).isEqualTo(3.25);
        assertThat(values.get(1).longValue()).isEqualTo(1_764_000_000_000L);
        assertThat(values.get(2).stringValue()).isEqualTo("kz-cert");
        assertThat(values.get(3).stringValue()).isEqualTo("campaign--1");
    }

    @Test
    void aCursorOfOneOrderIsRefusedForTheOther() {
        String byTime = PageCursor.encode(List.of(FieldValue.of(1L), FieldValue.of("kz-cert"), FieldValue.of("x--1")));
        String byRelevance = PageCursor.encode(List.of(FieldValue.of(1.5), FieldValue.of(1L), FieldValue.of("kz-cert"),
                FieldValue.of("x--1")));
        assertThat(PageCursor.decode(byTime, true)).isEmpty();
        assertThat(PageCursor.decode(byRelevance, false)).isEmpty();
    }

    @Test
    void refusesAForgedScoreThatIsNotANumber() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("NaN\n1\nkz-cert\nx--1".getBytes(StandardCharsets.UTF_8));
        assertThat(PageCursor.decode(forged, true)).isEmpty();
    }
}
