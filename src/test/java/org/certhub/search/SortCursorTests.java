package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.search.SortCursor.Kind;
import org.junit.jupiter.api.Test;

class SortCursorTests {

    private static final List<Kind> BY_RELEVANCE = List.of(Kind.DOUBLE, Kind.LONG, Kind.STRING, Kind.STRING);
    private static final List<Kind> BY_TIME = List.of(Kind.LONG, Kind.STRING, Kind.STRING);

    @Test
    void aCursorCarriesTheSortValuesOfItsOrderInTheirKinds() {
        String cursor = SortCursor.encode("relevance", List.of(FieldValue.of(3.25), FieldValue.of(1_764_000_000_000L),
                FieldValue.of("kz-cert"), FieldValue.of("campaign--1")));

        List<FieldValue> values = SortCursor.decode(cursor, "relevance", BY_RELEVANCE).orElseThrow();

        assertThat(values.get(0).doubleValue()).isEqualTo(3.25);
        assertThat(values.get(1).longValue()).isEqualTo(1_764_000_000_000L);
        assertThat(values.get(2).stringValue()).isEqualTo("kz-cert");
        assertThat(values.get(3).stringValue()).isEqualTo("campaign--1");
    }

    @Test
    void aWholeNumberScoreStillReadsAsAScore() {
        String cursor = SortCursor.encode("SCORE", List.of(FieldValue.of(50L), FieldValue.of(1L), FieldValue.of("abc")));

        assertThat(SortCursor.decode(cursor, "SCORE", List.of(Kind.DOUBLE, Kind.LONG, Kind.STRING)).orElseThrow().get(0)
                .doubleValue()).isEqualTo(50.0);
    }

    @Test
    void aCursorOfAnotherOrderOrShapeIsRefused() {
        String byTime = SortCursor.encode("shared", List.of(FieldValue.of(1L), FieldValue.of("kz-cert"), FieldValue.of("x--1")));

        assertThat(SortCursor.decode(byTime, "relevance", BY_TIME)).isEmpty();
        assertThat(SortCursor.decode(byTime, "shared", BY_RELEVANCE)).isEmpty();
        assertThat(SortCursor.decode(byTime, "shared", List.of(Kind.STRING, Kind.STRING, Kind.STRING))).isEmpty();
        assertThat(SortCursor.decode(byTime, "shared", BY_TIME)).isPresent();
    }

    @Test
    void refusesWhatIsNotOneOfOurs() {
        String nan = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"relevance\",\"NaN\",1,\"kz-cert\",\"x--1\"]".getBytes(StandardCharsets.UTF_8));

        assertThat(SortCursor.decode(nan, "relevance", BY_RELEVANCE)).isEmpty();
        assertThat(SortCursor.decode("not-a-cursor!", "shared", BY_TIME)).isEmpty();
        assertThat(SortCursor.decode("W10", "shared", BY_TIME)).isEmpty();
        assertThat(SortCursor.decode("", "shared", BY_TIME)).isEmpty();
    }
}
